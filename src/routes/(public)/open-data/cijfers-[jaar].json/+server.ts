import { error, json } from '@sveltejs/kit';
import { figuresJson, loadOpenFigures } from '#lib/server/monitor/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const year = /^\d{4}$/.test(params.jaar) ? Number(params.jaar) : NaN;
	if (!(year >= 2000 && year <= 2100)) error(404, 'Dit jaar bestaat niet.');
	const figures = await loadOpenFigures(locals.supabase, year);
	if (!figures) error(404, 'Er zijn geen cijfers.');
	return json(figuresJson(figures), {
		headers: {
			link: '</open-data/datapackage.json>; rel="describedby"',
			'cache-control': 'public, max-age=3600'
		}
	});
};
