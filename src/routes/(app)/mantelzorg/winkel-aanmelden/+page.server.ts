import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { shopSignUpSchema } from '#lib/schemas/mantelzorg/shop';
import { listApprovedShops, registerShop } from '#lib/server/mantelzorg/shops';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { districts } = await listApprovedShops(locals.supabase, { category: 'other' });
	return { districts, form: await superValidate(zod4(shopSignUpSchema)) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(shopSignUpSchema));
		if (!form.valid) return fail(400, { form });
		const result = await registerShop(locals.supabase, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		return message(form, {
			type: 'success',
			text: `Bedankt! ${form.data.name} is aangemeld. De gemeente bekijkt de aanmelding en laat je per e-mail weten of je winkel mee kan doen.`
		});
	}
};
