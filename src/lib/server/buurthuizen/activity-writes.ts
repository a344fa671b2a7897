// The board's writes to activities (create, update, copy, cancel, skip a week), through SQL
// functions that check the board membership themselves; a refusal names its field where it has one.
import type { ActivityAudience, ActivityCategory } from '#lib/buurthuizen/enums';
import { ok, refused, type WriteResult } from '../result';
import type { RequestClient } from '../supabase';
import { errorKey } from '../db-errors';
import { activityErrorField, activityErrorMessage } from './errors';

/** What the board's activity form says, in the shape the SQL functions take. */
export interface ActivityInput {
	title: string;
	description: string;
	category: ActivityCategory;
	audience: ActivityAudience;
	startsAt: Date;
	endsAt: Date;
	recurrence: 'once' | 'weekly';
	/** "2027-06-30", for a weekly activity. */
	repeatUntil: string | null;
	costCents: number;
	needsRegistration: boolean;
	maxParticipants: number | null;
	socialGoalId: string | null;
	published: boolean;
}

function activityArgs(input: ActivityInput) {
	return {
		p_title: input.title,
		p_description: input.description,
		p_category: input.category,
		p_audience: input.audience,
		p_starts_at: input.startsAt.toISOString(),
		p_ends_at: input.endsAt.toISOString(),
		p_recurrence: input.recurrence,
		// Generated types mark SQL arguments non-null; SQL takes null for "none".
		p_repeat_until: (input.recurrence === 'weekly' ? input.repeatUntil : null) as string,
		p_cost_cents: input.costCents,
		p_needs_registration: input.needsRegistration,
		// A maximum without registration is refused (issue 16.5), not silently dropped.
		p_max_participants: input.maxParticipants as number,
		p_social_goal_id: input.socialGoalId as string,
		p_published: input.published
	};
}

/** The new activity's id. */
export async function createActivity(
	supabase: RequestClient,
	centreId: string,
	input: ActivityInput
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('create_activity', {
		p_centre_id: centreId,
		...activityArgs(input)
	});
	if (error || !data) return refused(activityErrorMessage(error), activityErrorField(error));
	return ok(data);
}

export async function updateActivity(
	supabase: RequestClient,
	activityId: string,
	input: ActivityInput
): Promise<WriteResult> {
	const { error } = await supabase.rpc('update_activity', {
		p_activity_id: activityId,
		...activityArgs(input)
	});
	return error ? refused(activityErrorMessage(error), activityErrorField(error)) : ok();
}

/** A copy starting on `startsOn` ("2027-04-05"; default a week later). The copy's id. */
export async function copyActivity(
	supabase: RequestClient,
	activityId: string,
	startsOn?: string
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('copy_activity', {
		p_activity_id: activityId,
		p_starts_on: startsOn
	});
	if (error || !data) return refused(activityErrorMessage(error));
	return ok(data);
}

/** Cancels (or, with cancel false, restores) the activity; it stays visible, marked. */
export async function cancelActivity(
	supabase: RequestClient,
	activityId: string,
	reason: string,
	cancel = true
): Promise<WriteResult> {
	const { error } = await supabase.rpc('cancel_activity', {
		p_activity_id: activityId,
		p_reason: reason,
		p_cancel: cancel
	});
	return error ? refused(activityErrorMessage(error)) : ok();
}

/**
 * Skips (or, with skip false, restores) one week of a weekly activity, by its Amsterdam date; the
 * reason shows on the activity page as "gaat niet door".
 */
export async function skipActivityDate(
	supabase: RequestClient,
	activityId: string,
	occursOn: string,
	skip = true,
	reason = ''
): Promise<WriteResult> {
	const { error } = await supabase.rpc('skip_activity_date', {
		p_activity_id: activityId,
		p_occurs_on: occursOn,
		p_skip: skip,
		p_reason: reason
	});
	return error ? refused(activityErrorMessage(error)) : ok();
}

/**
 * "Andere datum of tijd voor deze keer": one week of a weekly activity moves to another date or
 * time (a one-off that takes the week's registrations along; they get a mail). Returns the
 * one-off's id.
 */
export async function moveActivityDate(
	supabase: RequestClient,
	activityId: string,
	occursOn: string,
	startsAt: Date,
	endsAt: Date,
	reason = ''
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('move_activity_date', {
		p_activity_id: activityId,
		p_occurs_on: occursOn,
		p_starts_at: startsAt.toISOString(),
		p_ends_at: endsAt.toISOString(),
		p_reason: reason
	});
	if (error) return refused(activityErrorMessage(error), MOVE_FIELDS[errorKey(error)]);
	return ok(data as string);
}

const MOVE_FIELDS: Record<string, string> = {
	starts_in_past: 'date',
	nothing_changed: 'date',
	period_closed: 'date',
	invalid_times: 'endTime'
};
