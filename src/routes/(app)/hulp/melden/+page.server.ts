import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import {
	REPORT_KINDS,
	REPORT_REASONS,
	reportSchema,
	reportTargetSchema
} from '#lib/schemas/buurthulp/moderation';
import { loadReportTarget, reportContent } from '#lib/server/buurthulp/moderation';
import type { Actions, PageServerLoad } from './$types';

const targetFrom = (url: URL) =>
	reportTargetSchema.safeParse({
		soort: url.searchParams.get('soort'),
		id: url.searchParams.get('id')
	});

export const load: PageServerLoad = async ({ locals, url }) => {
	const form = await superValidate(zod4(reportSchema));
	if (url.searchParams.get('gelukt') === 'gemeld') {
		return { done: true as const, target: null, form };
	}
	const parsed = targetFrom(url);
	const target = parsed.success
		? await loadReportTarget(locals.supabase, REPORT_KINDS[parsed.data.soort], parsed.data.id)
		: null;
	return { done: false as const, target, form };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await superValidate(request, zod4(reportSchema));
		const parsed = targetFrom(url);
		if (!parsed.success) {
			return message(
				form,
				{ type: 'error', text: 'We weten niet wat je wilt melden.' },
				{ status: 400 }
			);
		}
		if (!form.valid) return fail(400, { form });
		const reasonKind = form.data.reasonKind as keyof typeof REPORT_REASONS;
		const result = await reportContent(
			locals.supabase,
			REPORT_KINDS[parsed.data.soort],
			parsed.data.id,
			`${REPORT_REASONS[reasonKind]}: ${form.data.details}`
		);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, '/hulp/melden?gelukt=gemeld');
	}
};
