import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import {
	addStaffSchema,
	invitationIdSchema,
	membershipIdSchema
} from '#lib/schemas/mantelzorg/shop';
import { counterShopOrForbidden } from '#lib/server/mantelzorg/redemptions';
import {
	inviteShopStaff,
	loadShopStaffPage,
	removeShopStaff,
	withdrawShopInvitation
} from '#lib/server/mantelzorg/shops';
import type { Actions, PageServerLoad } from './$types';

const shopOf = (locals: App.Locals, url: URL) => counterShopOrForbidden(locals.viewer, url);

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = await loadShopStaffPage(locals.supabase, shopOf(locals, url));
	if (!page) error(403, 'Alleen de eigenaar van de winkel kan medewerkers uitnodigen.');
	return { ...page, me: locals.viewer?.id ?? '', form: await superValidate(zod4(addStaffSchema)) };
};

export const actions: Actions = {
	uitnodigen: async ({ request, locals, url }) => {
		const form = await superValidate(request, zod4(addStaffSchema));
		if (!form.valid) return fail(400, { form });
		const result = await inviteShopStaff(locals.supabase, shopOf(locals, url), form.data.email);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		return message(form, {
			type: 'success',
			text: `We hebben een uitnodiging gestuurd naar ${form.data.email}. Die persoon wordt medewerker zodra hij of zij de uitnodiging accepteert.`
		});
	},
	intrekken: async ({ request, locals }) => {
		const parsed = invitationIdSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: 'Deze uitnodiging bestaat niet (meer).' });
		const result = await withdrawShopInvitation(locals.supabase, parsed.data.invitationId);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { withdrawn: true };
	},
	verwijderen: async ({ request, locals }) => {
		const parsed = membershipIdSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: 'Deze medewerker bestaat niet (meer).' });
		const result = await removeShopStaff(locals.supabase, parsed.data.membershipId);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { removed: true };
	}
};
