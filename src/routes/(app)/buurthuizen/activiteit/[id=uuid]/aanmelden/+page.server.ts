import { error, fail } from '@sveltejs/kit';
import { registrationSchema } from '#lib/schemas/buurthuizen/registration';
import { getActivity } from '#lib/server/buurthuizen/activities';
import { cancelRegistration, registerForActivity } from '#lib/server/buurthuizen/registrations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const activity = await getActivity(locals.supabase, params.id, 12);
	if (!activity) error(404, 'Deze activiteit bestaat niet (meer).');
	return { activity, chosen: url.searchParams.get('datum') };
};

async function parse(request: Request) {
	const raw = Object.fromEntries(await request.formData());
	return registrationSchema.safeParse(raw);
}

export const actions: Actions = {
	aanmelden: async ({ request, locals, params }) => {
		const parsed = await parse(request);
		if (!parsed.success) {
			return fail(400, { fieldError: parsed.error.issues[0]?.message ?? 'Kies een datum.' });
		}
		const result = await registerForActivity(locals.supabase, params.id, parsed.data.occursOn);
		if (!result.ok) return fail(400, { problem: result.problem, occursOn: parsed.data.occursOn });
		return { registered: parsed.data.occursOn };
	},
	afmelden: async ({ request, locals, params }) => {
		const parsed = await parse(request);
		if (!parsed.success) return fail(400, { problem: 'Kies een datum.' });
		const result = await cancelRegistration(locals.supabase, params.id, parsed.data.occursOn);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { unregistered: parsed.data.occursOn };
	}
};
