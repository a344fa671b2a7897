import { describe, expect, it } from 'vitest';
import { factSections } from './facts';

describe('Feiten & Cijfers', () => {
	it('writes the figures in Dutch sentences with Dutch number formatting', () => {
		const values: Record<string, number> = {
			mz_carers_reached: 1583,
			mz_young_carers_reached: 38,
			mz_budget_cents: 57_000_000,
			bh_requests_posted: 1,
			mz_shops_taking_part: 147
		};
		const sections = factSections((m) => values[m] ?? 0, { centres: 19, districts: 11 });
		const text = sections.flatMap((s) => s.sentences).join('\n');
		expect(text).toContain('1.583 mantelzorgers bereikt met de mantelzorgwaardering.');
		expect(text).toContain('38 jonge mantelzorgers bereikt met een Pluim.');
		expect(text).toContain('147 lokale winkels');
		expect(text).toMatch(/Budget €\s570\.000;/);
		expect(text).toContain('1 hulpvraag geplaatst');
		expect(text).toContain('19 buurthuizen in 11 wijken');
	});
});
