import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';
import { formatCents } from './mantelzorg/display';

describe('Dutch numbers', () => {
	it('group thousands with a dot', () => {
		expect(formatNumber(1583)).toBe('1.583');
		expect(formatNumber(157000)).toBe('157.000');
		expect(formatNumber(38)).toBe('38');
	});

	it('write money with grouped euros and cents after a comma', () => {
		expect(formatCents(57_000_000)).toBe('€ 570.000,00');
		expect(formatCents(1250)).toBe('€ 12,50');
	});
});
