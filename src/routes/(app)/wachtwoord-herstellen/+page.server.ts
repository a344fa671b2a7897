import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { newPasswordSchema } from '#lib/schemas/auth';
import { clearResetRequested, setNewPassword } from '#lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	form: await superValidate(zod4(newPasswordSchema))
});

export const actions: Actions = {
	default: async ({ request, locals, cookies }) => {
		const form = await superValidate(request, zod4(newPasswordSchema));
		const { password } = form.data;
		form.data.password = '';
		form.data.passwordConfirm = '';
		if (!form.valid) return fail(400, { form });
		const saved = await setNewPassword(locals.supabase, password);
		if (saved.error) return message(form, { type: 'error', text: saved.error }, { status: 400 });
		clearResetRequested(cookies);
		return message(form, { type: 'success', text: 'Je nieuwe wachtwoord is opgeslagen.' });
	}
};
