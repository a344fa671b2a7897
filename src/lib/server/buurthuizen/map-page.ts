// The map and list page (/buurthuizen) as one read model: places from community_centre_map,
// activities from the activities module, narrowed together by the URL's filters, so the map's
// markers and the list always show the same buurthuizen.
import { accessSummary } from '#lib/buurthuizen/accessibility';
import type { ActivityLine, CentreItem, DistrictGroup } from '#lib/buurthuizen/map-types';
import { activityCategoryLabel, costLabel } from '#lib/buurthuizen/labels';
import { type MapFilters, filterPeriod, filtersActivities } from '#lib/buurthuizen/map-filters';
import { formatOccurrenceWhen } from '#lib/buurthuizen/occurrence-format';
import type { RequestClient } from '../supabase';
import { type Occurrence, listOccurrences } from './activities';
import { loadCentreMap } from './places';
import { loadShopsLayer } from './shops-layer';

/** How many upcoming activities a popup and a list item show. */
export const NEXT_ACTIVITIES = 3;

const line = (o: Occurrence): ActivityLine => ({
	id: o.activityId,
	occursOn: o.occursOn,
	title: o.title,
	when: formatOccurrenceWhen(o.startsAt, o.endsAt),
	category: activityCategoryLabel(o.category),
	cost: costLabel(o.costCents),
	cancelled: o.cancelled,
	full: o.maxParticipants !== null && o.registeredCount >= o.maxParticipants
});

export async function loadMapPage(supabase: RequestClient, filters: MapFilters, now: Date) {
	// The shops layer does not depend on the filters: ask for it alongside the buurthuizen.
	const [map, shops] = await Promise.all([
		loadCentreMap(supabase, filters),
		loadShopsLayer(supabase)
	]);
	const district = filters.wijk ? map.districts.find((d) => d.slug === filters.wijk) : undefined;
	const unknownDistrict = Boolean(filters.wijk) && !district;
	const period = filterPeriod(filters, now);
	const occurrences = await listOccurrences(supabase, {
		...period,
		districtId: district?.id,
		category: filters.categorie,
		freeOnly: filters.gratis
	});
	const byCentre = Map.groupBy(
		[...occurrences].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
		(o) => o.centreId
	);
	const activityFilter = filtersActivities(filters);

	const centres: CentreItem[] = map.centres
		.filter((c) => !district || c.districtId === district.id)
		.filter((c) => !filters.rolstoel || c.wheelchair === 'yes')
		// An activity filter keeps the buurthuizen with a matching activity that still takes place.
		.filter((c) => !activityFilter || (byCentre.get(c.id) ?? []).some((o) => !o.cancelled))
		.map((c) => {
			const own = byCentre.get(c.id) ?? [];
			return {
				id: c.id,
				slug: c.slug,
				name: c.name,
				districtId: c.districtId,
				address: `${c.streetAddress}, ${c.postcode} ${c.city}`,
				latitude: c.latitude,
				longitude: c.longitude,
				access: accessSummary(c),
				wheelchair: c.wheelchair,
				isDemo: c.isDemo,
				distanceM: c.distanceM,
				next: own.slice(0, NEXT_ACTIVITIES).map(line),
				moreActivities: Math.max(0, own.length - NEXT_ACTIVITIES)
			};
		});

	const groups: DistrictGroup[] = map.districts
		.map((d) => ({
			id: d.id,
			slug: d.slug,
			name: d.name,
			centres: centres
				.filter((c) => c.districtId === d.id)
				.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
		}))
		.filter((g) => g.centres.length > 0);

	return {
		districts: map.districts.map((d) => ({ slug: d.slug, name: d.name })),
		outlines: map.districts.map((d) => ({ slug: d.slug, name: d.name, outline: d.outline })),
		origin: map.origin,
		unknownPostcode: map.unknownPostcode,
		unknownDistrict,
		groups,
		// "Bij mij in de buurt": the nearest five, already ordered by the database.
		nearest: map.origin ? centres.slice(0, 5) : [],
		centres,
		shops,
		total: map.centres.length
	};
}

export type MapPage = Awaited<ReturnType<typeof loadMapPage>>;
