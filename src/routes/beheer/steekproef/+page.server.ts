import { fail, redirect } from '@sveltejs/kit';
import { callbackOutcomeSchema, sampleSchema } from '#lib/schemas/mantelzorg/decisions';
import {
	drawCallbackSample,
	loadCallbackChecks,
	recordCallbackOutcome
} from '#lib/server/mantelzorg/cheques';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	getrokken: 'De steekproef is getrokken. Bel de mantelzorgers hieronder.',
	vastgelegd: 'De uitkomst is vastgelegd.'
};

export const load: PageServerLoad = async ({ locals, url }) => {
	// The guard lets only the municipality's admins in; the SQL checks again.
	return {
		checks: await loadCallbackChecks(locals.supabase),
		notice: NOTICES[url.searchParams.get('gelukt') ?? ''] ?? null
	};
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
		const result = await drawCallbackSample(locals.supabase, parsed.data.size);
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
		const result = await recordCallbackOutcome(locals.supabase, parsed.data.checkId, {
			outcome,
			note
		});
		if (!result.ok) return fail(400, { checkId, outcomeProblem: result.problem });
		redirect(303, '/beheer/steekproef?gelukt=vastgelegd');
	}
};
