import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { schemeFormSchema, toScheme } from '#lib/schemas/mantelzorg/scheme';
import { loadSchemes, saveScheme, schemeFormValues } from '#lib/server/mantelzorg/schemes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const municipalityId = locals.viewer?.municipalityId;
	if (!municipalityId) error(403, 'Deze pagina is alleen voor beheerders van de gemeente.');
	const schemes = await loadSchemes(locals.supabase, municipalityId);
	const thisYear = Number(
		new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(
			new Date()
		)
	);
	const asked = Number(url.searchParams.get('jaar'));
	const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
	const scheme = schemes.find((s) => s.year === year);
	return {
		schemes,
		editing: scheme ? year : null,
		form: await superValidate(schemeFormValues(scheme, year), zod4(schemeFormSchema), {
			errors: false
		}),
		saved: url.searchParams.get('gelukt') === 'opgeslagen'
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(schemeFormSchema));
		if (!form.valid) return fail(400, { form });
		const scheme = toScheme(form.data);
		const result = await saveScheme(
			locals.supabase,
			locals.viewer?.municipalityId ?? '',
			scheme,
			form.data.schemeId || undefined
		);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, `/beheer/regeling?jaar=${scheme.year}&gelukt=opgeslagen`);
	}
};
