import { fail, redirect } from '@sveltejs/kit';
import {
	askForVerification,
	isVerified,
	loadOwnVerification
} from '#lib/server/buurthulp/verification';
import { todayInNl } from '#lib/schemas/buurthulp/fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// The (app) guard has signed the person in.
	const viewer = locals.viewer!;
	const own = await loadOwnVerification(locals.supabase, viewer.id);
	return {
		isVolunteer: viewer.isVolunteer,
		verified: isVerified(own, todayInNl()),
		expiresOn: own?.expiresOn ?? null,
		requestedAt: own?.requestedAt ?? null,
		asked: url.searchParams.get('gelukt') === 'gevraagd'
	};
};

export const actions: Actions = {
	default: async ({ locals }) => {
		const result = await askForVerification(locals.supabase);
		if (!result.ok) return fail(400, { problem: result.problem });
		redirect(303, '/hulp/vrijwilliger/controle?gelukt=gevraagd');
	}
};
