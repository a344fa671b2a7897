import { describe, expect, it } from 'vitest';
import { per10k } from './comparison';

describe('per10k', () => {
	it('divides by the population, per 10,000, to one decimal', () => {
		expect(per10k(1583, 157_000)).toBe(100.8);
		expect(per10k(0, 157_000)).toBe(0);
	});
	it('is empty without a population', () => {
		expect(per10k(12, null)).toBeNull();
		expect(per10k(12, 0)).toBeNull();
	});
});
