import { error, fail, redirect } from '@sveltejs/kit';
import { acceptShopInvitation, loadShopInvitation } from '#lib/server/mantelzorg/shops';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND =
	'Deze uitnodiging bestaat niet, of is naar een ander e-mailadres gestuurd. Log in met het e-mailadres waar de uitnodiging naartoe ging.';

export const load: PageServerLoad = async ({ locals, params }) => {
	const invitation = await loadShopInvitation(locals.supabase, params.id);
	if (!invitation || invitation.status === 'withdrawn') error(404, NOT_FOUND);
	return { invitation };
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const result = await acceptShopInvitation(locals.supabase, params.id);
		if (!result.ok) return fail(400, { problem: result.problem });
		redirect(303, `/winkel?winkel=${result.value}`);
	}
};
