// Buurthuizen as places (issue 11): "bij mij in de buurt" by postcode and by point, the map's
// one call, the seeded outlines and accessibility, and who may change a buurthuis's details.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole, sql, ZAANSTAD_ID } from '../../support/factories.ts';

interface MapCentre {
	slug: string;
	name: string;
	wheelchair: string | null;
	opening_hours: string | null;
	distance_m: number | null;
}
interface MapAnswer {
	origin: { latitude: number; longitude: number; source: string; district_slug?: string } | null;
	unknown_postcode: boolean;
	districts: { slug: string; outline: { type: string; coordinates: number[][][] } | null }[];
	centres: MapCentre[];
}

const centreId = async (slug: string) =>
	(await sql<{ id: string }>(`select id from public.community_centres where slug = '${slug}'`))[0]!
		.id;

describe('community_centre_map', () => {
	it('gives every wijk an outline and all 19 buurthuizen, without distances by default', async () => {
		const { data, error } = await anonClient().rpc('community_centre_map', {});
		expect(error).toBeNull();
		const map = data as unknown as MapAnswer;
		expect(map.origin).toBeNull();
		expect(map.districts).toHaveLength(11);
		for (const d of map.districts) {
			expect(d.outline?.type).toBe('Polygon');
			const ring = d.outline!.coordinates[0]!;
			expect(ring[0]).toEqual(ring.at(-1));
		}
		expect(map.centres).toHaveLength(19);
		expect(map.centres.every((c) => c.distance_m === null)).toBe(true);
		const lorzie = map.centres.find((c) => c.slug === 'de-lorzie');
		expect(lorzie?.wheelchair).toBe('yes');
		expect(lorzie?.opening_hours).toMatch(/^Mo-Fr/);
	});

	it('orders by distance from a postcode in one wijk, nearest first', async () => {
		const { data } = await anonClient().rpc('community_centre_map', { p_postcode: '1521 ab' });
		const map = data as unknown as MapAnswer;
		expect(map.unknown_postcode).toBe(false);
		expect(map.origin).toMatchObject({ source: 'postcode', district_slug: 'wormerveer' });
		const distances = map.centres.map((c) => c.distance_m!);
		expect([...distances].sort((a, b) => a - b)).toEqual(distances);
		expect(map.centres[0]!.slug).toBe('de-lorzie');
		expect(distances[0]).toBeLessThan(1000);
	});

	it('says so for a postcode no wijk knows, and keeps the name order', async () => {
		const { data } = await anonClient().rpc('community_centre_map', { p_postcode: '9999 ZZ' });
		const map = data as unknown as MapAnswer;
		expect(map.unknown_postcode).toBe(true);
		expect(map.origin).toBeNull();
		expect(map.centres.every((c) => c.distance_m === null)).toBe(true);
	});

	it('takes a point, and refuses one off the globe and an oversized postcode', async () => {
		const client = anonClient();
		const near = await client.rpc('community_centre_map', {
			p_latitude: 52.488,
			p_longitude: 4.739
		});
		expect((near.data as unknown as MapAnswer).centres[0]!.slug).toBe('a3');
		const bad = await client.rpc('community_centre_map', { p_latitude: 123, p_longitude: 4 });
		expect(bad.error?.message).toMatch(/invalid_point/);
		const long = await client.rpc('community_centre_map', { p_postcode: '1'.repeat(5000) });
		expect(long.error?.message).toMatch(/too_long/);
	});
});

describe('nearest_community_centres and postcode_location', () => {
	it('lists the nearest with straight-line distances in metres', async () => {
		const { data, error } = await anonClient().rpc('nearest_community_centres', {
			p_latitude: 52.4925,
			p_longitude: 4.7855,
			p_limit: 3
		});
		expect(error).toBeNull();
		expect(data).toHaveLength(3);
		expect(data![0]).toMatchObject({ slug: 'de-lorzie' });
		expect(data![0]!.distance_m).toBeLessThan(1);
		// De Zaanbocht (52.4880, 4.7900) is about 590 m from De Lorzie.
		const zaanbocht = data!.find((c) => c.slug === 'de-zaanbocht-demo');
		expect(zaanbocht?.distance_m).toBeGreaterThan(550);
		expect(zaanbocht?.distance_m).toBeLessThan(650);
	});

	it('turns a shared Zaandam postcode into the middle of its wijken', async () => {
		const { data } = await anonClient().rpc('postcode_location', { p_postcode: '1506' });
		const place = data as { district_slug: string | null; district_names: string[] };
		expect(place.district_slug).toBeNull();
		expect(place.district_names).toContain('Zaandam-Oost');
		const none = await anonClient().rpc('postcode_location', { p_postcode: 'hallo' });
		expect(none.data).toBeNull();
	});
});

describe('who may change a buurthuis', () => {
	it('lets its board member set accessibility, and nobody else', async () => {
		const lorzie = await centreId('de-lorzie');
		const a3 = await centreId('a3');
		const board = await createUser({ label: 'bestuur-lorzie' });
		await grantRole(board.id, 'board_member', { communityCentreId: lorzie });
		const stranger = await createUser({ label: 'vreemde' });

		const other = await stranger.client
			.from('community_centres')
			.update({ hearing_loop: 'no' })
			.eq('id', lorzie)
			.select('id');
		expect(other.data ?? []).toHaveLength(0);
		const anon = await anonClient()
			.from('community_centres')
			.update({ hearing_loop: 'no' })
			.eq('id', lorzie)
			.select('id');
		expect(anon.data ?? []).toHaveLength(0);
		const otherCentre = await board.client
			.from('community_centres')
			.update({ hearing_loop: 'no' })
			.eq('id', a3)
			.select('id');
		expect(otherCentre.data ?? []).toHaveLength(0);

		const own = await board.client
			.from('community_centres')
			.update({ parking: 'limited' })
			.eq('id', lorzie)
			.select('parking');
		expect(own.data).toEqual([{ parking: 'limited' }]);
		const [row] = await sql<{ hearing_loop: string; parking: string }>(
			`select hearing_loop, parking from public.community_centres where id = '${lorzie}'`
		);
		expect(row).toEqual({ hearing_loop: 'yes', parking: 'limited' });
		// Restore the seed value for other tests.
		await sql(`update public.community_centres set parking = 'yes' where id = '${lorzie}'`);
	});

	it('keeps its name, wijk, location and address for the municipality admin (issue 16.10)', async () => {
		const lorzie = await centreId('de-lorzie');
		const board = await createUser({ label: 'bestuur-verhuizen' });
		await grantRole(board.id, 'board_member', { communityCentreId: lorzie });
		const [before] = await sql<Record<string, unknown>>(
			`select name, slug, district_id, latitude, longitude, street_address, postcode, city, is_demo
			 from public.community_centres where id = '${lorzie}'`
		);
		const [{ opening_hours: hoursBefore } = { opening_hours: null }] = await sql<{
			opening_hours: string | null;
		}>(`select opening_hours from public.community_centres where id = '${lorzie}'`);
		const [elsewhere] = await sql<{ id: string }>(
			`select id from public.districts where slug = 'assendelft' and municipality_id = '${ZAANSTAD_ID}'`
		);
		for (const change of [
			{ district_id: elsewhere?.id },
			{ name: 'Buurthuis Gekaapt' },
			{ slug: 'gekaapt' },
			{ latitude: 52.5, longitude: 4.7 },
			{ street_address: 'Elders 1', postcode: '1500 AA', city: 'Elders' },
			{ is_demo: true },
			{ municipality_id: randomUUID() }
		]) {
			const { error } = await board.client
				.from('community_centres')
				.update(change)
				.eq('id', lorzie);
			expect(error?.code, JSON.stringify(change)).toBe('42501');
		}
		const [after] = await sql<Record<string, unknown>>(
			`select name, slug, district_id, latitude, longitude, street_address, postcode, city, is_demo
			 from public.community_centres where id = '${lorzie}'`
		);
		expect(after).toEqual(before);
		// What the board manages still goes through.
		const hours = await board.client
			.from('community_centres')
			.update({ opening_hours: 'Mo-Fr 09:00-17:00' })
			.eq('id', lorzie)
			.select('opening_hours');
		expect(hours.data).toEqual([{ opening_hours: 'Mo-Fr 09:00-17:00' }]);

		const admin = await createUser({ label: 'beheerder-verhuizen' });
		await grantRole(admin.id, 'municipality_admin');
		const moved = await admin.client
			.from('community_centres')
			.update({ district_id: elsewhere?.id, latitude: 52.47 })
			.eq('id', lorzie)
			.select('district_id');
		expect(moved.data).toEqual([{ district_id: elsewhere?.id }]);
		await sql(
			`update public.community_centres set district_id = '${before?.district_id}', latitude = ${before?.latitude},
			 opening_hours = ${hoursBefore ? `'${hoursBefore}'` : 'null'} where id = '${lorzie}'`
		);
	});

	it('caps what a board member writes', async () => {
		const hembrug = await centreId('het-hembrug-demo');
		const board = await createUser({ label: 'bestuur-hembrug' });
		await grantRole(board.id, 'board_member', { communityCentreId: hembrug });
		for (const change of [
			{ district_team_note: 'x'.repeat(301) },
			{ opening_hours: '<script>' },
			{ wheelchair: 'misschien' },
			{ accessibility: 'x'.repeat(301) }
		]) {
			const { error } = await board.client
				.from('community_centres')
				.update(change)
				.eq('id', hembrug);
			expect(error, JSON.stringify(change).slice(0, 40)).not.toBeNull();
		}
	});
});
