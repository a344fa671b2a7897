import { describe, expect, it } from 'vitest';
import { isBoardDate, parseBoardFilters } from './board';

const parse = (query: string) => parseBoardFilters(new URLSearchParams(query));

describe('parseBoardFilters', () => {
	it.each(['2026-02-30', '2026-13-45', '0000-01-01', '2026-04-31', '9999-12-31'])(
		'leaves out the impossible day %s and says so',
		(day) => {
			const query = parse(`datum=${day}&categorie=groceries`);
			expect(query.filters.datum).toBeUndefined();
			expect(query.filters.categorie).toBe('groceries');
			expect(query.ignored).toEqual(['datum']);
		}
	);

	it('keeps real days, a leap day among them', () => {
		expect(parse('datum=2028-02-29').filters.datum).toBe('2028-02-29');
		expect(parse('datum=2026-12-03').ignored).toEqual([]);
		expect(isBoardDate('2027-02-29')).toBe(false);
	});

	it('notes an unknown category, a malformed wijk and a page number it cannot use', () => {
		expect(parse('categorie=raket&wijk=Zaandam%20West&pagina=-3').ignored).toEqual([
			'categorie',
			'wijk',
			'pagina'
		]);
		expect(parse('pagina=2').ignored).toEqual([]);
	});

	it('does not search with a search that is too long, but gives it back as typed', () => {
		const long = 'boodschappen '.repeat(9);
		const query = parse(`zoek=${encodeURIComponent(long)}`);
		expect(query.filters.zoek).toBeUndefined();
		expect(query.tooLongSearch).toBe(long);

		const manyWords = Array.from({ length: 21 }, (_, i) => `w${i}`).join(' ');
		expect(parse(`zoek=${manyWords}`).tooLongSearch).toBe(manyWords);
		expect(parse('zoek=tuin').tooLongSearch).toBeUndefined();
		expect(parse('zoek=tuin').filters.zoek).toBe('tuin');
	});
});
