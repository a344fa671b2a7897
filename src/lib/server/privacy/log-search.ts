// The privacy officer's search of the processing log (search_processing_log logs the search
// itself, for the person searched for).
import { z } from 'zod';
import type { LogSearchForm } from '#lib/schemas/privacy';
import { dbErrorMessage } from '../db-errors';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';

const line = z.object({
	createdAt: z.string(),
	traceId: z.string(),
	name: z.string(),
	operation: z.enum(['read', 'change']),
	activity: z.string(),
	activityName: z.string(),
	subjectId: z.uuid(),
	subjectType: z.string(),
	subjectName: z.string().nullable(),
	actorId: z.uuid().nullable(),
	actorName: z.string().nullable(),
	actorRole: z.string().nullable(),
	actorOrganisation: z.string(),
	objectType: z.string().nullable()
});
export type LogLine = z.infer<typeof line>;

const answer = fromRow(
	z.union([
		z.object({ ok: z.literal(true), lines: z.array(line) }),
		z.object({ ok: z.literal(false), reason: z.string() })
	])
);

const REASONS: Record<string, string> = {
	search_needs_person_or_actor: 'Vul een persoon of een medewerker in.',
	person_not_found: 'Er is geen persoon met dit e-mailadres of nummer in deze gemeente.',
	actor_not_found: 'Er is geen medewerker met dit e-mailadres of nummer in deze gemeente.'
};

export async function searchProcessingLog(
	supabase: RequestClient,
	form: LogSearchForm
): Promise<WriteResult<LogLine[]>> {
	const { data, error } = await supabase.rpc('search_processing_log', {
		p_person: form.person,
		p_actor: form.actor,
		p_from: (form.from || null) as string,
		p_to: (form.to || null) as string,
		p_limit: 500
	});
	if (error) return refused(dbErrorMessage(error));
	const parsed = answer.parse(data);
	if (!parsed.ok) return refused(REASONS[parsed.reason] ?? dbErrorMessage(null));
	return ok(parsed.lines);
}
