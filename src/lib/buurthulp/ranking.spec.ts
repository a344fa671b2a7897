import { describe, expect, it } from 'vitest';
import { distanceKm, normalisePostcode, postcodeArea, roundCoordinate } from './location';
import { availabilityScore, categoryScore, distanceScore, score, urgencyScore } from './ranking';

describe('ranking inputs', () => {
	it('scores distance linearly within the radius and zero beyond', () => {
		expect(distanceScore(0, 3)).toBe(1);
		expect(distanceScore(1.5, 3)).toBe(0.5);
		expect(distanceScore(4, 3)).toBe(0);
	});

	it('treats no preferred categories as "everything fits"', () => {
		expect(categoryScore('garden', [])).toBe(1);
		expect(categoryScore('garden', ['groceries'])).toBe(0);
		expect(categoryScore('garden', ['garden', 'company'])).toBe(1);
	});

	it('needs at least one shared slot for availability', () => {
		expect(availabilityScore(0b001, 0b010)).toBe(0);
		expect(availabilityScore(0b011, 0b010)).toBe(1);
	});

	it('makes sooner requests more urgent', () => {
		expect(urgencyScore('2026-11-22', '2026-11-22')).toBe(1);
		expect(urgencyScore('2026-11-29', '2026-11-22')).toBe(0.5);
		expect(urgencyScore('2026-12-31', '2026-11-22')).toBe(0);
		expect(urgencyScore(null, '2026-11-22')).toBe(0.3);
		// A range that began weeks ago is as urgent as today, not more.
		expect(urgencyScore('2026-10-25', '2026-11-22')).toBe(1);
	});

	it('weighs distance most, then category, availability, urgency', () => {
		expect(score({ distance: 1, category: 0, availability: 0, urgency: 0 })).toBe(0.35);
		expect(score({ distance: 1, category: 1, availability: 1, urgency: 1 })).toBe(1);
		expect(score({ distance: 0, category: 1, availability: 1, urgency: 0 })).toBe(0.5);
	});
});

describe('approximate locations', () => {
	it('normalises Dutch postcodes and shows only the digits in public', () => {
		expect(normalisePostcode(' 1521ab ')).toBe('1521 AB');
		expect(normalisePostcode('0521 AB')).toBeNull();
		expect(postcodeArea('1521 AB')).toBe('1521');
		expect(postcodeArea(' 1521ab')).toBe('1521');
		expect(postcodeArea('1521')).toBe('1521');
		expect(postcodeArea('152')).toBeNull();
		expect(postcodeArea('1521 A')).toBeNull();
	});

	it('rounds points to about a kilometre', () => {
		expect(roundCoordinate(52.49123)).toBe(52.49);
		const shift = distanceKm(
			52.49123,
			4.78771,
			roundCoordinate(52.49123),
			roundCoordinate(4.78771)
		);
		expect(shift).toBeLessThan(1);
		expect(distanceKm(52.487, 4.735, 52.425, 4.83)).toBeGreaterThan(8);
	});
});
