// One week of a weekly activity, for its board: "Andere datum of tijd voor deze keer" (the
// registrations move along and get a mail), or skip it after ticking that it is sure, or take a
// skip back. Without JavaScript too: every answer is a redirect or the form again.
import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { amsterdamTime, fromAmsterdam } from '#lib/buurthuizen/dates';
import { CENTRE_ARCHIVED } from '#lib/buurthuizen/labels';
import { ISO_DATE } from '#lib/schemas/buurthuizen/registration';
import { confirmedSkipSchema, moveSchema } from '#lib/schemas/buurthuizen/activity';
import { moveActivityDate, skipActivityDate } from '#lib/server/buurthuizen/activity-writes';
import { loadActivityBoard } from '#lib/server/buurthuizen/board';
import type { Actions, PageServerLoad } from './$types';

const back = (id: string, what: string) =>
	redirect(303, `/buurthuizen/bestuur/activiteit/${id}?gelukt=${what}`);

async function weekOf(locals: App.Locals, params: { id: string; datum: string }) {
	const board = ISO_DATE.test(params.datum)
		? await loadActivityBoard(locals.supabase, params.id, params.datum)
		: null;
	if (!board)
		error(404, 'Deze activiteit bestaat niet, of je zit niet in het bestuur van dit buurthuis.');
	if (board.centreArchived) error(404, CENTRE_ARCHIVED);
	const week = board.dates.find((d) => d.occursOn === params.datum);
	if (board.activity.recurrence !== 'weekly' || !week)
		error(404, 'Deze week staat niet (meer) bij de komende data van deze activiteit.');
	return { board, week };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { board, week } = await weekOf(locals, params);
	const a = board.activity;
	return {
		activity: {
			id: a.id,
			title: a.title,
			startsAt: a.startsAt,
			endsAt: a.endsAt,
			needsRegistration: a.needsRegistration,
			cancelled: a.cancelled
		},
		week,
		names: board.registrations.find((r) => r.occursOn === week.occursOn)?.names ?? [],
		move: await superValidate(
			{
				date: week.occursOn,
				startTime: amsterdamTime(a.startsAt),
				endTime: amsterdamTime(a.endsAt),
				reason: ''
			},
			zod4(moveSchema),
			{ id: 'verplaatsen', errors: false }
		),
		skip: await superValidate(zod4(confirmedSkipSchema), { id: 'overslaan' })
	};
};

export const actions: Actions = {
	verplaatsen: async ({ request, locals, params }) => {
		const move = await superValidate(request, zod4(moveSchema), { id: 'verplaatsen' });
		if (!move.valid) return fail(400, { move });
		const { date, startTime, endTime, reason } = move.data;
		const result = await moveActivityDate(
			locals.supabase,
			params.id,
			params.datum,
			fromAmsterdam(date, startTime),
			fromAmsterdam(date, endTime),
			reason
		);
		if (!result.ok && result.field) {
			return setError(move, result.field as 'date' | 'endTime', result.problem);
		}
		if (!result.ok) return message(move, { type: 'error', text: result.problem }, { status: 400 });
		back(params.id, 'verplaatst');
	},
	overslaan: async ({ request, locals, params }) => {
		const skip = await superValidate(request, zod4(confirmedSkipSchema), { id: 'overslaan' });
		if (!skip.valid) return fail(400, { skip });
		const result = await skipActivityDate(
			locals.supabase,
			params.id,
			params.datum,
			true,
			skip.data.reason
		);
		if (!result.ok) return message(skip, { type: 'error', text: result.problem }, { status: 400 });
		back(params.id, 'overgeslagen');
	},
	terugzetten: async ({ locals, params }) => {
		const result = await skipActivityDate(locals.supabase, params.id, params.datum, false);
		if (!result.ok) return fail(400, { problem: result.problem });
		back(params.id, 'teruggezet');
	}
};
