import { describe, expect, it } from 'vitest';
import { readDistrictGeoJson, slugify } from './district-import';

const square = (lon: number, lat: number, size = 0.01) => [
	[
		[lon, lat],
		[lon + size, lat],
		[lon + size, lat + size],
		[lon, lat + size],
		[lon, lat]
	]
];
const feature = (name: string | null, geometry: unknown, extra: Record<string, unknown> = {}) => ({
	type: 'Feature',
	properties: name === null ? {} : { naam: name, ...extra },
	geometry
});
const collection = (...features: unknown[]) =>
	JSON.stringify({ type: 'FeatureCollection', features });
const problems = (text: string) => {
	const result = readDistrictGeoJson(text);
	return result.ok ? [] : result.problems;
};

describe('readDistrictGeoJson', () => {
	it('reads wijken with a name, a slug, a point inside and the outline', () => {
		const result = readDistrictGeoJson(
			'\uFEFF' +
				collection(
					feature('Oud-Krispijn', { type: 'Polygon', coordinates: square(4.67, 51.8) }),
					feature(
						'Stadspolders',
						{ type: 'MultiPolygon', coordinates: [square(4.7, 51.82)] },
						{ latitude: 51.825, longitude: 4.705 }
					)
				)
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.map((d) => [d.name, d.slug])).toEqual([
			['Oud-Krispijn', 'oud-krispijn'],
			['Stadspolders', 'stadspolders']
		]);
		expect(result.value[0]?.latitude).toBeCloseTo(51.805, 3);
		expect(result.value[1]).toMatchObject({ latitude: 51.825, longitude: 4.705 });
	});

	it('says in Dutch what is wrong with a file that is not JSON, or not a FeatureCollection', () => {
		expect(problems('wijk;naam\n1;Oost')[0]).toMatch(/geen geldige JSON/);
		expect(problems('{"type":"Feature"}')[0]).toMatch(/geen GeoJSON FeatureCollection/);
		expect(problems(collection())[0]).toMatch(/geen wijken/);
	});

	it('refuses lines instead of polygons, naming the wijk', () => {
		const found = problems(
			collection(
				feature('Oost', {
					type: 'LineString',
					coordinates: [
						[4.6, 51.8],
						[4.7, 51.8]
					]
				})
			)
		);
		expect(found).toEqual([
			'Wijk 1 (Oost) is een lijn, geen vlak. Een wijk moet een Polygon of MultiPolygon zijn.'
		]);
	});

	it('refuses 10,000 features, a wijk outside the Netherlands, RD coordinates and a missing name', () => {
		const many = Array.from({ length: 10_000 }, (_, i) =>
			feature(`W${i}`, { type: 'Polygon', coordinates: square(4.6, 51.8) })
		);
		expect(problems(collection(...many))[0]).toMatch(/10\.000 vlakken/);
		expect(
			problems(
				collection(feature('Parijs', { type: 'Polygon', coordinates: square(2.35, 48.85) }))
			)[0]
		).toMatch(/buiten Nederland/);
		expect(
			problems(
				collection(feature('RD', { type: 'Polygon', coordinates: square(105000, 425000, 100) }))
			)[0]
		).toMatch(/Rijksdriehoek/);
		expect(
			problems(collection(feature(null, { type: 'Polygon', coordinates: square(4.6, 51.8) })))[0]
		).toMatch(/heeft geen naam/);
	});

	it('refuses two wijken with the same name', () => {
		const found = problems(
			collection(
				feature('Centrum', { type: 'Polygon', coordinates: square(4.6, 51.8) }),
				feature('centrum', { type: 'Polygon', coordinates: square(4.7, 51.8) })
			)
		);
		expect(found.some((p) => p.includes('Twee wijken heten "centrum" (wijk 1 en wijk 2)'))).toBe(
			true
		);
	});

	it('refuses a file over 5 MB without reading it', () => {
		expect(problems(' '.repeat(5 * 1024 * 1024 + 1))[0]).toMatch(/te groot/);
	});

	it('shrinks a detailed boundary to fit the database', () => {
		const ring = Array.from({ length: 20_000 }, (_, i) => {
			const a = (i / 20_000) * 2 * Math.PI;
			return [4.67 + 0.02 * Math.cos(a), 51.8 + 0.02 * Math.sin(a)];
		});
		ring.push(ring[0] as number[]);
		const result = readDistrictGeoJson(
			collection(feature('Rond', { type: 'Polygon', coordinates: [ring] }))
		);
		expect(result.ok).toBe(true);
		if (result.ok)
			expect(JSON.stringify(result.value[0]?.outline).length).toBeLessThanOrEqual(30_000);
	});
});

describe('slugify', () => {
	it('makes an address of a Dutch name', () => {
		expect(slugify('Koog aan de Zaan')).toBe('koog-aan-de-zaan');
		expect(slugify('Poelenburg/Peldersveld')).toBe('poelenburg-peldersveld');
		expect(slugify('Ëlst – Oost')).toBe('elst-oost');
	});
});
