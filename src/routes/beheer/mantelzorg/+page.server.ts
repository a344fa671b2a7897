import { z } from 'zod';
import { factsAndFigures, loadDashboard } from '#lib/server/mantelzorg/dashboard';
import type { PageServerLoad } from './$types';

const yearParam = z.coerce.number().int().min(2000).max(2100);

export const load: PageServerLoad = async ({ locals, url }) => {
	const thisYear = Number(
		new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(
			new Date()
		)
	);
	const year = yearParam.catch(thisYear).parse(url.searchParams.get('jaar') ?? thisYear);
	const dashboard = await loadDashboard(locals.supabase, year);
	return { year, dashboard, facts: dashboard ? factsAndFigures(dashboard) : [] };
};
