import { fail, redirect } from '@sveltejs/kit';
import { answerSchema } from '#lib/schemas/mantelzorg/decisions';
import { answerQuestion, loadCarerPage } from '#lib/server/mantelzorg/my-appreciation';
import { loadCarerActivities } from '#lib/server/buurthuizen/carer-activities';
import { appreciationSchema } from '#lib/monitor/appreciation';
import { answerAppreciation, loadMyAppreciationAnswers } from '#lib/server/monitor/appreciation';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	aangevraagd:
		'Je aanvraag is verstuurd. Een consulent van het sociaal wijkteam bekijkt hem. Je krijgt bericht per e-mail.',
	beantwoord: 'Je antwoord is verstuurd. De consulent bekijkt je aanvraag verder.',
	gewaardeerd: 'Dank je voor je antwoord.'
};

export const load: PageServerLoad = async ({ locals, url }) => {
	const [page, activities, appreciations] = await Promise.all([
		loadCarerPage(locals.supabase),
		loadCarerActivities(locals.supabase, new Date()),
		loadMyAppreciationAnswers(locals.supabase)
	]);
	// "Waar kun je de cheque gebruiken?": the shops of her own wijk, when her profile names it.
	const wijk = locals.viewer?.districtId;
	return {
		page,
		activities,
		appreciations,
		shopsHref: wijk ? `/mantelzorg/winkels?wijk=${wijk}` : '/mantelzorg/winkels',
		notice: NOTICES[url.searchParams.get('gelukt') ?? ''] ?? null
	};
};

export const actions: Actions = {
	beantwoorden: async ({ request, locals }) => {
		const raw = Object.fromEntries(await request.formData());
		const parsed = answerSchema.safeParse(raw);
		const typed = { answerFor: String(raw.applicationId ?? ''), answer: String(raw.answer ?? '') };
		if (!parsed.success) {
			return fail(400, { ...typed, answerProblem: parsed.error.issues[0]?.message ?? null });
		}
		const result = await answerQuestion(
			locals.supabase,
			parsed.data.applicationId,
			parsed.data.answer
		);
		if (!result.ok) return fail(400, { ...typed, answerProblem: result.problem });
		redirect(303, '/mantelzorg/mijn?gelukt=beantwoord');
	},
	// "Voel je je gewaardeerd?" for one of the carer's cheques (monitor, issue 21).
	gewaardeerd: async ({ request, locals }) => {
		const raw = Object.fromEntries(await request.formData());
		const typed = {
			appreciationFor: String(raw.chequeId ?? ''),
			appreciation: String(raw.answer ?? '')
		};
		const parsed = appreciationSchema.safeParse(raw);
		if (!parsed.success) {
			return fail(400, { ...typed, appreciationProblem: parsed.error.issues[0]?.message ?? null });
		}
		const result = await answerAppreciation(
			locals.supabase,
			parsed.data.chequeId,
			parsed.data.answer
		);
		if (!result.ok) return fail(400, { ...typed, appreciationProblem: result.problem });
		redirect(303, '/mantelzorg/mijn?gelukt=gewaardeerd');
	}
};
