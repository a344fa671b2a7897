import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { emailOnlySchema } from '#lib/schemas/auth';
import { sendPasswordReset } from '#lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	form: await superValidate(zod4(emailOnlySchema))
});

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await superValidate(request, zod4(emailOnlySchema));
		if (!form.valid) return fail(400, { form });
		const sent = await sendPasswordReset(locals.supabase, form.data.email, url.origin);
		if (sent.error) return message(form, { type: 'error', text: sent.error }, { status: 400 });
		// The same answer whether or not the address has an account.
		return message(form, {
			type: 'success',
			text: 'Als er een account is met dit e-mailadres, krijg je nu een e-mail met een link om een nieuw wachtwoord te kiezen.'
		});
	}
};
