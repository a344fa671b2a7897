import { loadFourEyesOverview } from '#lib/server/mantelzorg/four-eyes';
import { expiryState, loadSecurityContact } from '#lib/server/platform/security-txt';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [fourEyes, contact] = await Promise.all([
		loadFourEyesOverview(locals.supabase),
		loadSecurityContact(locals.supabase, locals.municipality.id)
	]);
	return { fourEyes, securityTxt: expiryState(contact) };
};
