import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { signUpSchema } from '#lib/schemas/auth';
import { signUp } from '#lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.viewer) redirect(303, '/profiel');
	return { form: await superValidate(zod4(signUpSchema)) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await superValidate(request, zod4(signUpSchema));
		const { password } = form.data;
		form.data.password = '';
		form.data.passwordConfirm = '';
		if (!form.valid) return fail(400, { form });
		const signedUp = await signUp(
			locals.supabase,
			{
				email: form.data.email,
				password,
				displayName: form.data.displayName,
				municipality: locals.municipality.slug
			},
			url.origin
		);
		if (signedUp.error)
			return message(form, { type: 'error', text: signedUp.error }, { status: 400 });
		return message(form, {
			type: 'success',
			text: `We hebben een e-mail gestuurd naar ${form.data.email}. Klik op de link in die e-mail om je account te bevestigen. Daarna kun je inloggen.`
		});
	}
};
