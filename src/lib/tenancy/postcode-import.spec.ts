import { describe, expect, it } from 'vitest';
import { readPostcodeCsv, type KnownDistrict } from './postcode-import';

const districts: KnownDistrict[] = [
	{
		id: 'west',
		name: 'West',
		slug: 'west',
		outline: {
			type: 'Polygon',
			coordinates: [
				[
					[4.6, 51.8],
					[4.7, 51.8],
					[4.7, 51.9],
					[4.6, 51.9],
					[4.6, 51.8]
				]
			]
		}
	},
	{ id: 'oost', name: 'Oost', slug: 'oost', outline: null }
];

describe('readPostcodeCsv', () => {
	it('reads comma files and Excel’s Dutch ";" files with decimal commas and a byte order mark', () => {
		const comma = readPostcodeCsv(
			'postcode,latitude,longitude,wijk\n3311,51.81,4.66,West\n3312,51.82,4.71,oost\n',
			districts
		);
		const excel = readPostcodeCsv(
			'\uFEFFPostcode;Latitude;Longitude;Wijk\r\n3311;51,81;4,66;West\r\n3312;51,82;4,71;Oost\r\n',
			districts
		);
		for (const result of [comma, excel]) {
			expect(result).toEqual({
				ok: true,
				value: [
					{ postcode: 3311, latitude: 51.81, longitude: 4.66, districtIds: ['west'] },
					{ postcode: 3312, latitude: 51.82, longitude: 4.71, districtIds: ['oost'] }
				]
			});
		}
	});

	it('puts an area without a wijk in the wijk whose outline holds its centre, else in none', () => {
		const result = readPostcodeCsv(
			'postcode;latitude;longitude\n3311;51,85;4,65\n3399;52,0;5,0',
			districts
		);
		expect(result.ok && result.value.map((a) => a.districtIds)).toEqual([['west'], []]);
	});

	it('lets an area belong to two wijken on two lines with the same centre', () => {
		const result = readPostcodeCsv(
			'postcode,latitude,longitude,wijk\n3311,51.81,4.66,West\n3311,51.81,4.66,Oost',
			districts
		);
		expect(result.ok && result.value).toEqual([
			{ postcode: 3311, latitude: 51.81, longitude: 4.66, districtIds: ['west', 'oost'] }
		]);
	});

	it('names each wrong line in Dutch and returns nothing', () => {
		const result = readPostcodeCsv(
			'postcode;latitude;longitude;wijk\n33;51,8;4,6;West\n3311;abc;4,6;West\n3312;48,85;2,35;West\n3313;51,8;4,6;Noord\n3314;51,8;4,6;West\n3314;51,9;4,6;West',
			districts
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			'Regel 2: "33" is geen postcode. Gebruik de 4 cijfers, zoals 1501.',
			'Regel 3 (3311): latitude en longitude moeten getallen zijn, zoals 52,4385 en 4,8266.',
			'Regel 4 (3312): dit middelpunt ligt buiten Nederland. Staan latitude en longitude misschien omgedraaid?',
			'Regel 5 (3313): de wijk "Noord" kennen we niet. Zet de wijken eerst in Buurtkracht, of laat de kolom leeg.',
			'Regel 7 (3314): deze postcode staat ook op regel 6, met een ander middelpunt.'
		]);
	});

	it('asks for the column names, and refuses an empty or oversized file', () => {
		expect(readPostcodeCsv('3311;51,8;4,6\n3312;51,8;4,6', districts)).toMatchObject({
			ok: false,
			problems: [expect.stringMatching(/kolomnamen/)]
		});
		expect(readPostcodeCsv('', districts)).toMatchObject({
			ok: false,
			problems: [expect.stringMatching(/leeg/)]
		});
		expect(readPostcodeCsv('x'.repeat(600 * 1024), districts)).toMatchObject({
			ok: false,
			problems: [expect.stringMatching(/te groot/)]
		});
	});
});
