import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { applicationSchema } from '#lib/schemas/mantelzorg/application-form';
import { enterApplicationForCarer } from '#lib/server/mantelzorg/apply';
import { loadMyDistricts } from '#lib/server/mantelzorg/caseworker';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	districts: await loadMyDistricts(locals.supabase, locals.viewer?.id ?? ''),
	form: await superValidate(zod4(applicationSchema))
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(applicationSchema));
		if (!form.valid) return fail(400, { form });
		const result = await enterApplicationForCarer(locals.supabase, form.data);
		if (!result.ok) {
			if (result.field) return setError(form, result.field, result.problem);
			return message(form, { type: 'error', text: result.problem }, { status: 400 });
		}
		redirect(303, `/mantelzorg/consulent/${result.value}?gelukt=ingevoerd`);
	}
};
