import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requestAlertsSchema } from '#lib/schemas/buurthulp/alerts';
import { loadMyRequestAlerts, saveMyRequestAlerts } from '#lib/server/buurthulp/alerts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const mine = await loadMyRequestAlerts(locals.supabase);
	return {
		isVolunteer: mine.volunteer,
		form: await superValidate(
			{ urgent: mine.urgent, digest: mine.digest },
			zod4(requestAlertsSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(requestAlertsSchema));
		if (!form.valid) return fail(400, { form });
		const result = await saveMyRequestAlerts(locals.supabase, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		const off = !form.data.urgent && form.data.digest === 'none';
		return message(form, {
			type: 'success',
			text: off
				? 'Opgeslagen. Je krijgt geen mails meer over nieuwe hulpvragen.'
				: 'Opgeslagen. Je krijgt voortaan mails over nieuwe hulpvragen die bij je passen.'
		});
	}
};
