// "Mijn buurthulp": my requests, my reactions and my matches, from one call (my_help_page).
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { requestStatus, whenKind } from './shapes';

const myHelpPage = z.object({
	requests: z.array(
		z.object({
			id: z.uuid(),
			title: z.string(),
			category: z.string(),
			status: requestStatus,
			hidden: z.boolean(),
			when_kind: whenKind,
			starts_on: z.string().nullable(),
			ends_on: z.string().nullable(),
			created_at: z.string(),
			on_behalf: z.boolean(),
			pending_responses: z.number().int(),
			match_id: z.uuid().nullable()
		})
	),
	responses: z.array(
		z.object({
			id: z.uuid(),
			status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']),
			message: z.string(),
			created_at: z.string(),
			request_id: z.uuid(),
			title: z.string(),
			request_status: requestStatus,
			match_id: z.uuid().nullable()
		})
	),
	matches: z.array(
		z.object({
			id: z.uuid(),
			status: z.enum(['active', 'done', 'cancelled']),
			created_at: z.string(),
			done_at: z.string().nullable(),
			request_id: z.uuid(),
			title: z.string(),
			role: z.enum(['volunteer', 'requester']),
			other_name: z.string().nullable(),
			followup_pending: z.boolean()
		})
	)
});

export type MyHelpPage = z.infer<typeof myHelpPage>;

export async function loadMyHelp(supabase: RequestClient): Promise<MyHelpPage> {
	const { data, error } = await supabase.rpc('my_help_page');
	if (error) throw new Error(`my_help_page: ${error.message}`);
	return myHelpPage.parse(data);
}
