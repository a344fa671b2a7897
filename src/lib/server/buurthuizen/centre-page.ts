// A buurthuis's page and its printable week programme: the buurthuis (one query) and its
// activities in the chosen week, or the four weeks from it for the list view (one query).
import { addDays, weekOf } from '#lib/buurthuizen/calendar-days';
import { amsterdamDate } from '#lib/buurthuizen/dates';
import { dayStart } from '#lib/buurthuizen/calendar-days';
import { activityCategoryLabel, costLabel } from '#lib/buurthuizen/labels';
import type { RequestClient } from '../supabase';
import { type Occurrence, listOccurrences } from './activities';
import { type CentreDetail, getCentre } from './places';

export type CentreView = 'week' | 'lijst';

/** How many weeks the list view shows. */
export const LIST_WEEKS = 4;

/** An occurrence with its Dutch words, made on the server (labels.ts is not for the browser). */
export type OccurrenceView = Occurrence & {
	categoryLabel: string;
	costLabel: string;
	full: boolean;
};

export const occurrenceView = (o: Occurrence): OccurrenceView => ({
	...o,
	categoryLabel: activityCategoryLabel(o.category),
	costLabel: costLabel(o.costCents),
	full: o.maxParticipants !== null && o.registeredCount >= o.maxParticipants
});

export interface DayColumn {
	day: string;
	occurrences: OccurrenceView[];
}

export interface CentrePage {
	centre: CentreDetail;
	week: ReturnType<typeof weekOf>;
	view: CentreView;
	days: DayColumn[];
	list: OccurrenceView[];
}

export async function loadCentrePage(
	supabase: RequestClient,
	municipalityId: string,
	slug: string,
	params: URLSearchParams,
	now: Date
): Promise<CentrePage | null> {
	const centre = await getCentre(supabase, municipalityId, slug);
	if (!centre) return null;
	const week = weekOf(params.get('week'), now);
	const view: CentreView = params.get('weergave') === 'lijst' ? 'lijst' : 'week';
	const to = view === 'lijst' ? dayStart(addDays(week.monday, 7 * LIST_WEEKS)) : week.to;
	const occurrences = (
		await listOccurrences(supabase, { from: week.from, to, centreId: centre.id })
	).map(occurrenceView);
	const days = week.days.map((day) => ({
		day,
		occurrences: occurrences.filter((o) => amsterdamDate(o.startsAt) === day)
	}));
	return { centre, week, view, days, list: occurrences };
}
