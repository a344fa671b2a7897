import { describe, expect, it } from 'vitest';
import { checkLook, contrastRatio, DEFAULT_LOOK } from './contrast';

describe('contrastRatio', () => {
	it('gives 21 for black on white and 1 for a colour on itself', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#00548a', '#00548a')).toBe(1);
	});
	it('agrees with the published WCAG example values', () => {
		// #767676 on white is the lightest grey that passes AA: 4.54:1.
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
	});
});

describe('checkLook', () => {
	it('passes Buurtkracht’s own look', () => {
		expect(checkLook(DEFAULT_LOOK).every((c) => c.ok)).toBe(true);
	});
	it('names the pair that fails', () => {
		const failing = checkLook({ primary: '#7fb3ff', primaryDark: '#003a60', surface: '#ffffff' })
			.filter((c) => !c.ok)
			.map((c) => c.pair);
		expect(failing).toContain('Witte tekst op de hoofdkleur (knoppen)');
	});
});
