// Mails about new requests (issue 20 point 5): the volunteer's own choice, and the one-click
// unsubscribe from a mail. SQL decides who may and sends the mails (29_buurthulp_alerts.sql);
// this module turns its answers into page data and Dutch sentences.
import { z } from 'zod';
import { DIGESTS, type RequestAlertsForm } from '#lib/schemas/buurthulp/alerts';
import { ok, refused, type WriteResult } from '../result';
import type { RequestClient } from '../supabase';

const myAlerts = z.object({
	volunteer: z.boolean(),
	urgent: z.boolean(),
	digest: z.enum(DIGESTS)
});
export type MyRequestAlerts = z.infer<typeof myAlerts>;

export async function loadMyRequestAlerts(supabase: RequestClient): Promise<MyRequestAlerts> {
	const { data, error } = await supabase.rpc('my_request_alerts');
	if (error) throw new Error(`my_request_alerts: ${error.code} ${error.message}`);
	return myAlerts.parse(data);
}

const answer = z.object({ ok: z.boolean(), reason: z.string().optional() });

const INVALID_CHOICE = 'Kies welke mails je wilt krijgen.';
const REASONS: Record<string, string> = {
	no_profile:
		'Meld je eerst aan als vrijwilliger. Daarna kun je mails over nieuwe hulpvragen krijgen.',
	invalid_choice: INVALID_CHOICE
};

export async function saveMyRequestAlerts(
	supabase: RequestClient,
	form: RequestAlertsForm
): Promise<WriteResult> {
	const { data, error } = await supabase.rpc('set_request_alerts', {
		p_urgent: form.urgent,
		p_digest: form.digest
	});
	if (error) throw new Error(`set_request_alerts: ${error.code} ${error.message}`);
	const result = answer.parse(data);
	return result.ok ? ok() : refused(REASONS[result.reason ?? ''] ?? INVALID_CHOICE);
}

/** True when the token belonged to someone, whose mails are now off (also when they already were). */
export async function unsubscribeRequestAlerts(
	supabase: RequestClient,
	token: string
): Promise<boolean> {
	const { data, error } = await supabase.rpc('unsubscribe_request_alerts', { p_token: token });
	if (error) throw new Error(`unsubscribe_request_alerts: ${error.code} ${error.message}`);
	return answer.parse(data).ok;
}
