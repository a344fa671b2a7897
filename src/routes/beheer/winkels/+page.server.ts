import { fail } from '@sveltejs/kit';
import { decideShopSchema } from '#lib/schemas/mantelzorg/shop';
import { decideShop, loadShopAdminPage } from '#lib/server/mantelzorg/shops';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	shops: await loadShopAdminPage(locals.supabase)
});

export const actions: Actions = {
	besluiten: async ({ request, locals }) => {
		const parsed = decideShopSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: 'Deze winkel bestaat niet (meer).' });
		const result = await decideShop(locals.supabase, parsed.data.shopId, parsed.data.status);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { decided: parsed.data.status };
	}
};
