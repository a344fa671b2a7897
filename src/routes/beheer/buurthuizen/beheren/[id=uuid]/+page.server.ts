import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { centreSchema, inviteBoardSchema } from '#lib/schemas/tenancy/centre';
import { PUBLIC_MAP_TILE_ATTRIBUTION, PUBLIC_MAP_TILE_URL } from '$app/env/public';
import { tileLayer } from '#lib/buurthuizen/tiles';
import {
	loadAdminCentre,
	loadDistrictOutlines,
	setCentreArchived,
	updateCentre
} from '#lib/server/tenancy/centres';
import { inviteToRole } from '#lib/server/tenancy/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const municipalityId = locals.viewer?.municipalityId ?? '';
	const [centre, districts] = await Promise.all([
		loadAdminCentre(locals.supabase, municipalityId, params.id),
		loadDistrictOutlines(locals.supabase, municipalityId)
	]);
	if (!centre) error(404, 'Dit buurthuis bestaat niet (meer).');
	return {
		centre,
		districts,
		tiles: tileLayer(PUBLIC_MAP_TILE_URL, PUBLIC_MAP_TILE_ATTRIBUTION),
		added: url.searchParams.has('toegevoegd'),
		form: await superValidate(centre.form, zod4(centreSchema), { id: 'wijzigen', errors: false }),
		invite: await superValidate(zod4(inviteBoardSchema), { id: 'uitnodigen' })
	};
};

export const actions: Actions = {
	wijzigen: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(centreSchema), { id: 'wijzigen' });
		if (!form.valid) return fail(400, { form });
		const result = await updateCentre(
			locals.supabase,
			locals.viewer?.municipalityId ?? '',
			params.id,
			form.data
		);
		if (!result.ok) {
			if (result.field) return setError(form, result.field as 'name', result.problem);
			return message(form, { type: 'error', text: result.problem }, { status: 400 });
		}
		return message(form, {
			type: 'success',
			text: 'De gegevens van het buurthuis zijn opgeslagen.'
		});
	},
	archiveren: async ({ request, locals, params }) => {
		const archive = (await request.formData()).get('archief') !== 'terug';
		const result = await setCentreArchived(
			locals.supabase,
			locals.viewer?.municipalityId ?? '',
			params.id,
			archive
		);
		if (!result.ok) return fail(400, { archive: result.problem });
		return {
			archiveDone: archive
				? 'Het buurthuis is gearchiveerd: het staat niet meer op de kaart en in de agenda.'
				: 'Het buurthuis staat weer op de kaart en in de agenda.'
		};
	},
	uitnodigen: async ({ request, locals, params }) => {
		const invite = await superValidate(request, zod4(inviteBoardSchema), { id: 'uitnodigen' });
		if (!invite.valid) return fail(400, { invite });
		const result = await inviteToRole(locals.supabase, {
			email: invite.data.email,
			role: 'board_member',
			communityCentreId: params.id
		});
		if (!result.ok) {
			return message(invite, { type: 'error', text: result.problem }, { status: 400 });
		}
		return message(invite, {
			type: 'success',
			text: `We hebben een uitnodiging gestuurd naar ${invite.data.email}. Het nieuwe bestuurslid neemt die aan nadat het is ingelogd.`
		});
	}
};
