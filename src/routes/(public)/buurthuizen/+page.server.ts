import { listCentresByDistrict } from '#lib/server/buurthuizen/centres';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	districts: await listCentresByDistrict(locals.supabase)
});
