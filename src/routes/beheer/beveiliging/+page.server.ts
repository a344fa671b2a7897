import { fail } from '@sveltejs/kit';
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

export const load: PageServerLoad = async ({ locals }) => {
	const contact = await loadSecurityContact(locals.supabase, locals.municipality.id);
	return { contact, state: expiryState(contact), suggestedExpiry: inAYear() };
};

const renewSchema = z.object({
	contact: z.string().trim().min(1, 'Vul een contact in.').max(200),
	policyUrl: z.string().trim().max(300).default(''),
	expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Kies een datum.')
});

export const actions: Actions = {
	vernieuwen: async ({ request, locals }) => {
		const parsed = renewSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, { problem: parsed.error.issues[0]?.message ?? 'Controleer de velden.' });
		}
		const result = await renewSecurityTxt(locals.supabase, parsed.data);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { saved: true };
	}
};
