// Every letter waiting in the print queue that this admin may print, as one PDF (two pages per
// letter, for duplex printing). The SQL logs each letter as printed by them.
import { error } from '@sveltejs/kit';
import { printLetterQueue, renderPrintQueue } from '#lib/server/mantelzorg/print-queue';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const queue = await printLetterQueue(locals.supabase);
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
