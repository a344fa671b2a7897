import { error } from '@sveltejs/kit';
import { loadCentrePage } from '#lib/server/buurthuizen/centre-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const page = await loadCentrePage(
		locals.supabase,
		locals.municipality.id,
		params.slug,
		url.searchParams,
		new Date()
	);
	if (!page) error(404, 'Dit buurthuis bestaat niet (meer).');
	return page;
};
