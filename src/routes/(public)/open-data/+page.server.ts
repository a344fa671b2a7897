import { loadOpenYears } from '#lib/server/monitor/open-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	years: await loadOpenYears(locals.supabase)
});
