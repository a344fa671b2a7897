// /.well-known/security.txt (RFC 9116) of the request's municipality; 404 until its admin sets it.
import { error } from '@sveltejs/kit';
import { loadSecurityContact, securityTxt } from '#lib/server/platform/security-txt';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const contact = await loadSecurityContact(locals.supabase, locals.municipality.id);
	if (!contact) error(404, 'Deze gemeente heeft nog geen security.txt.');
	return new Response(securityTxt(contact, `${url.origin}/.well-known/security.txt`), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
};
