import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { emailOnlySchema } from '#lib/schemas/auth';
import { markResetRequested, sendPasswordReset } from '#lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	form: await superValidate(zod4(emailOnlySchema))
});

export const actions: Actions = {
	default: async ({ request, locals, url, cookies }) => {
		const form = await superValidate(request, zod4(emailOnlySchema));
		if (!form.valid) return fail(400, { form });
		const sent = await sendPasswordReset(locals.supabase, form.data.email, url.origin);
		if (sent.error) return message(form, { type: 'error', text: sent.error }, { status: 400 });
		// The code page then verifies the mail's code as a reset and asks for the new password.
		markResetRequested(cookies, url.protocol === 'https:');
		// The same answer whether or not the address has an account.
		redirect(303, `/inloggen/code?${new URLSearchParams({ email: form.data.email })}`);
	}
};
