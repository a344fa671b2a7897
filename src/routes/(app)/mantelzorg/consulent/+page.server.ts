import { loadQueue } from '#lib/server/mantelzorg/caseworker';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
	queue: await loadQueue(locals.supabase),
	entered: url.searchParams.get('gelukt') === 'ingevoerd'
});
