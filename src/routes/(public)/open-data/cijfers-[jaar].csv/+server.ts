import { error } from '@sveltejs/kit';
import { figuresCsv, loadOpenFigures } from '#lib/server/monitor/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const year = /^\d{4}$/.test(params.jaar) ? Number(params.jaar) : NaN;
	if (!(year >= 2000 && year <= 2100)) error(404, 'Dit jaar bestaat niet.');
	const figures = await loadOpenFigures(locals.supabase, year);
	if (!figures) error(404, 'Er zijn geen cijfers.');
	return new Response(figuresCsv(figures), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="monitor-${figures.municipality.slug}-${year}.csv"`,
			link: '</open-data/datapackage.json>; rel="describedby"; type="application/json"',
			'cache-control': 'public, max-age=3600'
		}
	});
};
