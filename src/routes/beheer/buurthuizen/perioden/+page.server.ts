import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { closePeriodSchema } from '#lib/schemas/buurthuizen/points';
import { closePointsPeriod, loadClosedPeriods } from '#lib/server/buurthuizen/points-periods';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	periods: await loadClosedPeriods(locals.supabase),
	form: await superValidate(zod4(closePeriodSchema))
});

export const actions: Actions = {
	afsluiten: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(closePeriodSchema));
		if (!form.valid) return fail(400, { form });
		const result = await closePointsPeriod(
			locals.supabase,
			form.data.periodStart,
			form.data.periodEnd
		);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		return message(form, {
			type: 'success',
			text: 'De periode is afgesloten. De punten ervan liggen nu vast.'
		});
	}
};
