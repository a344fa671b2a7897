import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { activitySchema, cancelSchema, copySchema } from '#lib/schemas/buurthuizen/activity';
import {
	cancelActivity,
	copyActivity,
	updateActivity
} from '#lib/server/buurthuizen/activity-writes';
import { activityToForm, formToInput, loadActivityBoard } from '#lib/server/buurthuizen/board';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const board = await loadActivityBoard(locals.supabase, params.id);
	if (!board)
		error(404, 'Deze activiteit bestaat niet, of je zit niet in het bestuur van dit buurthuis.');
	return {
		board,
		form: await superValidate(activityToForm(board.activity), zod4(activitySchema), {
			errors: false
		})
	};
};

const fields = async (request: Request) => Object.fromEntries(await request.formData());

export const actions: Actions = {
	opslaan: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(activitySchema));
		if (!form.valid) return fail(400, { form });
		const result = await updateActivity(locals.supabase, params.id, formToInput(form.data));
		if (!result.ok && result.field) {
			return setError(form, result.field as keyof typeof form.data, result.problem);
		}
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		return message(form, { type: 'success', text: 'De wijzigingen zijn opgeslagen.' });
	},
	kopieren: async ({ request, locals, params }) => {
		const parsed = copySchema.safeParse(await fields(request));
		if (!parsed.success) return fail(400, { copyError: parsed.error.issues[0]?.message });
		const result = await copyActivity(locals.supabase, params.id, parsed.data.startsOn);
		if (!result.ok) return fail(400, { copyError: result.problem });
		redirect(303, `/buurthuizen/bestuur/activiteit/${result.value}?gelukt=gekopieerd`);
	},
	annuleren: async ({ request, locals, params }) => {
		const parsed = cancelSchema.safeParse(await fields(request));
		if (!parsed.success) return fail(400, { cancelError: parsed.error.issues[0]?.message });
		const result = await cancelActivity(locals.supabase, params.id, parsed.data.reason);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { done: 'De activiteit is geannuleerd. Ze blijft zichtbaar met de reden.' };
	},
	herstellen: async ({ locals, params }) => {
		const result = await cancelActivity(locals.supabase, params.id, '', false);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { done: 'De activiteit gaat weer door.' };
	}
};
