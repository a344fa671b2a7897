import { listMyCentres } from '#lib/server/buurthuizen/board';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ids = (locals.viewer?.roles ?? [])
		.filter((r) => r.role === 'board_member' && r.communityCentreId)
		.map((r) => r.communityCentreId as string);
	return { centres: await listMyCentres(locals.supabase, ids) };
};
