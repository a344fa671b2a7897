import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { factSections } from '../../monitor/facts';
import { renderFactsPdf } from './facts-pdf';

const values: Record<string, number> = {
	mz_carers_reached: 1583,
	mz_young_carers_reached: 38,
	mz_budget_cents: 57_000_000,
	bh_requests_posted: 120
};
const sections = factSections((m) => values[m] ?? 0, { centres: 19, districts: 11 });

async function text(pdf: Buffer) {
	const doc = await getDocumentProxy(new Uint8Array(pdf));
	return { pages: doc.numPages, text: (await extractText(doc, { mergePages: true })).text };
}

describe('Feiten & Cijfers as PDF', () => {
	it('has the sentences of every area, with Dutch numbers and the euro sign', async () => {
		const pdf = await renderFactsPdf({ municipality: 'Zaanstad', year: 2026, sections });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const { pages, text: t } = await text(pdf);
		expect(pages).toBe(1);
		expect(t).toContain('Feiten & Cijfers 2026');
		expect(t).toContain('1.583 mantelzorgers bereikt met de mantelzorgwaardering.');
		expect(t).toContain('€ 570.000');
		expect(t).toContain('19 buurthuizen in 11 wijken');
	});

	it('one area only', async () => {
		const pdf = await renderFactsPdf(
			{ municipality: 'Zaanstad', year: 2026, sections },
			'buurthulp'
		);
		const { text: t } = await text(pdf);
		expect(t).toContain('Buurthulp');
		expect(t).not.toContain('mantelzorgwaardering');
	});
});
