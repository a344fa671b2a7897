// Activities of the buurthuizen, read: the occurrence list (weekly series expanded in SQL by
// list_activity_occurrences) and one activity as a visitor may see it (activity_page). The board's
// writes are in activity-writes.ts.
import { z } from 'zod';
import { activityAudience, activityCategory, activityRecurrence } from '#lib/buurthuizen/enums';
import type { ActivityAudience, ActivityCategory } from '#lib/buurthuizen/enums';
import {
	amsterdamTime,
	formatOccurrence,
	fromAmsterdam,
	toAmsterdamIso
} from '#lib/buurthuizen/dates';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { centrePlace } from './places';

export type { ActivityAudience, ActivityCategory };

export interface ActivityFilters {
	from: Date;
	to: Date;
	districtId?: string;
	centreId?: string;
	category?: ActivityCategory;
	freeOnly?: boolean;
	audience?: string;
	/** Only this municipality's activities (the city-wide list and feed). */
	municipalityId?: string;
	/** Only this activity's occurrences (its page, its feed). */
	activityId?: string;
	/** At most this many occurrences (default 2000, at most 5000). */
	limit?: number;
}

export interface Occurrence {
	activityId: string;
	/** The Amsterdam date of this occurrence, "2027-03-29": registrations and skips name it. */
	occursOn: string;
	title: string;
	description: string;
	category: ActivityCategory;
	/** ISO 8601 with the Amsterdam offset, "2027-03-29T10:00:00+02:00". */
	startsAt: string;
	endsAt: string;
	centreId: string;
	centreSlug: string;
	centreName: string;
	districtId: string;
	costCents: number;
	cancelled: boolean;
	cancelReason: string;
	needsRegistration: boolean;
	maxParticipants: number | null;
	registeredCount: number;
	audience: string;
	socialGoalId: string | null;
}

const occurrenceRow = fromRow(
	z.object({
		activityId: z.uuid(),
		occursOn: z.string(),
		title: z.string(),
		description: z.string(),
		category: activityCategory,
		audience: z.string(),
		startsAt: z.string(),
		endsAt: z.string(),
		centreId: z.uuid(),
		centreSlug: z.string(),
		centreName: z.string(),
		districtId: z.uuid(),
		costCents: z.number().int(),
		cancelled: z.boolean(),
		cancelReason: z.string(),
		needsRegistration: z.boolean(),
		maxParticipants: z.number().int().nullable(),
		registeredCount: z.number().int(),
		socialGoalId: z.uuid().nullable()
	})
);

/**
 * Every occurrence of a published activity overlapping [from, to), in start order. Skipped weeks
 * are left out; a cancelled activity's occurrences stay, with `cancelled` set. The period may be
 * at most 400 days.
 */
export async function listOccurrences(
	supabase: RequestClient,
	filters: ActivityFilters
): Promise<Occurrence[]> {
	const { data, error } = await supabase.rpc('list_activity_occurrences', {
		p_from: filters.from.toISOString(),
		p_to: filters.to.toISOString(),
		p_district_id: filters.districtId,
		p_centre_id: filters.centreId,
		p_category: filters.category,
		p_free_only: filters.freeOnly ?? false,
		p_audience: filters.audience,
		p_municipality_id: filters.municipalityId,
		p_activity_id: filters.activityId,
		p_limit: filters.limit
	});
	if (error) throw new Error(`list_activity_occurrences: ${error.code} ${error.message}`);
	return (data ?? []).map((row) => {
		const o = occurrenceRow.parse(row);
		return { ...o, startsAt: toAmsterdamIso(o.startsAt), endsAt: toAmsterdamIso(o.endsAt) };
	});
}

const activityPage = fromRow(
	z.object({
		id: z.uuid(),
		title: z.string(),
		description: z.string(),
		category: activityCategory,
		audience: activityAudience,
		recurrence: activityRecurrence,
		startsAt: z.string(),
		endsAt: z.string(),
		repeatUntil: z.string().nullable(),
		costCents: z.number().int(),
		needsRegistration: z.boolean(),
		maxParticipants: z.number().int().nullable(),
		published: z.boolean(),
		cancelled: z.boolean(),
		cancelReason: z.string(),
		socialGoal: z.object({ id: z.uuid(), title: z.string(), points: z.number().int() }).nullable(),
		centre: centrePlace.extend({
			districtName: z.string(),
			districtSlug: z.string()
		}),
		skippedDates: z.array(z.string()),
		/** Weeks still to come that do not go ahead, with the board's reason. */
		skipped: z.array(
			z.object({
				occursOn: z.string(),
				reason: z.string(),
				/** Moved to another date or time: the one-off that took its place. */
				movedTo: z
					.object({ id: z.uuid(), startsAt: z.string(), endsAt: z.string() })
					.nullable()
					.default(null)
			})
		),
		myRegistrations: z.array(z.string()),
		canManage: z.boolean()
	})
);

export type ActivityPage = z.infer<typeof activityPage>;

/** activity_page's result, with the first occurrence's times in Amsterdam offset. */
export function parseActivityPage(data: unknown): ActivityPage {
	const page = activityPage.parse(data);
	return { ...page, startsAt: toAmsterdamIso(page.startsAt), endsAt: toAmsterdamIso(page.endsAt) };
}

export type ActivityDetail = ActivityPage & {
	/**
	 * The next occurrences (up to a year ahead, at most `upcomingLimit`), cancelled ones marked,
	 * and among them the skipped weeks as cancelled with the board's reason ("gaat niet door").
	 */
	upcoming: Occurrence[];
};

/** A skipped week as the occurrence it would have been, marked as not going ahead. */
function skippedOccurrence(page: ActivityPage, skipped: ActivityPage['skipped'][number]) {
	const startsAt = fromAmsterdam(skipped.occursOn, amsterdamTime(page.startsAt));
	let endsAt = fromAmsterdam(skipped.occursOn, amsterdamTime(page.endsAt));
	if (endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 86_400_000);
	return {
		activityId: page.id,
		occursOn: skipped.occursOn,
		title: page.title,
		description: page.description,
		category: page.category,
		audience: page.audience,
		startsAt: toAmsterdamIso(startsAt),
		endsAt: toAmsterdamIso(endsAt),
		centreId: page.centre.id,
		centreSlug: page.centre.slug,
		centreName: page.centre.name,
		districtId: page.centre.districtId,
		costCents: page.costCents,
		cancelled: true,
		cancelReason: skipped.movedTo
			? [
					`Verplaatst naar ${formatOccurrence(skipped.movedTo.startsAt, skipped.movedTo.endsAt)}.`,
					skipped.reason
				]
					.filter(Boolean)
					.join(' ')
			: skipped.reason,
		needsRegistration: page.needsRegistration,
		maxParticipants: page.maxParticipants,
		registeredCount: 0,
		socialGoalId: page.socialGoal?.id ?? null
	} satisfies Occurrence;
}

/** The skipped weeks within the span of the upcoming list, in date order among them. */
function withSkipped(page: ActivityPage, upcoming: Occurrence[], limit: number): Occurrence[] {
	const last = upcoming.length >= limit ? upcoming.at(-1)?.occursOn : undefined;
	const skipped = page.skipped
		.filter((s) => last === undefined || s.occursOn <= last)
		.map((s) => skippedOccurrence(page, s));
	return [...upcoming, ...skipped].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/**
 * One activity as this visitor may see it, with its next occurrences; null when it does not
 * exist or is unpublished and the visitor is not on its board (a 404 either way).
 * `startsAt`/`endsAt` are the first occurrence, with the Amsterdam offset.
 */
export async function getActivity(
	supabase: RequestClient,
	id: string,
	upcomingLimit = 12,
	now: Date = new Date()
): Promise<ActivityDetail | null> {
	const { data, error } = await supabase.rpc('activity_page', { p_activity_id: id });
	if (error) throw new Error(`activity_page: ${error.code} ${error.message}`);
	if (data === null) return null;
	const page = parseActivityPage(data);
	// An unpublished activity (seen by its board) has no public occurrences: expand it here.
	const upcoming = page.published
		? await listOccurrences(supabase, {
				from: now,
				to: new Date(now.getTime() + 366 * 86_400_000),
				activityId: id,
				limit: upcomingLimit
			})
		: [];
	return { ...page, upcoming: page.published ? withSkipped(page, upcoming, upcomingLimit) : [] };
}
