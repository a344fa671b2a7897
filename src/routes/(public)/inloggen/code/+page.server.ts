import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { codeSchema, safeRedirectPath } from '#lib/schemas/auth';
import { verifyCode } from '#lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const email = url.searchParams.get('email') ?? '';
	return { form: await superValidate({ email }, zod4(codeSchema), { errors: false }) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await superValidate(request, zod4(codeSchema));
		if (!form.valid) return fail(400, { form });
		const verified = await verifyCode(locals.supabase, form.data);
		if (verified.error)
			return message(form, { type: 'error', text: verified.error }, { status: 400 });
		redirect(303, safeRedirectPath(url.searchParams.get('naar')));
	}
};
