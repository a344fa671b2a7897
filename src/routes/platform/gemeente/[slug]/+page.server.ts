import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { inviteAdminSchema, municipalitySettingsSchema } from '#lib/schemas/tenancy/municipality';
import { listOpenInvitations, withdrawInvitation } from '#lib/server/tenancy/invitations';
import {
	inviteMunicipalityAdmin,
	loadPlatformPage,
	updateMunicipality
} from '#lib/server/tenancy/platform';
import type { RequestClient } from '#lib/server/supabase';
import type { Actions, PageServerLoad } from './$types';

async function municipalityOf(supabase: RequestClient, slug: string) {
	const found = (await loadPlatformPage(supabase)).find((m) => m.slug === slug);
	if (!found) error(404, 'Deze gemeente bestaat niet.');
	return found;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const municipality = await municipalityOf(locals.supabase, params.slug);
	return {
		// Not `municipality`: that key is the host's, which the header shows (root layout).
		target: municipality,
		created: url.searchParams.has('nieuw'),
		invitations: await listOpenInvitations(locals.supabase, municipality.id),
		settings: await superValidate(
			{
				name: municipality.name,
				hosts: municipality.hosts.join('\n'),
				coordinatorPhone: municipality.coordinatorPhone ?? '',
				mailSenderName: municipality.mailSenderName ?? '',
				payoutIban: municipality.payoutIban ?? '',
				payoutAccountHolder: municipality.payoutAccountHolder ?? ''
			},
			zod4(municipalitySettingsSchema),
			{ id: 'instellingen', errors: false }
		),
		invite: await superValidate(zod4(inviteAdminSchema), { id: 'uitnodigen' })
	};
};

export const actions: Actions = {
	opslaan: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(municipalitySettingsSchema), {
			id: 'instellingen'
		});
		if (!form.valid) return fail(400, { settings: form });
		const municipality = await municipalityOf(locals.supabase, params.slug);
		const saved = await updateMunicipality(locals.supabase, municipality.id, form.data);
		if (!saved.ok) return message(form, { type: 'error', text: saved.problem }, { status: 400 });
		return message(form, { type: 'success', text: 'De instellingen zijn opgeslagen.' });
	},
	uitnodigen: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(inviteAdminSchema), { id: 'uitnodigen' });
		if (!form.valid) return fail(400, { invite: form });
		const municipality = await municipalityOf(locals.supabase, params.slug);
		const invited = await inviteMunicipalityAdmin(
			locals.supabase,
			municipality.id,
			form.data.email
		);
		if (!invited.ok)
			return message(form, { type: 'error', text: invited.problem }, { status: 400 });
		return message(form, {
			type: 'success',
			text: `We hebben een uitnodiging gestuurd naar ${form.data.email}.`
		});
	},
	intrekken: async ({ request, locals }) => {
		const parsed = z
			.object({ invitationId: z.uuid() })
			.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { withdraw: 'Deze uitnodiging bestaat niet (meer).' });
		const withdrawn = await withdrawInvitation(locals.supabase, parsed.data.invitationId);
		if (!withdrawn.ok) return fail(400, { withdraw: withdrawn.problem });
		return { withdraw: null };
	}
};
