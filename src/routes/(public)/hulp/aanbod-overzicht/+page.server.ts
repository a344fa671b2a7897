import { offerFilterSchema } from '#lib/schemas/buurthulp/offers';
import { loadOffersBoard, OFFERS_PER_PAGE } from '#lib/server/buurthulp/offers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const raw = Object.fromEntries(
		[...url.searchParams.entries()].filter(([, value]) => value.trim() !== '')
	);
	const filters = offerFilterSchema.parse(raw);
	const board = await loadOffersBoard(locals.supabase, filters);
	return {
		filters,
		board,
		pages: Math.max(1, Math.ceil(board.total / OFFERS_PER_PAGE)),
		signedIn: locals.viewer !== null
	};
};
