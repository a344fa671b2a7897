import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { emailOnlySchema, safeRedirectPath, signInSchema } from '#lib/schemas/auth';
import { sendSignInMail, signInWithPassword } from '#lib/server/auth';
import { otherMunicipalitySignIn, refuseForeignAccount } from '#lib/server/tenancy/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = safeRedirectPath(url.searchParams.get('naar'));
	if (locals.viewer) redirect(303, next);
	return {
		linkFailed: url.searchParams.get('fout') === 'link',
		otherMunicipality: url.searchParams.has('andere-gemeente')
			? await otherMunicipalitySignIn(
					locals.supabase,
					url.searchParams.get('andere-gemeente') ?? '',
					url.origin
				)
			: null,
		passwordForm: await superValidate(zod4(signInSchema), { id: 'wachtwoord' }),
		mailForm: await superValidate(zod4(emailOnlySchema), { id: 'mail' })
	};
};

export const actions: Actions = {
	wachtwoord: async ({ request, locals, url, getClientAddress }) => {
		const form = await superValidate(request, zod4(signInSchema), { id: 'wachtwoord' });
		const password = form.data.password;
		// A password is never sent back to the browser, not even after a typo.
		form.data.password = '';
		if (!form.valid) return fail(400, { passwordForm: form });
		const signIn = await signInWithPassword(
			locals.supabase,
			{ email: form.data.email, password },
			getClientAddress()
		);
		if (signIn.error) return message(form, { type: 'error', text: signIn.error }, { status: 400 });
		const other = await refuseForeignAccount(locals.supabase, locals.municipality);
		if (other !== null) redirect(303, `/inloggen?andere-gemeente=${encodeURIComponent(other)}`);
		redirect(303, safeRedirectPath(url.searchParams.get('naar')));
	},
	mail: async ({ request, locals, url }) => {
		const form = await superValidate(request, zod4(emailOnlySchema), { id: 'mail' });
		if (!form.valid) return fail(400, { mailForm: form });
		const sent = await sendSignInMail(locals.supabase, form.data.email, url.origin);
		if (sent.error) return message(form, { type: 'error', text: sent.error }, { status: 400 });
		const params = new URLSearchParams({
			email: form.data.email,
			naar: safeRedirectPath(url.searchParams.get('naar'))
		});
		redirect(303, `/inloggen/code?${params}`);
	}
};
