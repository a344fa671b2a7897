// The forms on a match: a message, completing the help with a bedankje (or, for help that comes
// back, one time of it), and "hoe ging het?".
import { z } from 'zod';
import { FOLLOWUP_ANSWERS } from '#lib/buurthulp/enums';
import { optionalText } from './fields';

export const messageSchema = z.object({
	body: z
		.string({ error: 'Schrijf een bericht.' })
		.trim()
		.min(1, 'Schrijf een bericht.')
		.max(2000, 'Gebruik hoogstens 2000 tekens.')
});

export const completeSchema = z.object({
	thanks: optionalText(1000, 'Gebruik hoogstens 1000 tekens voor je bedankje.'),
	/** Help that comes back (every week, …): stopping ends it for good, so it is ticked first. */
	stop: z.boolean().default(false)
});

/**
 * "Deze keer klaar" on help that comes back: the match goes on, one time is recorded. A tick first,
 * so the button beside "Afspraak stoppen" cannot be pressed by mistake.
 */
export const onceDoneSchema = z.object({
	confirmed: z
		.boolean()
		.default(false)
		.refine((v) => v, 'Vink aan dat de hulp van deze keer klaar is.')
});

export const followupSchema = z.object({
	followupId: z.uuid({ error: 'Deze vraag bestaat niet (meer).' }),
	answer: z.enum(FOLLOWUP_ANSWERS, { error: 'Kies hoe het ging.' }),
	comment: optionalText(1000, 'Gebruik hoogstens 1000 tekens.')
});
