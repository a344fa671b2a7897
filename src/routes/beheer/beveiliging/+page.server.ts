import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import {
	expiryState,
	loadSecurityContact,
	renewSecurityTxt
} from '#lib/server/platform/security-txt';
import type { Actions, PageServerLoad } from './$types';

const inAYear = () => {
	const d = new Date();
	d.setDate(d.getDate() + 364);
	return d.toISOString().slice(0, 10);
};

const renewSchema = z.object({
	contact: z.string().trim().min(1, 'Vul een contact in.').max(200),
	policyUrl: z.string().trim().max(300).default(''),
	expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Kies een datum.')
});

export const load: PageServerLoad = async ({ locals }) => {
	const contact = await loadSecurityContact(locals.supabase, locals.municipality.id);
	const form = await superValidate(
		{
			contact: contact?.contact ?? 'mailto:',
			policyUrl: contact?.policyUrl ?? '',
			expiresOn: inAYear()
		},
		zod4(renewSchema),
		{ errors: false }
	);
	return { contact, state: expiryState(contact), form };
};

export const actions: Actions = {
	vernieuwen: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(renewSchema));
		if (!form.valid) return fail(400, { form });
		const result = await renewSecurityTxt(locals.supabase, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		return message(form, { type: 'success', text: 'De security.txt is vernieuwd.' });
	}
};
