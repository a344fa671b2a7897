import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { cancelSchema } from '#lib/schemas/buurthulp/requests';
import { acceptSchema, phoneSchema, reactionSchema } from '#lib/schemas/buurthulp/responses';
import { addMyPhone, cancelRequest, loadRequestPage } from '#lib/server/buurthulp/requests';
import { acceptResponse, reactToRequest } from '#lib/server/buurthulp/responses';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	geplaatst:
		'Je hulpvraag staat nu online. Vrijwilligers kunnen hem zien. Je krijgt een e-mail als iemand reageert.',
	gereageerd: 'Je reactie is verstuurd. Je krijgt een e-mail als je gekozen bent.',
	geannuleerd: 'De hulpvraag is geannuleerd.',
	gewijzigd: 'Je wijzigingen zijn opgeslagen.',
	telefoon: 'Je telefoonnummer is opgeslagen. De vrijwilliger die je kiest, kan je nu bellen.'
};

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const page = await loadRequestPage(locals.supabase, params.id);
	if (!page && !locals.viewer) {
		// Once a volunteer is chosen a request is no longer public: the requester and her helper
		// (who come here from a mail) see it after signing in, so say that instead of "not found".
		error(401, {
			message: 'Log in om deze hulpvraag te bekijken',
			detail:
				'Deze hulpvraag staat niet (meer) open voor iedereen. Is hij van jou, of help jij? Log dan in, dan zie je hem.'
		});
	}
	if (!page) error(404, 'Deze hulpvraag bestaat niet, of staat niet meer open.');
	return {
		page,
		notice: NOTICES[url.searchParams.get('gelukt') ?? ''] ?? null,
		reactForm: await superValidate(zod4(reactionSchema), { id: 'reageren' }),
		phoneForm: await superValidate(zod4(phoneSchema), { id: 'telefoon' })
	};
};

export const actions: Actions = {
	// The guard sends signed-out visitors to sign in first (guards.ts), for every action here.
	reageren: async ({ request, locals, params }) => {
		const viewer = locals.viewer;
		const form = await superValidate(request, zod4(reactionSchema), { id: 'reageren' });
		if (!form.valid) return fail(400, { reactForm: form });
		if (!viewer?.municipalityId) {
			return message(
				form,
				{ type: 'error', text: 'Je profiel is niet compleet.' },
				{ status: 400 }
			);
		}
		const result = await reactToRequest(locals.supabase, {
			requestId: params.id,
			volunteerId: viewer.id,
			municipalityId: viewer.municipalityId,
			message: form.data.message
		});
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, `/hulp/vraag/${params.id}?gelukt=gereageerd`);
	},

	kiezen: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(acceptSchema));
		if (!form.valid) return fail(400, { problem: 'Kies een reactie.' });
		const result = await acceptResponse(locals.supabase, form.data.responseId);
		if (!result.ok) return fail(400, { problem: result.problem });
		redirect(303, `/hulp/match/${result.value}?gelukt=gekoppeld`);
	},

	telefoon: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(phoneSchema), { id: 'telefoon' });
		if (!form.valid) return fail(400, { phoneForm: form });
		if (!locals.viewer) error(401, 'Log eerst in.');
		const result = await addMyPhone(locals.supabase, locals.viewer.id, form.data.phone);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, `/hulp/vraag/${params.id}?gelukt=telefoon#reacties`);
	},

	annuleren: async ({ request, locals, params }) => {
		const confirmation = cancelSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!confirmation.success) {
			return fail(400, { cancelProblem: confirmation.error.issues[0]?.message ?? null });
		}
		const result = await cancelRequest(locals.supabase, params.id);
		if (!result.ok) return fail(400, { problem: result.problem });
		redirect(303, `/hulp/vraag/${params.id}?gelukt=geannuleerd`);
	}
};
