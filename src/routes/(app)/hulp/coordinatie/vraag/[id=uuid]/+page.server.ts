import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { categoryLabel } from '#lib/buurthulp/labels';
import { inviteSchema } from '#lib/schemas/buurthulp/moderation';
import {
	inviteVolunteer,
	loadCoordinationRequest,
	volunteerReasons
} from '#lib/server/buurthulp/suggestions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const page = await loadCoordinationRequest(locals.supabase, params.id);
	// The function refuses both "no such request" and "not your municipality" alike.
	if (!page) error(404, 'Deze hulpvraag bestaat niet, of hoort niet bij jouw gemeente.');
	const label = categoryLabel(page.request.category);
	return {
		...page,
		suggestions: page.suggestions.map((v) => ({ ...v, reasons: volunteerReasons(v, label) })),
		invitedName: url.searchParams.get('uitgenodigd')
	};
};

export const actions: Actions = {
	uitnodigen: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(inviteSchema));
		if (!form.valid) return fail(400, { problem: 'Kies een vrijwilliger uit de lijst.' });
		const result = await inviteVolunteer(locals.supabase, params.id, form.data.volunteerId);
		if (!result.ok) return fail(400, { problem: result.problem });
		redirect(303, `/hulp/coordinatie/vraag/${params.id}?uitgenodigd=1`);
	}
};
