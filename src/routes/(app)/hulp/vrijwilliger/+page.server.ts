import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { volunteerProfileSchema } from '#lib/schemas/buurthulp/volunteers';
import {
	loadVolunteerProfilePage,
	profileFormValues,
	saveVolunteerProfile
} from '#lib/server/buurthulp/volunteers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = await loadVolunteerProfilePage(locals.supabase);
	return {
		districts: page.districts,
		hasProfile: page.profile !== null,
		active: page.active,
		helped: page.helped,
		saved: url.searchParams.get('gelukt') === 'opgeslagen',
		form: await superValidate(profileFormValues(page), zod4(volunteerProfileSchema), {
			errors: false
		})
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(volunteerProfileSchema));
		if (!form.valid) return fail(400, { form });
		const result = await saveVolunteerProfile(locals.supabase, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		// Redirect after saving: the page is loaded fresh, within the three-calls budget.
		redirect(303, '/hulp/vrijwilliger?gelukt=opgeslagen');
	}
};
