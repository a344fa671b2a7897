// /h: type the short code from the printed prikbord (a neighbour, or the coordinator who takes
// the call). A GET form, so it works without JavaScript; a known code goes to /h/<code>.
import { redirect } from '@sveltejs/kit';
import { findRequestByCode } from '#lib/server/buurthulp/short-codes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const typed = url.searchParams.get('code');
	if (typed === null) return { code: '', problem: null };
	const code = typed.replace(/[\s-]/g, '').slice(0, 40);
	const id = code === '' ? null : await findRequestByCode(locals.supabase, code);
	if (id) redirect(303, `/hulp/vraag/${id}`);
	return {
		code: typed.slice(0, 40),
		problem:
			code === ''
				? 'Vul de code in. Die staat op het prikbord bij de hulpvraag.'
				: 'Deze code kennen we niet. Controleer de 8 tekens op het prikbord.'
	};
};
