import { error } from '@sveltejs/kit';
import { loadVerificationsPage } from '#lib/server/buurthulp/verification';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = await loadVerificationsPage(locals.supabase);
	// The guard checks the role; SQL checks it again, for this municipality.
	if (!page) error(403, 'Deze pagina is alleen voor buurtcoördinatoren.');
	return { ...page, done: url.searchParams.get('gelukt') };
};
