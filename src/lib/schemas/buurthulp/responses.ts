// A volunteer's reaction to a hulpvraag, and the requester choosing one.
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
