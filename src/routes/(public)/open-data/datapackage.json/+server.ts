import { json } from '@sveltejs/kit';
import { dataPackage, loadOpenYears } from '#lib/server/monitor/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	json(dataPackage('', await loadOpenYears(locals.supabase)), {
		headers: { 'cache-control': 'public, max-age=3600' }
	});
