// The points report as CSV, for the subsidy decision (municipality admins: the /beheer guard).
import { error } from '@sveltejs/kit';
import { periodSchema } from '#lib/schemas/buurthuizen/points';
import { loadPointsReport, pointsCsv } from '#lib/server/buurthuizen/points';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const period = periodSchema.safeParse({
		van: url.searchParams.get('van'),
		tot: url.searchParams.get('tot')
	});
	if (!period.success) error(400, period.error.issues[0]?.message ?? 'Kies een periode.');
	const { van, tot } = period.data;
	const report = await loadPointsReport(locals.supabase, van, tot);
	return new Response(pointsCsv(report, van, tot), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="buurthuizen-punten-${van}-${tot}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
