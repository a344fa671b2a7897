import { fail } from '@sveltejs/kit';
import {
	confirmIdentity,
	deleteMyAccount,
	loadDeletionPage,
	mailDeletionCode
} from '#lib/server/privacy/account-deletion';
import { signOut } from '#lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	page: await loadDeletionPage(locals.supabase)
});

const field = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '')
		.trim()
		.slice(0, max);

export const actions: Actions = {
	code: async (event) => {
		const page = await loadDeletionPage(event.locals.supabase);
		if (!page) return fail(401, { error: 'Je bent niet meer ingelogd.' });
		const error = await mailDeletionCode(event, page.email);
		if (error) return fail(400, { error });
		return { codeSent: true };
	},
	verwijderen: async (event) => {
		const form = await event.request.formData();
		const page = await loadDeletionPage(event.locals.supabase);
		if (!page) return fail(401, { error: 'Je bent niet meer ingelogd.' });
		if (form.get('zeker') !== 'ja')
			return fail(400, { error: 'Vink aan dat je je account echt wilt verwijderen.' });
		const error = await confirmIdentity(event, page.email, {
			password: field(form, 'wachtwoord', 200),
			code: field(form, 'code', 10)
		});
		if (error) return fail(400, { error });
		const result = await deleteMyAccount(event.locals.supabase);
		await signOut(event.locals.supabase);
		return { deleted: true, kept: result.kept };
	}
};
