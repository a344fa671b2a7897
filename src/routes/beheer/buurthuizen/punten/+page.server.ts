import { periodSchema } from '#lib/schemas/buurthuizen/points';
import { loadPointsReport } from '#lib/server/buurthuizen/points';
import type { PageServerLoad } from './$types';

/** This calendar year so far, as the default period. */
function defaultPeriod() {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
		new Date()
	);
	return { van: `${today.slice(0, 4)}-01-01`, tot: `${today.slice(0, 4)}-12-31` };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const asked = {
		van: url.searchParams.get('van') ?? defaultPeriod().van,
		tot: url.searchParams.get('tot') ?? defaultPeriod().tot
	};
	const period = periodSchema.safeParse(asked);
	if (!period.success) {
		const errors: Record<string, string> = {};
		for (const issue of period.error.issues) errors[String(issue.path[0])] ??= issue.message;
		return { period: asked, errors, report: null };
	}
	const report = await loadPointsReport(locals.supabase, period.data.van, period.data.tot);
	return { period: period.data, errors: {} as Record<string, string>, report };
};
