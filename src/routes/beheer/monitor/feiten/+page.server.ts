import { error } from '@sveltejs/kit';
import { parsePeriod, yearPeriod } from '#lib/monitor/period';
import { factSections } from '#lib/monitor/facts';
import { loadFacts } from '#lib/server/monitor/facts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const period = yearPeriod(parsePeriod(url.searchParams).year);
	const facts = await loadFacts(locals.supabase, period);
	if (!facts.ok) error(facts.status, facts.problem);
	return {
		year: period.year,
		municipality: facts.municipality,
		sections: factSections(facts.get, { centres: facts.centres, districts: facts.districts })
	};
};
