import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { socialGoalSchema } from '#lib/schemas/buurthuizen/points';
import { loadDistricts } from '#lib/server/buurthulp/requests';
import { listSocialGoals, saveSocialGoal } from '#lib/server/buurthuizen/points';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const municipalityId = locals.viewer?.municipalityId ?? '';
	const [goals, districts] = await Promise.all([
		listSocialGoals(locals.supabase, municipalityId),
		loadDistricts(locals.supabase, municipalityId)
	]);
	return {
		goals,
		districts,
		form: await superValidate({ points: 5, active: true }, zod4(socialGoalSchema), {
			errors: false
		})
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(socialGoalSchema));
		if (!form.valid) return fail(400, { form });
		const result = await saveSocialGoal(locals.supabase, null, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		return message(form, {
			type: 'success',
			text: `De opgave "${form.data.title}" is toegevoegd.`
		});
	}
};
