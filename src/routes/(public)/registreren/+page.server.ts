import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { codeSchema, emailOnlySchema, safeRedirectPath, signUpSchema } from '#lib/schemas/auth';
import { rememberNext, resendConfirmation, signUp, takeNext, verifyCode } from '#lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

const asked = (url: URL) => url.searchParams.get('naar');

/** The "kijk in je e-mail" screen: for which address, and what happened last. */
const confirmScreen = (email: string, codeError: string | null = null, resent = false) => ({
	confirm: { email, codeError, resent }
});

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.viewer) redirect(303, safeRedirectPath(asked(url), '/profiel'));
	return {
		next: asked(url) ? safeRedirectPath(asked(url)) : null,
		form: await superValidate(zod4(signUpSchema))
	};
};

export const actions: Actions = {
	aanmelden: async ({ request, locals, url, cookies }) => {
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
		// The link in the mail brings her back to where she was going (in this browser).
		if (asked(url)) rememberNext(cookies, safeRedirectPath(asked(url)), url.protocol === 'https:');
		return { form, ...confirmScreen(form.data.email) };
	},

	/** The 6-digit code from the confirmation mail, typed on the "kijk in je e-mail" screen. */
	code: async ({ request, locals, url, cookies, getClientAddress }) => {
		const raw = Object.fromEntries(await request.formData());
		const parsed = codeSchema.safeParse(raw);
		const email = String(raw.email ?? '').slice(0, 320);
		if (!parsed.success) {
			const codeError = parsed.error.issues.find((i) => i.path[0] === 'code')?.message;
			return fail(400, confirmScreen(email, codeError ?? 'Vul de code in.'));
		}
		const verified = await verifyCode(locals.supabase, parsed.data, getClientAddress(), 'sign_up');
		if (verified.error) return fail(400, confirmScreen(email, verified.error));
		takeNext(cookies);
		redirect(303, asked(url) ? safeRedirectPath(asked(url)) : '/?welkom=1');
	},

	/** "Stuur de e-mail opnieuw": the same answer whether or not there is such an account. */
	opnieuw: async ({ request, locals, url }) => {
		const parsed = emailOnlySchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, confirmScreen(''));
		await resendConfirmation(locals.supabase, parsed.data.email, url.origin);
		return confirmScreen(parsed.data.email, null, true);
	}
};
