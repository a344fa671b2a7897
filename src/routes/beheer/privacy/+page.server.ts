import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { logSearchSchema } from '#lib/schemas/privacy';
import { searchProcessingLog } from '#lib/server/privacy/log-search';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	form: await superValidate(zod4(logSearchSchema), { errors: false })
});

export const actions: Actions = {
	zoeken: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(logSearchSchema));
		if (!form.valid) return fail(400, { form, lines: null });
		const result = await searchProcessingLog(locals.supabase, form.data);
		if (!result.ok) {
			return message(form, { type: 'error', text: result.problem }, { status: 400 });
		}
		return { form, lines: result.value };
	}
};
