import { redirect } from '@sveltejs/kit';
import { listMyCentres } from '#lib/server/buurthuizen/board';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ids = [
		...new Set(
			(locals.viewer?.roles ?? [])
				.filter((r) => r.role === 'board_member' && r.communityCentreId)
				.map((r) => r.communityCentreId as string)
		)
	];
	// Nothing to choose with one buurthuis: straight to its activities.
	if (ids.length === 1) redirect(303, `/buurthuizen/bestuur/${ids[0]}`);
	return { centres: await listMyCentres(locals.supabase, ids) };
};
