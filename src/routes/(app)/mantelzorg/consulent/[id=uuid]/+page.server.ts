import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { questionSchema, rejectionSchema } from '#lib/schemas/mantelzorg/decisions';
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
	return { file, notice: NOTICES[url.searchParams.get('gelukt') ?? ''] ?? null };
};

const back = (id: string, what: string) =>
	redirect(303, `/mantelzorg/consulent/${id}?gelukt=${what}`);
const answerSchema = z.object({
	answer: z.string().trim().min(1, 'Schrijf het antwoord op.').max(2000, 'Hoogstens 2000 tekens.')
});

async function formOf(request: Request) {
	return Object.fromEntries(await request.formData()) as Record<string, string>;
}

export const actions: Actions = {
	vragen: async ({ request, locals, params }) => {
		const raw = await formOf(request);
		const parsed = questionSchema.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				question: raw.question ?? '',
				questionProblem: parsed.error.issues[0]?.message
			});
		}
		const result = await askQuestion(locals.supabase, params.id, parsed.data.question);
		if (!result.ok)
			return fail(400, { question: raw.question ?? '', questionProblem: result.problem });
		back(params.id, 'gevraagd');
	},
	antwoord: async ({ request, locals, params }) => {
		const raw = await formOf(request);
		const parsed = answerSchema.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				answer: raw.answer ?? '',
				answerProblem: parsed.error.issues[0]?.message
			});
		}
		const result = await answerForCarer(locals.supabase, params.id, parsed.data.answer);
		if (!result.ok) return fail(400, { answer: raw.answer ?? '', answerProblem: result.problem });
		back(params.id, 'beantwoord');
	},
	goedkeuren: async ({ locals, params }) => {
		const result = await approveApplication(locals.supabase, params.id);
		if (!result.ok) return fail(400, { problem: result.problem });
		back(params.id, 'goedgekeurd');
	},
	afwijzen: async ({ request, locals, params }) => {
		const raw = await formOf(request);
		const parsed = rejectionSchema.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				reason: raw.reason ?? '',
				reasonProblem: parsed.error.issues[0]?.message
			});
		}
		const result = await rejectApplication(locals.supabase, params.id, parsed.data.reason);
		if (!result.ok) return fail(400, { reason: raw.reason ?? '', reasonProblem: result.problem });
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
