// Every letter waiting in the print queue as one PDF (two pages per letter, for duplex printing).
import { error } from '@sveltejs/kit';
import { loadPrintQueue, renderPrintQueue } from '#lib/server/mantelzorg/print-queue';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const queue = await loadPrintQueue(locals.supabase);
	if (!queue) error(403, 'Deze pagina is alleen voor beheerders van de gemeente.');
	const pdf = await renderPrintQueue(queue, new URL('/mantelzorg/winkels', url).href);
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="brieven-mantelzorgwaardering-${day}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
