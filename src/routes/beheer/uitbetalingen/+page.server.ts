import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { batchIdSchema, createBatchSchema } from '#lib/schemas/mantelzorg/shop';
import { approveBatch, createBatch, loadPayoutAdminPage } from '#lib/server/mantelzorg/batches';
import type { Actions, PageServerLoad } from './$types';

const today = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

export const load: PageServerLoad = async ({ locals }) => {
	const page = await loadPayoutAdminPage(locals.supabase);
	const end = today();
	const form = await superValidate(
		{ shopId: '', periodStart: `${end.slice(0, 8)}01`, periodEnd: end },
		zod4(createBatchSchema),
		{ errors: false }
	);
	return { ...page, form };
};

export const actions: Actions = {
	klaarzetten: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(createBatchSchema));
		if (!form.valid) return fail(400, { form });
		const result = await createBatch(locals.supabase, form.data);
		if (!result.ok) return message(form, { type: 'error', text: result.problem }, { status: 400 });
		return message(form, {
			type: 'success',
			text: 'De uitbetaling is klaargezet. Keur hem hieronder goed.'
		});
	},
	goedkeuren: async ({ request, locals }) => {
		const parsed = batchIdSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: 'Deze uitbetaling bestaat niet (meer).' });
		const result = await approveBatch(locals.supabase, parsed.data.batchId);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { approved: true };
	}
};
