import { loadRegister } from '#lib/server/privacy/register';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	register: await loadRegister(locals.supabase)
});
