// The volunteer profile form. Dutch messages that say what to do; the database checks the same
// limits again (CHECK constraints).
import { z } from 'zod';
import { HELP_CATEGORIES } from '#lib/buurthulp/enums';

export const RADIUS_OPTIONS = [1, 2, 3, 5, 10, 15, 30] as const;
export const MAX_MATCH_OPTIONS = [1, 2, 3, 4, 5, 6, 8, 10] as const;
const SLOT = /^[0-6]-[0-2]$/;

export const volunteerProfileSchema = z.object({
	homeDistrictId: z.uuid({ error: 'Kies de wijk waar je woont.' }),
	categories: z
		.array(z.enum(HELP_CATEGORIES, { error: 'Kies een soort hulp uit de lijst.' }))
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
