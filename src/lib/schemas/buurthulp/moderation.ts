// Buurthulp safety forms: reporting content, and the coordinator's moderation and invitations.
// Every moderation action needs a reason: it goes into the moderation log.
import { z } from 'zod';
import { reportTargetType, type ReportTargetType } from '#lib/buurthulp/enums';

/** The `soort` in /hulp/melden?soort=…, mapped to the database's target types. */
export const REPORT_KINDS: Record<'request' | 'offer' | 'message', ReportTargetType> = {
	request: 'help_request',
	offer: 'help_offer',
	message: 'match_message'
};
export type ReportKind = keyof typeof REPORT_KINDS;

export const REPORT_REASONS = {
	scam: 'Oplichting of geld vragen',
	abuse: 'Beledigend, bedreigend of discriminerend',
	privacy: 'Er staan persoonlijke gegevens in',
	not_help: 'Dit is geen hulpvraag of aanbod (bijvoorbeeld reclame)',
	other: 'Iets anders'
} as const;
export const REPORT_REASON_KEYS = Object.keys(REPORT_REASONS) as [
	keyof typeof REPORT_REASONS,
	...(keyof typeof REPORT_REASONS)[]
];

export const reportTargetSchema = z.object({
	soort: z.enum(['request', 'offer', 'message']),
	id: z.uuid()
});

export const reportSchema = z.object({
	reasonKind: z
		.union([z.literal(''), z.enum(REPORT_REASON_KEYS)], { error: 'Kies wat er aan de hand is.' })
		.default('')
		.refine((v) => v !== '', 'Kies wat er aan de hand is.'),
	details: z
		.string({ error: 'Vertel kort wat er niet klopt.' })
		.trim()
		.min(5, 'Vertel kort wat er niet klopt (minstens 5 tekens).')
		.max(900, 'Gebruik hoogstens 900 tekens.')
});

export type ReportForm = z.infer<typeof reportSchema>;

const reason = z
	.string({ error: 'Schrijf op waarom je dit doet.' })
	.trim()
	.min(3, 'Schrijf op waarom je dit doet (minstens 3 tekens). Dit komt in het logboek.')
	.max(1000, 'Gebruik hoogstens 1000 tekens.');

/** One form per report: hide the content, block its author, or dismiss the report. */
export const moderationSchema = z.object({
	reportId: z.uuid({ error: 'Deze melding bestaat niet (meer).' }),
	targetType: reportTargetType,
	targetId: z.uuid(),
	authorId: z.union([z.literal(''), z.uuid()]).default(''),
	reason
});

export type ModerationForm = z.infer<typeof moderationSchema>;

export const inviteSchema = z.object({
	volunteerId: z.uuid({ error: 'Kies een vrijwilliger.' })
});
