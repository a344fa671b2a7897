import { describe, expect, it } from 'vitest';
import { applyOffer } from './apply-offer';

describe('applyOffer', () => {
	const scheme = { year: 2026 };

	it('offers applying when there is no application this year', () => {
		expect(applyOffer(scheme, [])).toEqual({
			link: 'Vraag de mantelzorgwaardering 2026 aan',
			already: null
		});
		expect(applyOffer(scheme, [{ schemeYear: 2025, status: 'approved' }]).already).toBeNull();
	});

	it('does not offer the same application again once this year is applied for', () => {
		for (const status of ['submitted', 'question_asked', 'approved']) {
			const offer = applyOffer(scheme, [{ schemeYear: 2026, status }]);
			expect(offer.already).toMatch(/al aangevraagd/);
			expect(offer.link).not.toBe('Vraag de mantelzorgwaardering 2026 aan');
			expect(offer.link).toMatch(/iemand anders/);
		}
	});

	it('offers applying again after a rejection, and nothing when the scheme is closed', () => {
		expect(applyOffer(scheme, [{ schemeYear: 2026, status: 'rejected' }]).already).toBeNull();
		expect(applyOffer(null, [])).toEqual({ link: null, already: null });
	});
});
