import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import {
	completeSchema,
	followupSchema,
	messageSchema,
	onceDoneSchema
} from '#lib/schemas/buurthulp/matches';
import {
	answerFollowup,
	completeMatch,
	loadMatchPage,
	markOccurrenceDone,
	sendMessage
} from '#lib/server/buurthulp/matches';
import { todayInNl } from '#lib/schemas/buurthulp/fields';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	gekoppeld:
		'Gelukt! Jullie hebben nu een afspraak. Hieronder staan de contactgegevens. De vrijwilliger krijgt een e-mail.',
	verstuurd: 'Je bericht is verstuurd.',
	klaar: 'Fijn dat je geholpen bent! De afspraak is afgerond.',
	gestopt: 'De afspraak is gestopt. Er komen geen nieuwe keren meer.',
	dezekeer: 'Deze keer staat op klaar. De afspraak loopt door.',
	beantwoord: 'Bedankt voor je antwoord.'
};

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const page = await loadMatchPage(locals.supabase, params.id);
	// Anyone but the participants gets the same answer as for a match that does not exist.
	if (!page) error(404, 'Deze afspraak bestaat niet.');
	return {
		page,
		notice: NOTICES[url.searchParams.get('gelukt') ?? ''] ?? null,
		today: todayInNl(),
		messageForm: await superValidate(zod4(messageSchema), { id: 'bericht' }),
		completeForm: await superValidate(zod4(completeSchema), { id: 'klaar' }),
		onceForm: await superValidate(zod4(onceDoneSchema), { id: 'deze-keer' }),
		followupForm: await superValidate({ followupId: page.followup?.id }, zod4(followupSchema), {
			id: 'hoe-ging-het',
			errors: false
		})
	};
};

export const actions: Actions = {
	bericht: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(messageSchema), { id: 'bericht' });
		if (!form.valid) return fail(400, { messageForm: form });
		const viewer = locals.viewer;
		if (!viewer?.municipalityId) error(403, 'Log eerst in.');
		const result = await sendMessage(locals.supabase, {
			matchId: params.id,
			senderId: viewer.id,
			municipalityId: viewer.municipalityId,
			body: form.data.body
		});
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, `/hulp/match/${params.id}?gelukt=verstuurd#berichten`);
	},

	klaar: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(completeSchema), { id: 'klaar' });
		if (!form.valid) return fail(400, { completeForm: form });
		// Help that comes back ends for good: the person ticks "Ja, stop de afspraak" first.
		const page = await loadMatchPage(locals.supabase, params.id);
		if (!page) error(404, 'Deze afspraak bestaat niet.');
		const recurring = page.request.recurrence !== 'once';
		if (recurring && !form.data.stop) {
			return setError(form, 'stop', 'Vink aan dat je de afspraak wilt stoppen.');
		}
		const result = await completeMatch(locals.supabase, params.id, form.data.thanks);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, `/hulp/match/${params.id}?gelukt=${recurring ? 'gestopt' : 'klaar'}`);
	},

	dezeKeer: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(onceDoneSchema), { id: 'deze-keer' });
		if (!form.valid) return fail(400, { onceForm: form });
		const result = await markOccurrenceDone(locals.supabase, params.id);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, `/hulp/match/${params.id}?gelukt=dezekeer#keren`);
	},

	hoeGingHet: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(followupSchema), { id: 'hoe-ging-het' });
		if (!form.valid) return fail(400, { followupForm: form });
		const result = await answerFollowup(locals.supabase, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, `/hulp/match/${params.id}?gelukt=beantwoord`);
	}
};
