import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { applicationSchema } from '#lib/schemas/mantelzorg/application-form';
import { loadApplyPage, submitApplication } from '#lib/server/mantelzorg/apply';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	page: locals.viewer?.municipalityId
		? await loadApplyPage(locals.supabase, locals.viewer.municipalityId)
		: { districts: [], open: null, next: null },
	form: await superValidate(zod4(applicationSchema))
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(applicationSchema));
		if (!form.valid) return fail(400, { form });
		const result = await submitApplication(locals.supabase, form.data);
		if (!result.ok) {
			if (result.field) return setError(form, result.field, result.problem);
			return message(form, { type: 'error', text: result.problem }, { status: 400 });
		}
		redirect(303, '/mantelzorg/mijn?gelukt=aangevraagd');
	}
};
