import { error } from '@sveltejs/kit';
import { loadVolunteerPublicPage } from '#lib/server/buurthulp/volunteers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const volunteer = await loadVolunteerPublicPage(locals.supabase, params.id);
	if (!volunteer) error(404, 'Deze vrijwilliger bestaat niet (meer).');
	return { volunteer, signedIn: locals.viewer !== null };
};
