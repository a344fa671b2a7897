// One hulpvraag: what this visitor may see (help_request_page decides, one call) and the
// actions on it: react, accept a reaction, cancel.
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';
import { requestStatus, requestWhen } from './shapes';

const responseStatus = z.enum(['pending', 'accepted', 'declined', 'withdrawn']);

const requestPage = z.object({
	request: requestWhen.extend({
		id: z.uuid(),
		title: z.string(),
		description: z.string(),
		category: z.string(),
		district_name: z.string(),
		district_slug: z.string(),
		postcode_area: z.string().nullable(),
		status: requestStatus,
		hidden: z.boolean(),
		created_at: z.string()
	}),
	viewer: z.object({
		signed_in: z.boolean(),
		acting: z.boolean(),
		own: z.boolean(),
		on_behalf: z.boolean(),
		is_volunteer: z.boolean(),
		blocked: z.boolean(),
		can_react: z.boolean(),
		can_cancel: z.boolean()
	}),
	my_response: z
		.object({
			id: z.uuid(),
			status: responseStatus,
			message: z.string(),
			created_at: z.string()
		})
		.nullable(),
	on_behalf_name: z.string().nullable(),
	responses: z.array(
		z.object({
			id: z.uuid(),
			status: responseStatus,
			message: z.string(),
			created_at: z.string(),
			volunteer_name: z.string(),
			helped_count: z.number().int()
		})
	),
	match: z.object({ id: z.uuid(), status: z.enum(['active', 'done', 'cancelled']) }).nullable()
});

export type RequestPage = z.infer<typeof requestPage>;

/** Null when the request does not exist or is not visible to this visitor (a 404 either way). */
export async function loadRequestPage(
	supabase: RequestClient,
	requestId: string
): Promise<RequestPage | null> {
	const { data, error } = await supabase.rpc('help_request_page', { p_request_id: requestId });
	if (error) throw new Error(`help_request_page: ${error.message}`);
	return data === null ? null : requestPage.parse(data);
}

/** A reaction: a plain insert, checked by the insert policy (open request, not own, not blocked). */
export async function reactToRequest(
	supabase: RequestClient,
	input: { requestId: string; volunteerId: string; municipalityId: string; message: string }
): Promise<string | null> {
	const { error } = await supabase.from('responses').insert({
		request_id: input.requestId,
		volunteer_id: input.volunteerId,
		municipality_id: input.municipalityId,
		message: input.message
	});
	if (!error) return null;
	if (error.code === '23505') return 'Je hebt al gereageerd op deze hulpvraag.';
	// The insert policy refuses blocked accounts, closed requests and one's own request alike.
	if (error.code === '42501') {
		return 'Je kunt (nu) niet reageren op deze hulpvraag. Misschien staat de vraag niet meer open, of is je account geblokkeerd.';
	}
	return helpErrorMessage(error, 'responses');
}

export async function acceptResponse(
	supabase: RequestClient,
	responseId: string
): Promise<{ matchId: string } | { problem: string }> {
	const { data, error } = await supabase.rpc('accept_response', { p_response_id: responseId });
	if (error || !data) return { problem: helpErrorMessage(error) };
	return { matchId: data };
}

export async function cancelRequest(
	supabase: RequestClient,
	requestId: string
): Promise<string | null> {
	const { error } = await supabase.rpc('cancel_help_request', { p_request_id: requestId });
	return error ? helpErrorMessage(error) : null;
}
