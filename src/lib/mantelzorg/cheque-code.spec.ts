import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHABET, checkCharacter, format, generate, isValid, normalise } from './cheque-code';

const symbol = fc.constantFrom(...ALPHABET.split(''));
const payload = fc.array(symbol, { minLength: 15, maxLength: 15 }).map((a) => a.join(''));
const code = payload.map((p) => p + checkCharacter(p));

describe('generate', () => {
	it('makes 16 characters of the alphabet that pass the check', () => {
		for (let i = 0; i < 1000; i++) {
			const c = generate();
			expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
			expect(isValid(c)).toBe(true);
		}
	});

	it('uses every random byte: 75 bits, each payload character from the low 5 bits of one byte', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 15, maxLength: 15 }), (bytes) => {
				const c = generate(() => bytes);
				expect([...c.slice(0, 15)].map((ch) => ALPHABET.indexOf(ch))).toEqual(
					[...bytes].map((b) => b & 31)
				);
			})
		);
	});

	it('spreads characters evenly and does not repeat (a rough entropy check)', () => {
		const counts = new Map<string, number>();
		const seen = new Set<string>();
		for (let i = 0; i < 4000; i++) {
			const c = generate();
			seen.add(c);
			for (const ch of c.slice(0, 15)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
		}
		expect(seen.size).toBe(4000);
		// 60,000 characters over 32 symbols: 1,875 each on average.
		expect(counts.size).toBe(32);
		for (const n of counts.values()) expect(Math.abs(n - 1875)).toBeLessThan(250);
	});
});

describe('the check character', () => {
	it('catches every single wrong character, in any position', () => {
		fc.assert(
			fc.property(code, fc.integer({ min: 0, max: 15 }), symbol, (c, at, replacement) => {
				fc.pre(c[at] !== replacement);
				const typo = c.slice(0, at) + replacement + c.slice(at + 1);
				expect(isValid(typo)).toBe(false);
			}),
			{ numRuns: 2000 }
		);
	});

	it('catches every single wrong character exhaustively for one code', () => {
		const c = generate();
		for (let at = 0; at < 16; at++) {
			for (const s of ALPHABET) {
				if (s === c[at]) continue;
				expect(isValid(c.slice(0, at) + s + c.slice(at + 1))).toBe(false);
			}
		}
	});

	it('catches every swap of two adjacent different characters, the check character included', () => {
		fc.assert(
			fc.property(code, fc.integer({ min: 0, max: 14 }), (c, at) => {
				fc.pre(c[at] !== c[at + 1]);
				const swapped = c.slice(0, at) + c[at + 1] + c[at] + c.slice(at + 2);
				expect(isValid(swapped)).toBe(false);
			}),
			{ numRuns: 2000 }
		);
	});

	it('catches every swap of two different characters at any distance', () => {
		const c = generate();
		for (let i = 0; i < 16; i++) {
			for (let j = i + 1; j < 16; j++) {
				if (c[i] === c[j]) continue;
				const chars = [...c];
				[chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
				expect(isValid(chars.join('')), `${i}<->${j}`).toBe(false);
			}
		}
	});

	it('accepts exactly one check character per payload', () => {
		fc.assert(
			fc.property(payload, (p) => {
				const valid = [...ALPHABET].filter((s) => isValid(p + s));
				expect(valid).toEqual([checkCharacter(p)]);
			})
		);
	});
});

describe('normalise and format', () => {
	it('ignores spaces, hyphens and case, and reads O as 0 and I, L as 1', () => {
		fc.assert(
			fc.property(
				code,
				fc.array(fc.constantFrom(' ', '-', '  ', '\t'), { minLength: 16, maxLength: 16 }),
				fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
				(c, separators, lower) => {
					const typed = [...c]
						.map((ch, i) => {
							const shown = ch === '0' && lower[i] ? 'O' : ch === '1' && lower[i] ? 'l' : ch;
							return (lower[i] ? shown.toLowerCase() : shown) + (separators[i] ?? '');
						})
						.join('');
					expect(normalise(typed)).toBe(c);
					expect(isValid(typed)).toBe(true);
				}
			)
		);
	});

	it('maps the look-alikes', () => {
		expect(normalise('o0-Ii lL')).toBe('00111' + '1');
	});

	it('shows 4 groups of 4 and reads back to the same code', () => {
		fc.assert(
			fc.property(code, (c) => {
				const shown = format(c);
				expect(shown).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}$/);
				expect(normalise(shown)).toBe(c);
			})
		);
	});

	it('refuses wrong lengths and letters outside the alphabet', () => {
		const c = generate();
		expect(isValid(c.slice(0, 15))).toBe(false);
		expect(isValid(c + '0')).toBe(false);
		expect(isValid('U'.repeat(16))).toBe(false);
		expect(isValid('')).toBe(false);
	});
});
