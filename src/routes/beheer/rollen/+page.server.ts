import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { grantRoleSchema, revokeRoleSchema } from '#lib/schemas/roles';
import { grantRole, loadRoleAdminPage, revokeRole } from '#lib/server/roles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const page = await loadRoleAdminPage(locals.supabase);
	return {
		...page,
		me: locals.viewer?.id ?? '',
		form: await superValidate(zod4(grantRoleSchema), { id: 'toekennen' })
	};
};

export const actions: Actions = {
	toekennen: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(grantRoleSchema), { id: 'toekennen' });
		if (!form.valid) return fail(400, { form });
		const result = await grantRole(locals.supabase, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		return message(form, { type: 'success', text: `Rol toegekend aan ${form.data.email}.` });
	},
	intrekken: async ({ request, locals }) => {
		const parsed = revokeRoleSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { revoke: 'Deze rol bestaat niet (meer).' });
		const result = await revokeRole(locals.supabase, parsed.data.membershipId);
		if (!result.ok) return fail(400, { revoke: result.problem });
		return { revoke: null, revoked: true };
	}
};
