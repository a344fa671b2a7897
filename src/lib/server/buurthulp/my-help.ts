// "Mijn buurthulp", a read model: my requests, my reactions and my matches, from one call
// (my_help_page).
import { z } from 'zod';
import { helpRequestStatus, matchStatus, whenKind } from '#lib/buurthulp/enums';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { helpResponse } from './shapes';

const myHelpPage = fromRow(
	z.object({
		requests: z.array(
			z.object({
				id: z.uuid(),
				title: z.string(),
				category: z.string(),
				status: helpRequestStatus,
				hidden: z.boolean(),
				whenKind,
				startsOn: z.string().nullable(),
				endsOn: z.string().nullable(),
				createdAt: z.string(),
				onBehalf: z.boolean(),
				pendingResponses: z.number().int(),
				matchId: z.uuid().nullable()
			})
		),
		responses: z.array(
			helpResponse.extend({
				requestId: z.uuid(),
				title: z.string(),
				requestStatus: helpRequestStatus,
				matchId: z.uuid().nullable()
			})
		),
		matches: z.array(
			z.object({
				id: z.uuid(),
				status: matchStatus,
				createdAt: z.string(),
				doneAt: z.string().nullable(),
				requestId: z.uuid(),
				title: z.string(),
				role: z.enum(['volunteer', 'requester']),
				otherName: z.string().nullable(),
				followupPending: z.boolean()
			})
		)
	})
);

export type MyHelpPage = z.infer<typeof myHelpPage>;

export async function loadMyHelp(supabase: RequestClient): Promise<MyHelpPage> {
	const { data, error } = await supabase.rpc('my_help_page');
	if (error) throw new Error(`my_help_page: ${error.message}`);
	return myHelpPage.parse(data);
}
