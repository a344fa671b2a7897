// The dashboard's figures as CSV (the same rows as the "Feiten & Cijfers" table, and per wijk).
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { dashboardCsv, loadDashboard } from '#lib/server/mantelzorg/dashboard';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const year = z.coerce.number().int().min(2000).max(2100).safeParse(url.searchParams.get('jaar'));
	if (!year.success) error(400, 'Kies een jaar.');
	const dashboard = await loadDashboard(locals.supabase, year.data);
	if (!dashboard) error(404, `Er is geen regeling voor ${year.data}.`);
	return new Response(dashboardCsv(dashboard), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="mantelzorgwaardering-${year.data}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
