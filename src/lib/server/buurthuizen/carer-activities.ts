// The buurthuizen's activities for mantelzorgers (audience "carers") in the next four weeks, as the
// carer's own page lists them. Cancelled dates are left out: this list invites, the buurthuis page
// informs.
import { formatOccurrenceWhen } from '#lib/buurthuizen/occurrence-format';
import type { RequestClient } from '../supabase';
import { listOccurrences } from './activities';

const WEEKS_AHEAD = 4;
const SHOWN = 6;

export interface CarerActivity {
	activityId: string;
	occursOn: string;
	title: string;
	when: string;
	centreName: string;
}

export async function loadCarerActivities(
	supabase: RequestClient,
	now: Date
): Promise<CarerActivity[]> {
	const to = new Date(now.getTime() + WEEKS_AHEAD * 7 * 24 * 3600 * 1000);
	const occurrences = await listOccurrences(supabase, { from: now, to, audience: 'carers' });
	return occurrences
		.filter((o) => !o.cancelled)
		.sort((a, b) => a.startsAt.localeCompare(b.startsAt))
		.slice(0, SHOWN)
		.map((o) => ({
			activityId: o.activityId,
			occursOn: o.occursOn,
			title: o.title,
			when: formatOccurrenceWhen(o.startsAt, o.endsAt),
			centreName: o.centreName
		}));
}
