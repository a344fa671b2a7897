import { loadMyHelp } from '#lib/server/buurthulp/my-help';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	page: await loadMyHelp(locals.supabase)
});
