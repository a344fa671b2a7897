import { todayInNl } from '#lib/schemas/buurthulp/fields';
import { loadForYou, suggestionReasons } from '#lib/server/buurthulp/suggestions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const page = await loadForYou(locals.supabase);
	const today = todayInNl();
	return {
		status: page.status,
		active: page.active ?? 0,
		max: page.max ?? 0,
		invitations: page.invitations,
		items: page.items.map((item) => ({
			...item,
			reasons: suggestionReasons(item, page.myDistrictIds, today)
		}))
	};
};
