import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { moderationSchema } from '#lib/schemas/buurthulp/moderation';
import {
	loadCoordination,
	moderate,
	type ModerationChoice
} from '#lib/server/buurthulp/moderation';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	verborgen: 'Het bericht is verborgen. De melding is afgehandeld.',
	geblokkeerd:
		'Het account is geblokkeerd. De melding staat nog open: verberg het bericht of wijs de melding af.',
	afgewezen: 'De melding is afgewezen.'
};

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = await loadCoordination(locals.supabase);
	// The role is checked by the guard; SQL checks it again, for this municipality.
	if (!page) error(403, 'Deze pagina is alleen voor buurtcoördinatoren.');
	return { ...page, notice: NOTICES[url.searchParams.get('gelukt') ?? ''] ?? null };
};

const DONE: Record<ModerationChoice, string> = {
	hide: 'verborgen',
	block: 'geblokkeerd',
	dismiss: 'afgewezen'
};

/** Every action has the same form (one per report): a reason, and which report it is about. */
async function act(action: ModerationChoice, { request, locals }: RequestEvent) {
	const form = await superValidate(request, zod4(moderationSchema));
	const reportId = form.data.reportId;
	if (!form.valid) {
		return fail(400, {
			moderation: { reportId, action, reason: form.data.reason, errors: form.errors.reason ?? [] }
		});
	}
	const result = await moderate(locals.supabase, action, form.data);
	if (!result.ok) {
		return fail(400, {
			moderation: { reportId, action, reason: form.data.reason, errors: [result.problem] }
		});
	}
	redirect(303, `/hulp/coordinatie?gelukt=${DONE[action]}`);
}

export const actions: Actions = {
	verbergen: (event) => act('hide', event),
	blokkeren: (event) => act('block', event),
	afwijzen: (event) => act('dismiss', event)
};
