import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { emailOnlySchema, safeRedirectPath, signInSchema } from '#lib/schemas/auth';
import { rememberNext, sendSignInMail, signInWithPassword } from '#lib/server/auth';
import { pathAfterSignIn } from '#lib/server/viewer';
import { otherMunicipalitySignIn, refuseForeignAccount } from '#lib/server/tenancy/accounts';
import type { Actions, PageServerLoad } from './$types';

const asked = (url: URL) => url.searchParams.get('naar');

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.viewer) redirect(303, safeRedirectPath(asked(url)));
	return {
		next: asked(url) ? safeRedirectPath(asked(url)) : null,
		fromMail: url.searchParams.get('uit') === 'mail',
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
		// Not confirmed yet: the page offers the code field and "stuur de e-mail opnieuw".
		if (signIn.unconfirmed) {
			return fail(400, { passwordForm: form, unconfirmedEmail: form.data.email });
		}
		if (signIn.error) return message(form, { type: 'error', text: signIn.error }, { status: 400 });
		const other = await refuseForeignAccount(locals.supabase, locals.municipality);
		if (other !== null) redirect(303, `/inloggen?andere-gemeente=${encodeURIComponent(other)}`);
		redirect(303, await pathAfterSignIn(locals.supabase, asked(url)));
	},
	mail: async ({ request, locals, url, cookies }) => {
		const form = await superValidate(request, zod4(emailOnlySchema), { id: 'mail' });
		if (!form.valid) return fail(400, { mailForm: form });
		const sent = await sendSignInMail(locals.supabase, form.data.email, url.origin);
		if (sent.error) return message(form, { type: 'error', text: sent.error }, { status: 400 });
		// The link in the login mail comes back to the asked page too (in this browser).
		if (asked(url)) rememberNext(cookies, safeRedirectPath(asked(url)), url.protocol === 'https:');
		const params = new URLSearchParams({ email: form.data.email });
		if (asked(url)) params.set('naar', safeRedirectPath(asked(url)));
		redirect(303, `/inloggen/code?${params}`);
	}
};
