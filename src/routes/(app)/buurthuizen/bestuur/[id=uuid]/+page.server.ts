import { error } from '@sveltejs/kit';
import { loadCentreBoard } from '#lib/server/buurthuizen/board';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const board = await loadCentreBoard(locals.supabase, params.id);
	if (!board) error(404, 'Dit buurthuis bestaat niet, of je zit niet in het bestuur ervan.');
	return { board };
};
