import { loadSchemeInfo } from '#lib/server/mantelzorg/scheme-info';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	scheme: await loadSchemeInfo(locals.supabase, locals.municipality.id)
});
