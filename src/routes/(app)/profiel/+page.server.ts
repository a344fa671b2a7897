import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { profileSchema } from '#lib/schemas/profile';
import { loadProfilePage, profileFormValues, saveProfile } from '#lib/server/profile';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = await loadProfilePage(locals.supabase);
	if (!page) error(404, 'Je profiel is niet gevonden.');
	return {
		welcome: url.searchParams.has('welkom'),
		email: locals.viewer?.email ?? '',
		districts: page.districts,
		form: await superValidate(profileFormValues(page), zod4(profileSchema), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(profileSchema));
		if (!form.valid) return fail(400, { form });
		const result = await saveProfile(locals.supabase, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		return message(form, { type: 'success', text: 'Je profiel is opgeslagen.' });
	}
};
