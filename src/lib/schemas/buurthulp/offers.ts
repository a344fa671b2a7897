// Aanbod: posting and withdrawing an offer, and the public offer list's filters.
import { z } from 'zod';
import { withoutBidiControls } from '../text';
import { HELP_CATEGORIES } from '#lib/buurthulp/enums';

export const offerSchema = z.object({
	category: z
		.union([z.literal(''), z.enum(HELP_CATEGORIES)], { error: 'Kies waar je mee kunt helpen.' })
		.default('')
		.refine((v) => v !== '', 'Kies waar je mee kunt helpen.'),
	title: z
		.string({ error: 'Schrijf in een paar woorden wat je aanbiedt.' })
		.overwrite(withoutBidiControls)
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
	categorie: z.enum(HELP_CATEGORIES).optional().catch(undefined),
	wijk: z.uuid().optional().catch(undefined),
	pagina: z.coerce.number().int().min(1).max(500).catch(1).default(1)
});
