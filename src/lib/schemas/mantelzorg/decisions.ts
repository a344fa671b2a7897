// The short forms around an application: the carer's answer, the consulent's question, the
// rejection reason, the call-back outcome. The SQL functions check the same limits again.
import { z } from 'zod';
import { Constants } from '#lib/database.types';

export const answerSchema = z.object({
	applicationId: z.uuid('Deze aanvraag bestaat niet (meer).'),
	answer: z.string().trim().min(1, 'Schrijf je antwoord op.').max(2000, 'Hoogstens 2000 tekens.')
});

/** The carer's answer as the consulent writes it down (from a phone call or a talk). */
export const caseworkerAnswerSchema = z.object({
	answer: z.string().trim().min(1, 'Schrijf het antwoord op.').max(2000, 'Hoogstens 2000 tekens.')
});

export const questionSchema = z.object({
	question: z
		.string()
		.trim()
		.min(3, 'Schrijf je vraag op (minstens 3 tekens).')
		.max(1000, 'Hoogstens 1000 tekens.')
});

export const rejectionSchema = z.object({
	reason: z
		.string()
		.trim()
		.min(3, 'Schrijf op waarom de aanvraag is afgewezen (minstens 3 tekens).')
		.max(1000, 'Hoogstens 1000 tekens.')
});

export const callbackOutcomeSchema = z.object({
	checkId: z.uuid('Deze controle bestaat niet (meer).'),
	outcome: z.enum(Constants.public.Enums.callback_outcome, 'Kies een uitkomst.'),
	note: z.string().trim().max(1000, 'Hoogstens 1000 tekens.').default('')
});

export const sampleSchema = z.object({
	size: z.coerce
		.number('Vul een aantal in.')
		.int('Vul een heel getal in.')
		.min(1, 'Kies minstens 1 aanvraag.')
		.max(200, 'Kies hoogstens 200 aanvragen.')
});
