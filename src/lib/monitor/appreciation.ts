// "Voel je je gewaardeerd?": the one optional question a carer answers about their
// mantelzorgwaardering (on /mantelzorg/mijn). Reports only count the answers.
import { z } from 'zod';

export const APPRECIATION_ANSWERS = [
	{ value: 'yes', label: 'Ja' },
	{ value: 'somewhat', label: 'Een beetje' },
	{ value: 'no', label: 'Nee' }
] as const;

export type AppreciationAnswer = (typeof APPRECIATION_ANSWERS)[number]['value'];

export const appreciationSchema = z.object({
	chequeId: z.uuid('Deze waardering bestaat niet (meer).'),
	answer: z.enum(['yes', 'somewhat', 'no'], 'Kies ja, een beetje of nee.')
});

export const appreciationLabel = (answer: string | null | undefined) =>
	APPRECIATION_ANSWERS.find((a) => a.value === answer)?.label ?? null;
