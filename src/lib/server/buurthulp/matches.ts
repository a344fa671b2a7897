// Matches: the match page (the other party's contact details as RLS allows, messages, the
// bedankje, the times help that comes back was given, "hoe ging het?") in one call
// (help_match_page), and the writes on a match.
import { z } from 'zod';
import { followupSide, matchStatus } from '#lib/buurthulp/enums';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { helpErrorMessage, isRlsRefusal } from './errors';
import { contactDetails, requestWhen } from './shapes';

const matchPage = fromRow(
	z.object({
		match: z.object({
			id: z.uuid(),
			status: matchStatus,
			createdAt: z.string(),
			doneAt: z.string().nullable(),
			cancelledAt: z.string().nullable()
		}),
		request: requestWhen.extend({ id: z.uuid(), title: z.string(), category: z.string() }),
		role: z.enum(['volunteer', 'requester', 'coordinator']),
		volunteerName: z.string().nullable(),
		requesterName: z.string(),
		contactWindowOpen: z.boolean(),
		contact: contactDetails.nullable(),
		canComplete: z.boolean(),
		canMessage: z.boolean(),
		messages: z.array(
			z.object({
				id: z.uuid(),
				body: z.string(),
				createdAt: z.string(),
				mine: z.boolean(),
				senderName: z.string(),
				hidden: z.boolean()
			})
		),
		thanks: z.string().nullable(),
		/** Help that comes back: the days it was given ("Deze keer klaar"), newest first. */
		occurrences: z.array(z.string()),
		followup: z.object({ id: z.uuid(), side: followupSide }).nullable()
	})
);

export type MatchPage = z.infer<typeof matchPage>;

/** Null when there is no such match or the caller is not one of its participants. */
export async function loadMatchPage(
	supabase: RequestClient,
	matchId: string
): Promise<MatchPage | null> {
	const { data, error } = await supabase.rpc('help_match_page', { p_match_id: matchId });
	if (error) throw new Error(`help_match_page: ${error.message}`);
	return data === null ? null : matchPage.parse(data);
}

/** A message: a plain insert; the policy admits participants while the contact window is open. */
export async function sendMessage(
	supabase: RequestClient,
	input: { matchId: string; senderId: string; municipalityId: string; body: string }
): Promise<WriteResult> {
	const { error } = await supabase.from('match_messages').insert({
		match_id: input.matchId,
		sender_id: input.senderId,
		municipality_id: input.municipalityId,
		body: input.body
	});
	if (!error) return ok();
	if (isRlsRefusal(error)) {
		return refused(
			'Je kunt hier geen berichten meer sturen. Na de hulp sluit het contact na 14 dagen.'
		);
	}
	return refused(helpErrorMessage(error, 'match_messages'));
}

export async function completeMatch(
	supabase: RequestClient,
	matchId: string,
	thanks: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('complete_match', {
		p_match_id: matchId,
		p_thanks: thanks === '' ? undefined : thanks
	});
	return error ? refused(helpErrorMessage(error)) : ok();
}

/** "Deze keer klaar": records today's time of help that comes back; the match goes on. */
export async function markOccurrenceDone(
	supabase: RequestClient,
	matchId: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('mark_match_occurrence_done', { p_match_id: matchId });
	return error ? refused(helpErrorMessage(error)) : ok();
}

export async function answerFollowup(
	supabase: RequestClient,
	input: { followupId: string; answer: string; comment: string }
): Promise<WriteResult> {
	const { error } = await supabase.rpc('answer_followup', {
		p_followup_id: input.followupId,
		p_answer: input.answer,
		p_comment: input.comment
	});
	return error ? refused(helpErrorMessage(error)) : ok();
}
