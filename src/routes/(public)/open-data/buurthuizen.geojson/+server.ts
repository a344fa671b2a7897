import { loadPlaces } from '#lib/server/monitor/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	new Response(JSON.stringify(await loadPlaces(locals.supabase)), {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			'cache-control': 'public, max-age=900'
		}
	});
