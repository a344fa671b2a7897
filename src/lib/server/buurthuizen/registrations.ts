// Registration for one occurrence of an activity (register_for_activity is atomic: never more than
// the maximum), taking it back, and the board's list of who registered.
import { z } from 'zod';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { activityErrorMessage } from './errors';

/** The number registered for that occurrence afterwards. */
export async function registerForActivity(
	supabase: RequestClient,
	activityId: string,
	occursOn: string
): Promise<WriteResult<number>> {
	const { data, error } = await supabase.rpc('register_for_activity', {
		p_activity_id: activityId,
		p_occurs_on: occursOn
	});
	if (error || data === null) return refused(activityErrorMessage(error));
	return ok(data);
}

export async function cancelRegistration(
	supabase: RequestClient,
	activityId: string,
	occursOn: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('cancel_registration', {
		p_activity_id: activityId,
		p_occurs_on: occursOn
	});
	return error ? refused(activityErrorMessage(error)) : ok();
}

const registrationsPage = fromRow(
	z.object({
		activityId: z.uuid(),
		title: z.string(),
		maxParticipants: z.number().int().nullable(),
		dates: z.array(
			z.object({ occursOn: z.string(), count: z.number().int(), names: z.array(z.string()) })
		)
	})
);

export type RegistrationsPage = z.infer<typeof registrationsPage>;

/** Who registered, per date; null for anyone but the centre's board and municipality admins. */
export async function loadRegistrations(
	supabase: RequestClient,
	activityId: string
): Promise<RegistrationsPage | null> {
	const { data, error } = await supabase.rpc('activity_registrations_page', {
		p_activity_id: activityId
	});
	// Not granted to anonymous visitors: there is nothing for them to see.
	if (error?.code === '42501') return null;
	if (error) throw new Error(`activity_registrations_page: ${error.code} ${error.message}`);
	return data === null ? null : registrationsPage.parse(data);
}
