import { parseBoardFilters } from '#lib/schemas/buurthulp/board';
import { BOARD_PAGE_SIZE, loadBoard } from '#lib/server/buurthulp/board';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { filters, ignored, tooLongSearch } = parseBoardFilters(url.searchParams);
	const board = await loadBoard(locals.supabase, filters);
	return {
		filters,
		ignored,
		tooLongSearch: tooLongSearch ?? null,
		board,
		pageSize: BOARD_PAGE_SIZE,
		signedIn: locals.viewer !== null
	};
};
