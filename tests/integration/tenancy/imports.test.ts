// A municipality's admin uploads wijk boundaries (GeoJSON) and postcode areas (CSV): a bad file
// gets Dutch sentences and changes nothing, in the page's reader and again in SQL; a good one is
// staged, seen, saved. Zaanstad's own reference data arrives through the same two readers.
import { describe, expect, it } from 'vitest';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import {
	applyDistrictDraft,
	loadDistrictDraft,
	mergeDistricts,
	savePostcodeFile,
	stageDistrictFile
} from '../../../src/lib/server/tenancy/areas.ts';
import { sql, ZAANSTAD_ID } from '../../support/factories.ts';
import { createMunicipality, personIn } from '../../support/mantelzorg-factories.ts';
import { createCheque } from '../../support/mantelzorg-counter-factories.ts';

const square = (lon: number, lat: number, size = 0.01) => [
	[
		[lon, lat],
		[lon + size, lat],
		[lon + size, lat + size],
		[lon, lat + size],
		[lon, lat]
	]
];
const feature = (naam: string, geometry: unknown) => ({
	type: 'Feature',
	properties: { naam },
	geometry
});
const file = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

async function adminOfNewMunicipality() {
	const m = await createMunicipality();
	const admin = await personIn(m.id, 'beheer', 'municipality_admin');
	return { m, admin, supabase: admin.client as unknown as RequestClient };
}

const snapshot = (municipalityId: string) =>
	sql(
		`select (select count(*)::int from public.districts where municipality_id = '${municipalityId}') as districts,
		        (select count(*)::int from public.district_import_drafts where municipality_id = '${municipalityId}') as drafts,
		        (select count(*)::int from public.postcode_areas where municipality_id = '${municipalityId}') as areas,
		        (select md5(string_agg(d::text, '' order by d.id)) from public.districts d where municipality_id = '${municipalityId}') as fingerprint`
	);

describe('wijk boundaries', () => {
	it('refuse each bad file with a Dutch sentence and change nothing', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const before = await snapshot(m.id);
		const bad: [string, RegExp][] = [
			['dit is geen json', /geen geldige JSON/],
			[
				file(
					feature('Oost', {
						type: 'LineString',
						coordinates: [
							[4.6, 51.8],
							[4.7, 51.8]
						]
					})
				),
				/is een lijn, geen vlak/
			],
			[
				file(
					...Array.from({ length: 10_000 }, (_, i) =>
						feature(`W${i}`, { type: 'Polygon', coordinates: square(4.6, 51.8) })
					)
				),
				/10\.000 vlakken/
			],
			[
				file(feature('Parijs', { type: 'Polygon', coordinates: square(2.35, 48.85) })),
				/buiten Nederland/
			],
			[
				file(
					feature('Centrum', { type: 'Polygon', coordinates: square(4.6, 51.8) }),
					feature('Centrum', { type: 'Polygon', coordinates: square(4.7, 51.8) })
				),
				/Twee wijken heten "Centrum"/
			],
			[' '.repeat(50 * 1024 * 1024), /te groot/]
		];
		for (const [text, message] of bad) {
			const staged = await stageDistrictFile(supabase, text);
			expect(staged.ok).toBe(false);
			if (!staged.ok) expect(staged.problems.join(' ')).toMatch(message);
		}
		expect(await snapshot(m.id)).toEqual(before);
	});

	it('refuse in SQL too what the page would have refused, for a caller who skips the page', async () => {
		const { m, admin } = await adminOfNewMunicipality();
		const before = await snapshot(m.id);
		const outside = {
			name: 'Parijs',
			slug: 'parijs',
			latitude: 51.8,
			longitude: 4.6,
			outline: { type: 'Polygon', coordinates: square(2.35, 48.85) }
		};
		const line = {
			name: 'Lijn',
			slug: 'lijn',
			latitude: 51.8,
			longitude: 4.6,
			outline: {
				type: 'LineString',
				coordinates: [
					[4.6, 51.8],
					[4.7, 51.8]
				]
			}
		};
		for (const districts of [[outside], [line], 'geen lijst', []]) {
			const { error } = await admin.client.rpc('stage_district_import', {
				p_districts: districts as never
			});
			expect(error).not.toBeNull();
		}
		expect(await snapshot(m.id)).toEqual(before);
	});

	it('are staged, shown beside the existing wijken, and saved by the admin only', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const other = await adminOfNewMunicipality();
		const staged = await stageDistrictFile(
			supabase,
			file(
				feature('Noord', { type: 'Polygon', coordinates: square(4.6, 51.8) }),
				feature('Centrum', {
					type: 'MultiPolygon',
					coordinates: [square(4.62, 51.8), square(4.64, 51.8)]
				})
			)
		);
		expect(staged.ok).toBe(true);
		if (!staged.ok) return;
		const draft = await loadDistrictDraft(supabase, staged.draftId);
		expect(draft?.districts.map((d) => [d.name, d.existing])).toEqual([
			['Centrum', false],
			['Noord', true]
		]);
		expect(draft?.kept).toEqual(['Zuid']);
		// Another municipality's admin neither sees nor saves it.
		expect(await loadDistrictDraft(other.supabase, staged.draftId)).toBeNull();
		expect((await applyDistrictDraft(other.supabase, staged.draftId)).ok).toBe(false);

		const applied = await applyDistrictDraft(supabase, staged.draftId);
		expect(applied).toEqual({ ok: true, value: { added: 1, updated: 1 } });
		const rows = await sql<{ name: string; type: string }>(
			`select name, outline ->> 'type' as type from public.districts where municipality_id = '${m.id}' order by name`
		);
		expect(rows).toEqual([
			{ name: 'Centrum', type: 'MultiPolygon' },
			{ name: 'Noord', type: 'Polygon' },
			{ name: 'Zuid', type: null }
		]);
	});
});

describe('postcode areas', () => {
	it('are read from Excel’s Dutch CSV and replace the municipality’s areas', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		await sql(
			`update public.districts set outline = '${JSON.stringify({ type: 'Polygon', coordinates: square(4.79, 52.43, 0.05) })}' where id = '${m.south}'`
		);
		const saved = await savePostcodeFile(
			supabase,
			m.id,
			'\uFEFFpostcode;latitude;longitude;wijk\r\n1561;52,47;4,81;Noord\r\n1562;52,44;4,80;\r\n1599;51,5;5,5;\r\n'
		);
		expect(saved).toEqual({ ok: true, areas: 3, withoutDistrict: 1 });
		const districts = await sql<{ name: string; postcode_areas: number[] }>(
			`select name, postcode_areas from public.districts where municipality_id = '${m.id}' order by name`
		);
		expect(districts).toEqual([
			{ name: 'Noord', postcode_areas: [1561] },
			{ name: 'Zuid', postcode_areas: [1562] }
		]);
	});

	it('refuse a bad file line by line and change nothing', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const before = await snapshot(m.id);
		const saved = await savePostcodeFile(
			supabase,
			m.id,
			'postcode;latitude;longitude;wijk\n1561;52,47;4,81;Nergens\n15;52;4;Noord'
		);
		expect(saved).toEqual({
			ok: false,
			problems: [
				'Regel 2 (1561): de wijk "Nergens" kennen we niet. Zet de wijken eerst in Buurtkracht, of laat de kolom leeg.',
				'Regel 3: "15" is geen postcode. Gebruik de 4 cijfers, zoals 1501.'
			]
		});
		// Straight to SQL: a wijk of another municipality is refused.
		const { admin } = await adminOfNewMunicipality();
		const { error } = await admin.client.rpc('save_postcode_areas', {
			p_areas: [
				{ postcode: 1561, latitude: 52.47, longitude: 4.81, district_ids: [m.north] }
			] as never
		});
		expect(error).not.toBeNull();
		expect(await snapshot(m.id)).toEqual(before);
	});
});

describe('merging two wijken', () => {
	it('moves what pointed at one to the other, in this municipality only', async () => {
		const { m, supabase } = await adminOfNewMunicipality();
		const [centre] = await sql<{ id: string }>(
			`insert into public.community_centres (municipality_id, district_id, slug, name, street_address, postcode, city, latitude, longitude)
			 values ('${m.id}', '${m.south}', 'zuidhuis', 'Zuidhuis (test)', 'Straat 1', '1562 AA', 'Ergens', 52.44, 4.8) returning id`
		);
		// The monitor's facts name a wijk without a foreign key (they outlive it on purpose).
		const cheque = await createCheque({ municipalityId: m.id });
		await sql(
			`insert into public.cheque_facts (cheque_id, municipality_id, scheme_id, district_id, is_original, first_for_carer)
			 select id, municipality_id, scheme_id, '${m.south}', true, true from public.cheques where id = '${cheque.id}'
			 on conflict (cheque_id) do update set district_id = excluded.district_id`
		);
		await sql(
			`insert into public.carer_appreciation_answers (municipality_id, scheme_id, cheque_id, district_id, answer)
			 select municipality_id, scheme_id, id, '${m.south}', 'yes' from public.cheques where id = '${cheque.id}'`
		);
		const other = await adminOfNewMunicipality();
		expect((await mergeDistricts(other.supabase, m.south, m.north)).ok).toBe(false);
		expect((await mergeDistricts(supabase, m.south, m.north)).ok).toBe(true);
		const [moved] = await sql<{ district_id: string }>(
			`select district_id from public.community_centres where id = '${centre?.id}'`
		);
		expect(moved?.district_id).toBe(m.north);
		const facts = await sql<{ district_id: string }>(
			`select district_id from public.cheque_facts where cheque_id = '${cheque.id}'
			 union all select district_id from public.carer_appreciation_answers where cheque_id = '${cheque.id}'`
		);
		expect(facts.map((f) => f.district_id)).toEqual([m.north, m.north]);
		expect(await sql(`select 1 from public.districts where id = '${m.south}'`)).toEqual([]);
		const [north] = await sql<{ postcode_areas: number[] }>(
			`select postcode_areas from public.districts where id = '${m.north}'`
		);
		expect(north?.postcode_areas).toEqual([1561, 1562]);
	});
});

describe('Zaanstad’s reference data', () => {
	it('came in through the same readers: 11 wijken with outlines and their postcode areas', async () => {
		const [row] = await sql<{ districts: number; outlines: number; areas: number; shared: number }>(
			`select count(*)::int as districts, count(outline)::int as outlines,
			   (select count(*)::int from public.postcode_areas where municipality_id = '${ZAANSTAD_ID}' and postcode < 1590) as areas,
			   (select count(*)::int from public.districts where municipality_id = '${ZAANSTAD_ID}' and 1500 = any (postcode_areas)) as shared
			 from public.districts where municipality_id = '${ZAANSTAD_ID}'`
		);
		expect(row).toEqual({ districts: 11, outlines: 11, areas: 35, shared: 5 });
	});
});
