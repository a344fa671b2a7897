import { parseBoardFilters } from '#lib/schemas/buurthulp/board';
import { loadBoard, PRINT_LIMIT } from '#lib/server/buurthulp/board';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// Only the wijk counts here: the printed board shows every open request in it.
	const { filters } = parseBoardFilters(url.searchParams, ['wijk']);
	const { wijk } = filters;
	const board = await loadBoard(locals.supabase, filters, PRINT_LIMIT);
	return {
		board,
		wijk: wijk ?? null,
		boardUrl: `${url.origin}/hulp`,
		// People without internet call this number and name a request's short code (/h/CODE).
		coordinatorPhone: locals.municipality.coordinatorPhone,
		shortLinkBase: `${url.host}/h/`,
		printedOn: new Intl.DateTimeFormat('nl-NL', {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'Europe/Amsterdam'
		}).format(new Date())
	};
};
