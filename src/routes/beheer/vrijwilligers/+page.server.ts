import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { verificationMonthsSchema } from '#lib/schemas/buurthulp/verification';
import { loadVerificationMonths, setVerificationMonths } from '#lib/server/buurthulp/verification';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const months = await loadVerificationMonths(locals.supabase, locals.municipality.id);
	return {
		form: await superValidate({ months }, zod4(verificationMonthsSchema), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(verificationMonthsSchema));
		if (!form.valid) return fail(400, { form });
		const result = await setVerificationMonths(locals.supabase, form.data.months);
		if (!result.ok) {
			return result.field === 'months'
				? setError(form, 'months', result.problem)
				: message(form, { type: 'error', text: result.problem }, { status: 400 });
		}
		return message(form, { type: 'success', text: 'De periode is opgeslagen.' });
	}
};
