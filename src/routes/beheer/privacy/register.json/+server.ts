// The processing register for the privacy officer, as JSON.
import { loadRegister } from '#lib/server/privacy/register';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	new Response(
		JSON.stringify({ verwerkingsregister: await loadRegister(locals.supabase) }, null, 2),
		{
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': 'attachment; filename="verwerkingsregister.json"',
				'cache-control': 'private, no-store'
			}
		}
	);
