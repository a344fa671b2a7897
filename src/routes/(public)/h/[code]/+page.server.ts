// /h/3F2A9C1B: the short link printed on the prikbord, also where a coordinator types the code a
// caller names. Goes to the request's page, which decides what this visitor may see.
import { error, redirect } from '@sveltejs/kit';
import { findRequestByCode } from '#lib/server/buurthulp/short-codes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = await findRequestByCode(locals.supabase, params.code);
	if (!id) error(404, 'Deze code kennen we niet. Controleer de code op het prikbord.');
	redirect(303, `/hulp/vraag/${id}`);
};
