import { error, fail, redirect } from '@sveltejs/kit';
import { PUBLIC_MAP_TILE_ATTRIBUTION, PUBLIC_MAP_TILE_URL } from '$app/env/public';
import { tileLayer } from '#lib/buurthuizen/tiles';
import { applyDistrictDraft, loadDistrictDraft } from '#lib/server/tenancy/areas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const draft = await loadDistrictDraft(locals.supabase, params.id);
	if (!draft) error(404, 'Deze upload bestaat niet meer. Laad het bestand opnieuw.');
	return { draft, tiles: tileLayer(PUBLIC_MAP_TILE_URL, PUBLIC_MAP_TILE_ATTRIBUTION) };
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const applied = await applyDistrictDraft(locals.supabase, params.id);
		if (!applied.ok) return fail(400, { problem: applied.problem });
		const { added, updated } = applied.value;
		redirect(303, `/beheer/wijken?toegevoegd=${added}&bijgewerkt=${updated}`);
	}
};
