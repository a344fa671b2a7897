import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import {
	caseworkerAnswerSchema,
	questionSchema,
	rejectionSchema
} from '#lib/schemas/mantelzorg/decisions';
import {
	answerForCarer,
	approveApplication,
	askQuestion,
	blockAndReissue,
	loadFile,
	rejectApplication
} from '#lib/server/mantelzorg/caseworker';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	ingevoerd: 'De aanvraag is ingevoerd. Je kunt er nu over besluiten.',
	gevraagd: 'Je vraag is verstuurd. De aanvraag wacht op het antwoord.',
	beantwoord: 'Het antwoord is opgeslagen. Je kunt nu besluiten.',
	goedgekeurd: 'De aanvraag is goedgekeurd. De cheque is aangemaakt.',
	afgewezen: 'De aanvraag is afgewezen. De mantelzorger krijgt bericht.',
	vervangen: 'De oude code is stopgezet. Er is een nieuwe cheque met wat er nog op stond.'
};

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const file = await loadFile(locals.supabase, params.id);
	if (!file) error(404, 'Deze aanvraag bestaat niet, of hoort niet bij jouw wijken.');
	return {
		file,
		notice: NOTICES[url.searchParams.get('gelukt') ?? ''] ?? null,
		questionForm: await superValidate(zod4(questionSchema)),
		answerForm: await superValidate(zod4(caseworkerAnswerSchema)),
		rejectionForm: await superValidate(zod4(rejectionSchema))
	};
};

const back = (id: string, what: string) =>
	redirect(303, `/mantelzorg/consulent/${id}?gelukt=${what}`);
async function formOf(request: Request) {
	return Object.fromEntries(await request.formData()) as Record<string, string>;
}

export const actions: Actions = {
	vragen: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(questionSchema));
		if (!form.valid) return fail(400, { questionForm: form });
		const result = await askQuestion(locals.supabase, params.id, form.data.question);
		if (!result.ok) return setError(form, 'question', result.problem);
		back(params.id, 'gevraagd');
	},
	antwoord: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(caseworkerAnswerSchema));
		if (!form.valid) return fail(400, { answerForm: form });
		const result = await answerForCarer(locals.supabase, params.id, form.data.answer);
		if (!result.ok) return setError(form, 'answer', result.problem);
		back(params.id, 'beantwoord');
	},
	goedkeuren: async ({ locals, params }) => {
		const result = await approveApplication(locals.supabase, params.id);
		if (!result.ok) return fail(400, { problem: result.problem });
		back(params.id, 'goedgekeurd');
	},
	afwijzen: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(rejectionSchema));
		if (!form.valid) return fail(400, { rejectionForm: form });
		const result = await rejectApplication(locals.supabase, params.id, form.data.reason);
		if (!result.ok) return setError(form, 'reason', result.problem);
		back(params.id, 'afgewezen');
	},
	vervangen: async ({ request, locals, params }) => {
		const raw = await formOf(request);
		const chequeId = z.uuid().safeParse(raw.chequeId);
		if (!chequeId.success || raw.confirm !== 'on') {
			return fail(400, {
				blockProblem: 'Vink aan dat de mantelzorger de cheque kwijt is.'
			});
		}
		const result = await blockAndReissue(locals.supabase, chequeId.data);
		if (!result.ok) return fail(400, { blockProblem: result.problem });
		back(params.id, 'vervangen');
	}
};
