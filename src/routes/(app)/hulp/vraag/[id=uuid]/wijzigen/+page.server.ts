import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requestSchema } from '#lib/schemas/buurthulp/requests';
import { loadEditPage, updateHelpRequest } from '#lib/server/buurthulp/requests';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'Deze hulpvraag bestaat niet, of je kunt hem niet wijzigen.';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await loadEditPage(locals.supabase, params.id);
	if (!page) error(404, NOT_FOUND);
	return {
		id: params.id,
		title: page.title,
		editable: page.editable,
		reason: page.reason,
		districts: page.districts,
		form: await superValidate(page.values, zod4(requestSchema), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(requestSchema));
		if (!form.valid) return fail(400, { form });
		const result = await updateHelpRequest(locals.supabase, params.id, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, `/hulp/vraag/${params.id}?gelukt=gewijzigd`);
	}
};
