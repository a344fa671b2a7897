import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { socialGoalSchema } from '#lib/schemas/buurthuizen/points';
import { loadDistricts } from '#lib/server/buurthulp/requests';
import { listSocialGoals, saveSocialGoal } from '#lib/server/buurthuizen/points';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const municipalityId = locals.viewer?.municipalityId ?? '';
	const [goals, districts] = await Promise.all([
		listSocialGoals(locals.supabase, municipalityId),
		loadDistricts(locals.supabase, municipalityId)
	]);
	const goal = goals.find((g) => g.id === params.id);
	if (!goal) error(404, 'Deze opgave bestaat niet (meer).');
	return {
		goal,
		districts,
		form: await superValidate(goal, zod4(socialGoalSchema), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(socialGoalSchema));
		if (!form.valid) return fail(400, { form });
		const result = await saveSocialGoal(locals.supabase, params.id, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, '/beheer/buurthuizen');
	}
};
