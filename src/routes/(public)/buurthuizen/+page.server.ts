import { PUBLIC_MAP_TILE_ATTRIBUTION, PUBLIC_MAP_TILE_URL } from '$app/env/public';
import { ACTIVITY_CATEGORY_OPTIONS } from '#lib/buurthuizen/labels';
import { parseMapFilters } from '#lib/buurthuizen/map-filters';
import { tileLayer } from '#lib/buurthuizen/tiles';
import { loadMapPage } from '#lib/server/buurthuizen/map-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { filters, postcodeError } = parseMapFilters(url.searchParams);
	const page = await loadMapPage(
		locals.supabase,
		postcodeError ? { ...filters, postcode: undefined } : filters,
		new Date()
	);
	return {
		filters,
		postcodeError,
		categoryOptions: ACTIVITY_CATEGORY_OPTIONS,
		page,
		tiles: tileLayer(PUBLIC_MAP_TILE_URL, PUBLIC_MAP_TILE_ATTRIBUTION)
	};
};
