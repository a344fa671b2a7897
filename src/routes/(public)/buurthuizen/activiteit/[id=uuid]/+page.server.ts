import { error } from '@sveltejs/kit';
import { amsterdamDate, amsterdamTime } from '#lib/buurthuizen/dates';
import { eventJsonLd, jsonLdText } from '#lib/buurthuizen/event-json-ld';
import { transportHelpLink } from '#lib/buurthuizen/help-link';
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
	const c = activity.centre;
	const transportHref = transportHelpLink({
		title: activity.title,
		centreName: c.name,
		address: `${c.streetAddress}, ${c.postcode} ${c.city}`,
		districtId: c.districtId,
		occursOn: next?.occursOn ?? amsterdamDate(activity.startsAt),
		startTime: amsterdamTime(next?.startsAt ?? activity.startsAt)
	});
	return {
		activity,
		transportHref,
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
