import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { centreSchema } from '#lib/schemas/tenancy/centre';
import { PUBLIC_MAP_TILE_ATTRIBUTION, PUBLIC_MAP_TILE_URL } from '$app/env/public';
import { tileLayer } from '#lib/buurthuizen/tiles';
import { addCentre, listAdminCentres, loadDistrictOutlines } from '#lib/server/tenancy/centres';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const municipalityId = locals.viewer?.municipalityId ?? '';
	const [centres, districts] = await Promise.all([
		listAdminCentres(locals.supabase, municipalityId),
		loadDistrictOutlines(locals.supabase, municipalityId)
	]);
	return {
		centres,
		districts,
		tiles: tileLayer(PUBLIC_MAP_TILE_URL, PUBLIC_MAP_TILE_ATTRIBUTION),
		form: await superValidate({ city: locals.municipality.name }, zod4(centreSchema), {
			errors: false
		})
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(centreSchema));
		if (!form.valid) return fail(400, { form });
		const result = await addCentre(locals.supabase, locals.viewer?.municipalityId ?? '', form.data);
		if (!result.ok) {
			if (result.field) return setError(form, result.field as 'name', result.problem);
			return message(form, { type: 'error', text: result.problem }, { status: 400 });
		}
		redirect(303, `/beheer/buurthuizen/beheren/${result.value}?toegevoegd=1`);
	}
};
