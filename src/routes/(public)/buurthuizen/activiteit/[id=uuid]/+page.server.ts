import { error } from '@sveltejs/kit';
import { eventJsonLd, jsonLdText } from '#lib/buurthuizen/event-json-ld';
import { activityAudienceLabel, activityCategoryLabel, costLabel } from '#lib/buurthuizen/labels';
import { getActivity } from '#lib/server/buurthuizen/activities';
import { occurrenceView } from '#lib/server/buurthuizen/centre-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const activity = await getActivity(locals.supabase, params.id);
	if (!activity) error(404, 'Deze activiteit bestaat niet, of is (nog) niet openbaar.');
	const next = activity.upcoming.find((o) => !o.cancelled) ?? activity.upcoming[0] ?? null;
	const full =
		next !== null && next.maxParticipants !== null && next.registeredCount >= next.maxParticipants;
	const jsonLd = jsonLdText(
		eventJsonLd(
			{
				...activity,
				full,
				next: next && { startsAt: next.startsAt, endsAt: next.endsAt }
			},
			url.origin
		)
	);
	return {
		activity,
		upcoming: activity.upcoming.map(occurrenceView),
		labels: {
			category: activityCategoryLabel(activity.category),
			audience: activityAudienceLabel(activity.audience),
			cost: costLabel(activity.costCents)
		},
		next,
		full,
		jsonLd
	};
};
