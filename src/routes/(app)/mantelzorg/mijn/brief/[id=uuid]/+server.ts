// The carer's own cheque letter as a PDF, to print at home and take to the shop.
import { error } from '@sveltejs/kit';
import { renderMyChequeLetter } from '#lib/server/mantelzorg/my-appreciation';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.viewer) error(401, 'Log eerst in.');
	const pdf = await renderMyChequeLetter(
		locals.supabase,
		params.id,
		new URL('/mantelzorg/winkels', url).href
	);
	if (!pdf) error(404, 'Deze cheque bestaat niet, of je kunt hem niet meer gebruiken.');
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': 'attachment; filename="mantelzorgwaardering-brief.pdf"',
			'cache-control': 'private, no-store'
		}
	});
};
