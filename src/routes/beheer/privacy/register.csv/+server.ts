// The processing register for the privacy officer, as CSV.
import { loadRegister, registerCsv } from '#lib/server/privacy/register';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	new Response(registerCsv(await loadRegister(locals.supabase)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="verwerkingsregister.csv"',
			'cache-control': 'private, no-store'
		}
	});
