import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { todayInNl } from '#lib/schemas/buurthulp/fields';
import { verificationSchema } from '#lib/schemas/buurthulp/verification';
import {
	loadVerificationsPage,
	verifyVolunteer,
	withdrawVerification
} from '#lib/server/buurthulp/verification';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await loadVerificationsPage(locals.supabase);
	if (!page) error(403, 'Deze pagina is alleen voor buurtcoördinatoren.');
	// Only who waits or lapses soon is listed; anyone else (or another municipality's) is not here.
	const volunteer = page.volunteers.find((v) => v.volunteerId === params.id);
	if (!volunteer) error(404, 'Deze vrijwilliger wacht niet op een controle.');
	const form = await superValidate(
		{ metOn: todayInNl(), vogIssuedOn: volunteer.vogIssuedOn ?? '' },
		zod4(verificationSchema),
		{ errors: false }
	);
	return { volunteer, months: page.months, form };
};

export const actions: Actions = {
	controleren: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(verificationSchema));
		if (!form.valid) return fail(400, { form });
		const result = await verifyVolunteer(locals.supabase, params.id, form.data);
		if (!result.ok) {
			if (result.field === 'metOn' || result.field === 'vogIssuedOn') {
				return setError(form, result.field, result.problem);
			}
			return message(form, { type: 'error', text: result.problem }, { status: 400 });
		}
		redirect(303, '/hulp/coordinatie/vrijwilligers?gelukt=gecontroleerd');
	},
	intrekken: async ({ locals, params }) => {
		const result = await withdrawVerification(locals.supabase, params.id);
		if (!result.ok) return fail(400, { withdrawProblem: result.problem });
		redirect(303, '/hulp/coordinatie/vrijwilligers?gelukt=ingetrokken');
	}
};
