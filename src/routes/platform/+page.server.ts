import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { newMunicipalitySchema } from '#lib/schemas/tenancy/municipality';
import { createMunicipality, loadPlatformPage } from '#lib/server/tenancy/platform';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	municipalities: await loadPlatformPage(locals.supabase),
	form: await superValidate(zod4(newMunicipalitySchema))
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(newMunicipalitySchema));
		if (!form.valid) return fail(400, { form });
		const created = await createMunicipality(locals.supabase, form.data);
		if (!created.ok)
			return message(form, { type: 'error', text: created.problem }, { status: 400 });
		redirect(303, `/platform/gemeente/${form.data.slug}?nieuw=1`);
	}
};
