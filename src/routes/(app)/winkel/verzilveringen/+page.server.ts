import { fail } from '@sveltejs/kit';
import { undoSchema } from '#lib/schemas/mantelzorg/shop';
import {
	counterShopOrForbidden,
	loadShopRedemptions,
	undoRedemption
} from '#lib/server/mantelzorg/redemptions';
import type { Actions, PageServerLoad } from './$types';

const shopOf = (locals: App.Locals, url: URL) => counterShopOrForbidden(locals.viewer, url);

export const load: PageServerLoad = async ({ locals, url }) =>
	loadShopRedemptions(locals.supabase, shopOf(locals, url));

export const actions: Actions = {
	ongedaan: async ({ request, locals, url }) => {
		shopOf(locals, url);
		const parsed = undoSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, { problem: 'Deze betaling met een cheque bestaat niet (meer).' });
		const result = await undoRedemption(locals.supabase, parsed.data.redemptionId);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { undone: result.value.remainingCents };
	}
};
