// The payment file of an approved batch: pain.001 XML for the bank, or CSV for the books.
// Downloading marks the batch exported (and logs the payout) in the same SQL call.
import { error } from '@sveltejs/kit';
import { painXml, payoutCsv } from '#lib/mantelzorg/sepa';
import { exportBatch } from '#lib/server/mantelzorg/batches';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	if (params.format !== 'pain.001' && params.format !== 'csv')
		error(404, 'Dit bestand bestaat niet.');
	const result = await exportBatch(locals.supabase, params.id);
	if (!result.ok) error(400, result.problem);
	const payout = result.value;
	const xml = params.format === 'pain.001';
	return new Response(xml ? painXml(payout) : payoutCsv(payout), {
		headers: {
			'content-type': xml ? 'application/xml; charset=utf-8' : 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${payout.messageId}.${xml ? 'xml' : 'csv'}"`,
			'cache-control': 'no-store'
		}
	});
};
