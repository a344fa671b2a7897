// The match page: the other party's contact details (RLS decides), messages, completing the
// match with a bedankje, and the "hoe ging het?" answer. One call to load (help_match_page).
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';
import { requestWhen } from './shapes';

const matchPage = z.object({
	match: z.object({
		id: z.uuid(),
		status: z.enum(['active', 'done', 'cancelled']),
		created_at: z.string(),
		done_at: z.string().nullable(),
		cancelled_at: z.string().nullable()
	}),
	request: requestWhen.extend({ id: z.uuid(), title: z.string(), category: z.string() }),
	role: z.enum(['volunteer', 'requester', 'coordinator']),
	volunteer_name: z.string().nullable(),
	requester_name: z.string(),
	contact_window_open: z.boolean(),
	contact: z
		.object({
			name: z.string().nullable(),
			phone: z.string().nullable(),
			street_address: z.string().nullable(),
			postcode: z.string().nullable(),
			city: z.string().nullable()
		})
		.nullable(),
	can_complete: z.boolean(),
	can_message: z.boolean(),
	messages: z.array(
		z.object({
			id: z.uuid(),
			body: z.string(),
			created_at: z.string(),
			mine: z.boolean(),
			sender_name: z.string(),
			hidden: z.boolean()
		})
	),
	thanks: z.string().nullable(),
	followup: z.object({ id: z.uuid(), side: z.enum(['requester', 'volunteer']) }).nullable()
});

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
): Promise<string | null> {
	const { error } = await supabase.from('match_messages').insert({
		match_id: input.matchId,
		sender_id: input.senderId,
		municipality_id: input.municipalityId,
		body: input.body
	});
	if (!error) return null;
	if (error.code === '42501') {
		return 'Je kunt hier geen berichten meer sturen. Na de hulp sluit het contact na 14 dagen.';
	}
	return helpErrorMessage(error, 'match_messages');
}

export async function completeMatch(
	supabase: RequestClient,
	matchId: string,
	thanks: string
): Promise<string | null> {
	const { error } = await supabase.rpc('complete_match', {
		p_match_id: matchId,
		p_thanks: thanks === '' ? undefined : thanks
	});
	return error ? helpErrorMessage(error) : null;
}

export async function answerFollowup(
	supabase: RequestClient,
	input: { followupId: string; answer: string; comment: string }
): Promise<string | null> {
	const { error } = await supabase.rpc('answer_followup', {
		p_followup_id: input.followupId,
		p_answer: input.answer,
		p_comment: input.comment
	});
	return error ? helpErrorMessage(error) : null;
}
