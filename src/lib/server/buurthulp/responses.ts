// Reactions (responses) to a hulpvraag: a volunteer reacting, and the requester (or a
// coordinator) accepting one, which makes the match and closes the others in one SQL call.
import type { RequestClient } from '../supabase';
import { ok, refused, type WriteResult } from '../result';
import { helpErrorMessage, isRlsRefusal } from './errors';

/** A plain insert, checked by the insert policy (open request, not one's own, not blocked). */
export async function reactToRequest(
	supabase: RequestClient,
	input: { requestId: string; volunteerId: string; municipalityId: string; message: string }
): Promise<WriteResult> {
	const { error } = await supabase.from('responses').insert({
		request_id: input.requestId,
		volunteer_id: input.volunteerId,
		municipality_id: input.municipalityId,
		message: input.message
	});
	if (!error) return ok();
	if (error.code === '23505') return refused('Je hebt al gereageerd op deze hulpvraag.');
	// The insert policy refuses blocked accounts, closed requests and one's own request alike.
	if (isRlsRefusal(error)) {
		return refused(
			'Je kunt (nu) niet reageren op deze hulpvraag. Misschien staat de vraag niet meer open, of is je account geblokkeerd. Of de vraag is voor een kwetsbare inwoner: daarbij kunnen alleen gecontroleerde vrijwilligers helpen (zie "Laat je controleren" op je vrijwilligersprofiel).'
		);
	}
	return refused(helpErrorMessage(error, 'responses'));
}

/** The new match's id. */
export async function acceptResponse(
	supabase: RequestClient,
	responseId: string
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('accept_response', { p_response_id: responseId });
	if (error || !data) return refused(helpErrorMessage(error));
	return ok(data);
}
