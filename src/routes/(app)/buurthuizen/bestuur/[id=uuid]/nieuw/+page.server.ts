import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { CENTRE_ARCHIVED } from '#lib/buurthuizen/labels';
import { newActivitySchema } from '#lib/schemas/buurthuizen/activity';
import { createActivity } from '#lib/server/buurthuizen/activity-writes';
import { formToInput, loadCentreBoard } from '#lib/server/buurthuizen/board';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const board = await loadCentreBoard(locals.supabase, params.id);
	if (!board) error(404, 'Dit buurthuis bestaat niet, of je zit niet in het bestuur ervan.');
	// The form's refusal says the same, for a form opened before the admin archived it.
	if (board.centre.archived) error(403, CENTRE_ARCHIVED);
	return {
		centre: board.centre,
		socialGoals: board.socialGoals,
		form: await superValidate(
			{ startTime: '10:00', endTime: '12:00', published: true },
			zod4(newActivitySchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(newActivitySchema));
		if (!form.valid) return fail(400, { form });
		const result = await createActivity(locals.supabase, params.id, formToInput(form.data));
		if (!result.ok && result.field) {
			return setError(form, result.field as keyof typeof form.data, result.problem);
		}
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, `/buurthuizen/bestuur/activiteit/${result.value}?gelukt=geplaatst`);
	}
};
