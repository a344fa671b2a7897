import { fail } from '@sveltejs/kit';
import { loadReferences, referenceForm, saveReferences } from '#lib/server/monitor/reference';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	references: await loadReferences(locals.supabase)
});

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const parsed = referenceForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, { problem: parsed.error.issues[0]?.message ?? 'Controleer het formulier.' });
		}
		const { year, ...values } = parsed.data;
		const result = await saveReferences(
			locals.supabase,
			year,
			values as Record<string, number | ''>
		);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { saved: year };
	}
};
