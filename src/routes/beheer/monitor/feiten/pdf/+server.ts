// Feiten & Cijfers of a year as a PDF: ?jaar=2026, and ?gebied=mantelzorg for one area only.
import { error } from '@sveltejs/kit';
import { factSections } from '#lib/monitor/facts';
import { parsePeriod, yearPeriod } from '#lib/monitor/period';
import { loadFacts } from '#lib/server/monitor/facts';
import { renderFactsPdf } from '#lib/server/monitor/facts-pdf';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const period = yearPeriod(parsePeriod(url.searchParams).year);
	const facts = await loadFacts(locals.supabase, period);
	if (!facts.ok) error(facts.status, facts.problem);
	const sections = factSections(facts.get, { centres: facts.centres, districts: facts.districts });
	const asked = url.searchParams.get('gebied');
	const area = asked && sections.some((s) => s.area === asked) ? asked : null;
	if (asked && !area) error(404, 'Dit gebied bestaat niet.');
	const pdf = await renderFactsPdf(
		{ municipality: facts.municipality, year: period.year, sections },
		area
	);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="feiten-en-cijfers-${period.year}${area ? `-${area}` : ''}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
