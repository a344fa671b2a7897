import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { codeSchema, safeRedirectPath } from '#lib/schemas/auth';
import { clearResetRequested, resetRequested, takeNext, verifyCode } from '#lib/server/auth';
import { pathAfterSignIn } from '#lib/server/viewer';
import { refuseForeignAccount } from '#lib/server/tenancy/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies }) => {
	const email = url.searchParams.get('email') ?? '';
	const next = url.searchParams.get('naar');
	return {
		next: next ? safeRedirectPath(next) : null,
		reset: resetRequested(cookies),
		form: await superValidate({ email }, zod4(codeSchema), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url, cookies, getClientAddress }) => {
		const form = await superValidate(request, zod4(codeSchema));
		if (!form.valid) return fail(400, { form });
		// After a reset request in this browser, the code leads to choosing a new password.
		const reset = resetRequested(cookies);
		const verified = await verifyCode(
			locals.supabase,
			form.data,
			getClientAddress(),
			reset ? 'recovery' : 'sign_in'
		);
		if (verified.error)
			return message(form, { type: 'error', text: verified.error }, { status: 400 });
		const other = await refuseForeignAccount(locals.supabase, locals.municipality);
		if (other !== null) redirect(303, `/inloggen?andere-gemeente=${encodeURIComponent(other)}`);
		if (reset) {
			clearResetRequested(cookies);
			redirect(303, '/wachtwoord-herstellen');
		}
		takeNext(cookies);
		redirect(303, await pathAfterSignIn(locals.supabase, url.searchParams.get('naar')));
	}
};
