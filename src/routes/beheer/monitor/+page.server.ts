import { error } from '@sveltejs/kit';
import { parsePeriod, previousLabel } from '#lib/monitor/period';
import { loadMonitor } from '#lib/server/monitor/page';
import type { PageServerLoad } from './$types';

const slug = (s: string | null) => (s && /^[a-z0-9-]{2,60}$/.test(s) ? s : null);

export const load: PageServerLoad = async ({ locals, url }) => {
	const period = parsePeriod(url.searchParams);
	const result = await loadMonitor(locals.supabase, period, slug(url.searchParams.get('wijk')));
	if (!result.ok) error(result.status, result.problem);
	return { period, previous: previousLabel(period), view: result.view };
};
