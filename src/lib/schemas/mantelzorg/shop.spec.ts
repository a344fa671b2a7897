import { describe, expect, it } from 'vitest';
import { MAX_CHEQUE_CENTS } from '#lib/mantelzorg/limits';
import { amountCents } from './shop';

const problem = (typed: string) => {
	const parsed = amountCents.safeParse(typed);
	return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe('the amount typed at the counter', () => {
	it('reads euros as typed at a till', () => {
		expect(amountCents.parse('12,50')).toBe(1250);
		expect(amountCents.parse('€ 12')).toBe(1200);
		expect(amountCents.parse('1000')).toBe(MAX_CHEQUE_CENTS);
	});

	it('answers every amount above what a cheque can hold as not enough on the cheque', () => {
		expect(problem('5000')).toMatch(/^Er staat niet genoeg meer op deze cheque/);
		expect(problem('1000,01')).toContain('1.000,00');
		expect(problem('0')).toBe('Vul een bedrag in van minstens € 0,01.');
		expect(problem('12,505')).toBe('Vul een bedrag in, bijvoorbeeld 12,50.');
	});
});
