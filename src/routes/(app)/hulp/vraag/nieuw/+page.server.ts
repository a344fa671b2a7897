import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { readHelpPrefill } from '#lib/buurthuizen/help-link';
import { todayInNl } from '#lib/schemas/buurthulp/fields';
import { requestSchema } from '#lib/schemas/buurthulp/requests';
import { loadDistricts, postHelpRequest } from '#lib/server/buurthulp/requests';
import { hasRole } from '#lib/server/viewer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = locals.viewer;
	const districts = await loadDistricts(locals.supabase, viewer?.municipalityId ?? null);
	return {
		districts,
		isCoordinator: hasRole(viewer, 'coordinator'),
		form: await superValidate(
			{
				districtId: viewer?.districtId ?? undefined,
				// From "vervoer nodig? vraag hulp" on a buurthuis activity: date, place, vervoer.
				...readHelpPrefill(url.searchParams, todayInNl())
			},
			zod4(requestSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(requestSchema));
		if (!form.valid) return fail(400, { form });
		const result = await postHelpRequest(
			locals.supabase,
			form.data,
			hasRole(locals.viewer, 'coordinator')
		);
		if (!result.ok) {
			return message(form, { type: 'error', text: result.problem }, { status: 400 });
		}
		redirect(303, `/hulp/vraag/${result.value}?gelukt=geplaatst`);
	}
};
