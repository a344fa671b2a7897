import { loadFourEyesOverview } from '#lib/server/mantelzorg/four-eyes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	fourEyes: await loadFourEyesOverview(locals.supabase)
});
