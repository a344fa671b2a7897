// A volunteer's reaction to a hulpvraag, and the requester choosing one (and adding a phone number).
import { z } from 'zod';

export const reactionSchema = z.object({
	message: z
		.string({ error: 'Schrijf een kort bericht.' })
		.trim()
		.min(2, 'Schrijf een kort bericht, bijvoorbeeld wanneer je kunt.')
		.max(500, 'Gebruik hoogstens 500 tekens.')
});

export const acceptSchema = z.object({
	responseId: z.uuid({ error: 'Kies een reactie.' })
});

/**
 * Before choosing a volunteer, a resident without a phone number is asked whether to add one
 * (it goes to her profile, so the chosen volunteer can call).
 */
export const phoneSchema = z.object({
	phone: z
		.string({ error: 'Vul je telefoonnummer in, zoals 075 123 4567.' })
		.trim()
		.regex(
			/^\+?[0-9 ()-]{6,20}$/,
			'Vul je telefoonnummer in met alleen cijfers, zoals 075 123 4567.'
		)
});
