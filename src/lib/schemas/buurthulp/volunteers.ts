// Buurthulp forms for volunteers: the volunteer profile and aanbod. Dutch messages that say what
// to do; the database checks the same limits again (CHECK constraints).
import { z } from 'zod';
import { CATEGORIES } from '#lib/buurthulp/categories';

export const RADIUS_OPTIONS = [1, 2, 3, 5, 10, 15, 30] as const;
export const MAX_MATCH_OPTIONS = [1, 2, 3, 4, 5, 6, 8, 10] as const;
const SLOT = /^[0-6]-[0-2]$/;

export const volunteerProfileSchema = z.object({
	homeDistrictId: z.uuid({ error: 'Kies de wijk waar je woont.' }),
	categories: z
		.array(z.enum(CATEGORIES, { error: 'Kies een soort hulp uit de lijst.' }))
		.default([]),
	districtIds: z.array(z.uuid({ error: 'Kies een wijk uit de lijst.' })).default([]),
	radiusKm: z.coerce
		.number({ error: 'Kies hoe ver je wilt reizen.' })
		.int('Kies hoe ver je wilt reizen.')
		.min(1, 'Kies hoe ver je wilt reizen.')
		.max(30, 'Kies hoe ver je wilt reizen (hoogstens 30 km).')
		.default(3),
	availability: z
		.array(z.string().regex(SLOT, 'Kies dagdelen uit het rooster.'))
		.default([])
		.refine((slots) => slots.length > 0, 'Kies minstens één dagdeel waarop je kunt helpen.'),
	maxActiveMatches: z.coerce
		.number({ error: 'Kies hoeveel mensen je tegelijk wilt helpen.' })
		.int('Kies hoeveel mensen je tegelijk wilt helpen.')
		.min(1, 'Kies hoeveel mensen je tegelijk wilt helpen (minstens 1).')
		.max(10, 'Kies hoeveel mensen je tegelijk wilt helpen (hoogstens 10).')
		.default(3),
	isPaused: z.boolean().default(false),
	about: z.string().trim().max(500, 'Gebruik hoogstens 500 tekens.').default('')
});

export type VolunteerProfileForm = z.infer<typeof volunteerProfileSchema>;

export const offerSchema = z.object({
	category: z
		.union([z.literal(''), z.enum(CATEGORIES)], { error: 'Kies waar je mee kunt helpen.' })
		.default('')
		.refine((v) => v !== '', 'Kies waar je mee kunt helpen.'),
	title: z
		.string({ error: 'Schrijf in een paar woorden wat je aanbiedt.' })
		.trim()
		.min(5, 'Schrijf in een paar woorden wat je aanbiedt (minstens 5 tekens).')
		.max(100, 'Gebruik hoogstens 100 tekens voor de korte omschrijving.'),
	description: z
		.string({ error: 'Vertel wat meer over je aanbod.' })
		.trim()
		.min(10, 'Vertel wat meer over je aanbod (minstens 10 tekens).')
		.max(2000, 'Gebruik hoogstens 2000 tekens voor de uitleg.'),
	districtId: z.uuid({ error: 'Kies de wijk waar je helpt.' }),
	whenText: z.string().trim().max(200, 'Gebruik hoogstens 200 tekens.').default('')
});

export type OfferForm = z.infer<typeof offerSchema>;

export const withdrawOfferSchema = z.object({
	offerId: z.uuid({ error: 'Dit aanbod bestaat niet (meer).' })
});

/** The public offer list's GET filters; anything malformed is dropped (it is a link). */
export const offerFilterSchema = z.object({
	categorie: z.enum(CATEGORIES).optional().catch(undefined),
	wijk: z.uuid().optional().catch(undefined),
	pagina: z.coerce.number().int().min(1).max(500).catch(1).default(1)
});
