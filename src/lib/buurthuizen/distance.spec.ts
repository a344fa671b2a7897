import { describe, expect, it } from 'vitest';
import { distanceM, formatDistance, roundCoordinate } from './distance';

describe('distanceM', () => {
	it('is zero for one point and symmetric', () => {
		const a = { latitude: 52.4925, longitude: 4.7855 };
		const b = { latitude: 52.488, longitude: 4.79 };
		expect(distanceM(a, a)).toBe(0);
		expect(distanceM(a, b)).toBeCloseTo(distanceM(b, a), 6);
	});

	it('matches known distances', () => {
		// One degree of latitude is about 111.2 km.
		expect(distanceM({ latitude: 52, longitude: 4 }, { latitude: 53, longitude: 4 })).toBeCloseTo(
			111_195,
			-1
		);
		// De Lorzie to De Zaanbocht, about 590 m.
		const d = distanceM(
			{ latitude: 52.4925, longitude: 4.7855 },
			{ latitude: 52.488, longitude: 4.79 }
		);
		expect(d).toBeGreaterThan(550);
		expect(d).toBeLessThan(650);
	});
});

describe('formatDistance', () => {
	it('rounds short distances to 50 m and long ones to 0.1 km, in Dutch', () => {
		expect(formatDistance(0)).toBe('50 m');
		expect(formatDistance(340)).toBe('350 m');
		expect(formatDistance(949)).toBe('950 m');
		expect(formatDistance(950)).toBe('1,0 km');
		expect(formatDistance(12_345)).toBe('12,3 km');
	});
});

describe('roundCoordinate', () => {
	it('keeps three decimals', () => {
		expect(roundCoordinate(52.492_549)).toBe(52.493);
		expect(roundCoordinate(4.785_4)).toBe(4.785);
	});
});
