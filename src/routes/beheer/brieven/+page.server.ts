import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { loadLetterQueue } from '#lib/server/mantelzorg/cheques';
import { markPrinted } from '#lib/server/mantelzorg/print-queue';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { letters: await loadLetterQueue(locals.supabase) };
	} catch {
		error(403, 'Deze pagina is alleen voor beheerders van de gemeente.');
	}
};

// Each printed letter posts as "cheque:<id>" or "reminder:<id>": exactly the ones on the page.
const printedSchema = z
	.array(z.string().regex(/^(cheque|reminder):[0-9a-f-]{36}$/))
	.min(1)
	.max(2000);

export const actions: Actions = {
	geprint: async ({ request, locals }) => {
		const parsed = printedSchema.safeParse((await request.formData()).getAll('letter'));
		if (!parsed.success) return fail(400, { problem: 'Er zijn geen brieven om af te vinken.' });
		const letters = parsed.data.map((value) => {
			const [letter, chequeId] = value.split(':') as ['cheque' | 'reminder', string];
			return { letter, chequeId };
		});
		const result = await markPrinted(locals.supabase, letters);
		if (!result.ok) return fail(400, { problem: result.problem });
		return { marked: result.value };
	}
};
