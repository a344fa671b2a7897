import { error } from '@sveltejs/kit';
import { getDistrict } from '#lib/server/buurthuizen/places';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const district = await getDistrict(locals.supabase, locals.municipality.id, params.slug);
	if (!district) error(404, 'Deze wijk kennen we niet.');
	return { district };
};
