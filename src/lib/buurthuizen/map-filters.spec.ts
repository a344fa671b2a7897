import { describe, expect, it } from 'vitest';
import { filterPeriod, filtersActivities, mapQueryString, parseMapFilters } from './map-filters';

const parse = (query: string) => parseMapFilters(new URLSearchParams(query));

describe('parseMapFilters', () => {
	it('reads every filter', () => {
		const { filters, postcodeError } = parse(
			'wijk=wormerveer&dag=2026-12-09&categorie=bewegen&gratis=1&rolstoel=1&postcode=1521+AB'
		);
		expect(filters).toMatchObject({
			wijk: 'wormerveer',
			dag: '2026-12-09',
			categorie: 'bewegen',
			gratis: true,
			rolstoel: true,
			postcode: '1521 AB'
		});
		expect(postcodeError).toBeNull();
		expect(filtersActivities(filters)).toBe(true);
	});

	it('takes the date field over the day choice', () => {
		expect(parse('dag=vandaag&datum=2026-12-24').filters.dag).toBe('2026-12-24');
		expect(parse('dag=week&datum=').filters.dag).toBe('week');
		expect(parse('dag=week&datum=2026-13-01').filters.dag).toBe('week');
	});

	it('drops what is malformed instead of failing the page', () => {
		const { filters } = parse('wijk=<b>&dag=2026-02-30&categorie=dansen&gratis=misschien&lat=999');
		expect(filters).toEqual({ gratis: false, rolstoel: false });
		expect(filtersActivities(filters)).toBe(false);
	});

	it('keeps a wrong postcode with a reason, and rounds a location', () => {
		expect(parse('postcode=12345').postcodeError).toMatch(/1521 AB/);
		const long = parse(`postcode=${'1'.repeat(2000)}`);
		expect(long.postcodeError).toMatch(/1521 AB/);
		expect(long.filters.postcode).toBe('1'.repeat(12));
		const { filters } = parse('lat=52.492549&lng=4.78541');
		expect(filters).toMatchObject({ lat: 52.493, lng: 4.785 });
		expect(parse('lat=52.49').filters.lat).toBeUndefined();
		expect(parse('postcode=1521&lat=52.49&lng=4.78').filters.lat).toBeUndefined();
	});
});

describe('filterPeriod', () => {
	// Thursday 3 December 2026, 13:00 in Amsterdam.
	const now = new Date('2026-12-03T12:00:00Z');

	it('means today, the rest of this week, a date, or the next two weeks', () => {
		const base = { gratis: false, rolstoel: false };
		expect(filterPeriod({ ...base, dag: 'vandaag' }, now)).toEqual({
			from: new Date('2026-12-02T23:00:00Z'),
			to: new Date('2026-12-03T23:00:00Z')
		});
		expect(filterPeriod({ ...base, dag: 'week' }, now).to).toEqual(
			new Date('2026-12-06T23:00:00Z')
		);
		expect(filterPeriod({ ...base, dag: '2026-12-25' }, now).from).toEqual(
			new Date('2026-12-24T23:00:00Z')
		);
		const ahead = filterPeriod(base, now);
		expect(ahead.from).toBe(now);
		expect(ahead.to).toEqual(new Date('2026-12-17T23:00:00Z'));
	});
});

describe('mapQueryString', () => {
	it('writes the filters back in a fixed order, leaving out empty ones', () => {
		expect(
			mapQueryString({ categorie: 'taal', wijk: 'krommenie', gratis: true, rolstoel: false })
		).toBe('wijk=krommenie&categorie=taal&gratis=1');
		expect(mapQueryString({})).toBe('');
	});
});
