import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { offerSchema, withdrawOfferSchema } from '#lib/schemas/buurthulp/offers';
import { loadMyOffers, postOffer, withdrawOffer } from '#lib/server/buurthulp/offers';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	geplaatst: 'Je aanbod staat nu online.',
	ingetrokken: 'Je aanbod is ingetrokken. Niemand ziet het nog.'
};

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = await loadMyOffers(locals.supabase);
	return {
		districts: page.districts,
		offers: page.offers,
		notice: NOTICES[url.searchParams.get('gelukt') ?? ''] ?? null,
		form: await superValidate({ districtId: page.homeDistrictId ?? undefined }, zod4(offerSchema), {
			errors: false
		})
	};
};

export const actions: Actions = {
	plaatsen: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(offerSchema));
		if (!form.valid || !locals.viewer) return fail(400, { form });
		const result = await postOffer(locals.supabase, locals.viewer, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		redirect(303, '/hulp/aanbod?gelukt=geplaatst');
	},
	intrekken: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(withdrawOfferSchema));
		if (!form.valid) return fail(400, { withdrawProblem: 'Dit aanbod bestaat niet (meer).' });
		const result = await withdrawOffer(locals.supabase, form.data.offerId);
		if (!result.ok) return fail(400, { withdrawProblem: result.problem });
		redirect(303, '/hulp/aanbod?gelukt=ingetrokken');
	}
};
