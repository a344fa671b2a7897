import { error } from '@sveltejs/kit';
import { parsePeriod } from '#lib/monitor/period';
import { loadComparison } from '#lib/server/monitor/comparison';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const period = parsePeriod(url.searchParams);
	const result = await loadComparison(locals.supabase, period);
	if (!result.ok) error(result.status, result.problem);
	return { period, comparison: result.comparison };
};
