import { shopFilterSchema } from '#lib/schemas/mantelzorg/shop';
import { listApprovedShops } from '#lib/server/mantelzorg/shops';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = shopFilterSchema.parse(Object.fromEntries(url.searchParams));
	const list = await listApprovedShops(locals.supabase, {
		districtId: filters.wijk ?? null,
		category: filters.soort ?? null
	});
	return { ...list, filters: { wijk: filters.wijk ?? '', soort: filters.soort ?? '' } };
};
