import { error, fail, redirect } from '@sveltejs/kit';
import { callbackOutcomeSchema, sampleSchema } from '#lib/schemas/mantelzorg/decisions';
import { drawSample, loadChecks, recordOutcome } from '#lib/server/mantelzorg/callbacks';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	getrokken: 'De steekproef is getrokken. Bel de mantelzorgers hieronder.',
	vastgelegd: 'De uitkomst is vastgelegd.'
};

export const load: PageServerLoad = async ({ locals, url }) => {
	const checks = await loadChecks(locals.supabase);
	if (!checks) error(403, 'Deze pagina is alleen voor beheerders van de gemeente.');
	return { checks, notice: NOTICES[url.searchParams.get('gelukt') ?? ''] ?? null };
};

export const actions: Actions = {
	trekken: async ({ request, locals }) => {
		const raw = Object.fromEntries(await request.formData());
		const parsed = sampleSchema.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				size: String(raw.size ?? ''),
				sizeProblem: parsed.error.issues[0]?.message
			});
		}
		const result = await drawSample(locals.supabase, parsed.data.size);
		if (!result.ok) return fail(400, { size: String(raw.size ?? ''), sizeProblem: result.problem });
		redirect(303, '/beheer/steekproef?gelukt=getrokken');
	},
	uitkomst: async ({ request, locals }) => {
		const raw = Object.fromEntries(await request.formData());
		const parsed = callbackOutcomeSchema.safeParse(raw);
		const checkId = String(raw.checkId ?? '');
		if (!parsed.success) {
			return fail(400, { checkId, outcomeProblem: parsed.error.issues[0]?.message });
		}
		const { outcome, note } = parsed.data;
		const result = await recordOutcome(locals.supabase, parsed.data.checkId, outcome, note);
		if (!result.ok) return fail(400, { checkId, outcomeProblem: result.problem });
		redirect(303, '/beheer/steekproef?gelukt=vastgelegd');
	}
};
