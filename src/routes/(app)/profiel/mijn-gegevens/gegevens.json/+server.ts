// Everything held about me as one machine-readable file (AVG art. 20).
import { error } from '@sveltejs/kit';
import { loadMyDataJson, MY_DATA_REFUSALS } from '#lib/server/privacy/my-data';
import { downloadName } from '#lib/server/privacy/pdf';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const result = await loadMyDataJson(locals.supabase);
	if (!result.ok) error(429, MY_DATA_REFUSALS[result.reason]);
	const body = JSON.stringify(
		{
			toelichting:
				'Alle gegevens die Buurtkracht over jou bewaart, per onderdeel (platform, buurthulp, mantelzorg, buurthuizen). Onder "register" staat per verwerking waarom we de gegevens bewaren en hoe lang.',
			...result.json
		},
		null,
		2
	);
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${downloadName('json')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
