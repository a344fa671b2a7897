import { parseBoardFilters } from '#lib/schemas/buurthulp/board';
import { BOARD_PAGE_SIZE, loadBoard } from '#lib/server/buurthulp/board';
import { centresByDistrict, centresFor } from '#lib/server/buurthuizen/district-centres';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { filters, ignored, tooLongSearch } = parseBoardFilters(url.searchParams);
	const [board, centres] = await Promise.all([
		loadBoard(locals.supabase, filters),
		centresByDistrict(locals.supabase, locals.municipality.id)
	]);
	return {
		// The buurthuis of each wijk on this page, named on the cards.
		centres: centresFor(
			centres,
			board.result.items.map((i) => i.districtId)
		),
		filters,
		ignored,
		tooLongSearch: tooLongSearch ?? null,
		board,
		pageSize: BOARD_PAGE_SIZE
	};
};
