import { error, fail, redirect } from '@sveltejs/kit';
import { acceptInvitation, loadInvitation } from '#lib/server/tenancy/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const invitation = await loadInvitation(locals.supabase, params.id);
	if (!invitation) {
		error(
			404,
			'Deze uitnodiging bestaat niet, of is voor een ander e-mailadres. Log in met het e-mailadres waarop je de uitnodiging kreeg.'
		);
	}
	return { invitation };
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const accepted = await acceptInvitation(locals.supabase, params.id);
		if (!accepted.ok) return fail(400, { problem: accepted.problem });
		redirect(303, `/uitnodiging/${params.id}`);
	}
};
