// "Voor jou" visits (wijk, category) groups best first and stops early; this checks that it still
// gives exactly the full ranking, written out plainly here in SQL, for volunteers with different
// categories, radii, wijken and availability, over a few hundred requests with many ties.
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, sql, ZAANSTAD_ID, type TestUser } from '../../support/factories.ts';
import {
	createVolunteer,
	districtId,
	postRequest,
	react
} from '../../support/buurthulp-factories.ts';

interface Ranked {
	id: string;
	score: number;
}

/** The ranking by its definition: every candidate scored, then sorted. */
async function fullRanking(volunteerId: string, limit: number): Promise<Ranked[]> {
	return sql<Ranked>(`
		with me as (select * from public.volunteer_profiles where user_id = '${volunteerId}'),
		home as (
			select d.latitude as lat, d.longitude as lng, cos(radians(d.latitude)) as c
			from public.districts d join me on d.id = me.home_district_id
		),
		candidates as (
			select r.*, 111.2 * sqrt((r.latitude - home.lat) * (r.latitude - home.lat)
				+ ((r.longitude - home.lng) * home.c) * ((r.longitude - home.lng) * home.c)) as distance_km
			from public.help_requests r, me, home
			where r.status = 'open' and r.hidden_at is null and r.municipality_id = me.municipality_id
				and coalesce(r.ends_on, r.starts_on, current_date) >= current_date
				and r.created_by <> me.user_id and r.requester_id is distinct from me.user_id
				and (r.district_id = any (me.district_ids)
					or (r.latitude between home.lat - me.radius_km / 111.2 and home.lat + me.radius_km / 111.2
						and r.longitude between home.lng - me.radius_km / (111.2 * home.c)
							and home.lng + me.radius_km / (111.2 * home.c)))
				and not exists (
					select 1 from public.responses x where x.request_id = r.id and x.volunteer_id = me.user_id
				)
		)
		select c.id, round((0.35 * greatest(0, 1 - c.distance_km / greatest(me.radius_km, 1))
				+ 0.30 * (case when cardinality(me.categories) = 0 or c.category = any (me.categories) then 1 else 0 end)
				+ 0.20 * (case when (c.availability_mask & me.availability_mask) <> 0 then 1 else 0 end)
				+ 0.15 * (case when c.starts_on is null then 0.3
					else least(1, greatest(0, 1 - (c.starts_on - current_date) / 14.0)) end))::numeric, 4)::float8
				as score
		from candidates c, me
		order by score desc, c.starts_on nulls last, c.created_at, c.id
		limit ${limit}`);
}

async function voorJou(volunteer: TestUser, limit: number): Promise<Ranked[]> {
	const { data, error } = await volunteer.client.rpc('suggest_requests_for_me', {
		p_limit: limit
	});
	expect(error).toBeNull();
	const result = data as unknown as { status: string; items: Ranked[] };
	expect(result.status).toBe('ok');
	return result.items.map((i) => ({ id: i.id, score: Number(i.score) }));
}

const MORNINGS = [0, 1, 2, 3, 4, 5, 6].reduce((mask, day) => mask | (1 << (day * 3)), 0);

let volunteers: { who: TestUser; limit: number }[];

beforeAll(async () => {
	const resident = await createUser({ label: 'veel-vragen' });
	// 320 requests in four wijken near each other and one further away, every category, dates
	// from weeks ago (ranges still running) to far ahead, flexible ones, and all day parts. Made as
	// maintenance with their own past created_at (the rate limit counts the last hour only).
	await sql(`
		insert into public.help_requests (municipality_id, district_id, requester_id, created_by, category,
			title, description, latitude, longitude, when_kind, starts_on, ends_on, day_part,
			duration_minutes, created_at)
		select '${ZAANSTAD_ID}', d.id, '${resident.id}', '${resident.id}',
			(array['groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other'])[1 + (g * 7) % 8],
			'Hulpvraag nummer ' || g, 'Een hulpvraag om de ranglijst te toetsen.', 0, 0,
			w.kind, w.starts_on, w.ends_on,
			(array['morning', 'afternoon', 'evening', 'any'])[1 + (g * 3) % 4],
			60, now() - interval '2 hours' - (g % 97) * interval '1 hour'
		from generate_series(1, 320) g
		join public.districts d on d.municipality_id = '${ZAANSTAD_ID}' and d.slug = (array[
			'zaandam-west', 'poelenburg-peldersveld', 'zaandam-noord', 'koog-aan-de-zaan', 'krommenie'
		])[1 + (g * 11) % 5]
		cross join lateral (
			select case g % 5 when 0 then 'flexible' when 1 then 'range' else 'date' end as kind,
				case when g % 5 = 0 then null
					when g % 5 = 1 then current_date - (g % 23)
					else current_date + (g * 13) % 31 end as starts_on,
				case when g % 5 = 1 then current_date + (g % 9) end as ends_on
		) w`);

	const westOnlyCategories = await createVolunteer({
		district: 'zaandam-west',
		categories: ['groceries', 'company'],
		radiusKm: 3
	});
	const mornings = await createVolunteer({
		district: 'zaandam-west',
		radiusKm: 5,
		availabilityMask: MORNINGS
	});
	const twoWijken = await createVolunteer({
		district: 'koog-aan-de-zaan',
		categories: ['computer_help'],
		radiusKm: 1
	});
	await twoWijken.client
		.from('volunteer_profiles')
		.update({
			district_ids: [await districtId('koog-aan-de-zaan'), await districtId('zaandam-noord')]
		})
		.eq('user_id', twoWijken.id);
	// A reaction leaves a request out of that volunteer's list.
	const [first] = await fullRanking(westOnlyCategories.id, 1);
	await react(westOnlyCategories, first?.id as string);
	// And their own request never shows.
	await postRequest(mornings.client, mornings.id, { district: 'zaandam-west' });

	volunteers = [
		{ who: westOnlyCategories, limit: 20 },
		{ who: mornings, limit: 20 },
		{ who: mornings, limit: 50 },
		{ who: twoWijken, limit: 20 }
	];
});

describe('Voor jou by groups', () => {
	it('gives exactly the full ranking, in order, with the same scores', async () => {
		for (const { who, limit } of volunteers) {
			const expected = await fullRanking(who.id, limit);
			expect(expected.length, 'the data gives every volunteer a full list').toBe(limit);
			expect(await voorJou(who, limit)).toEqual(expected);
		}
	});

	it('ranks a range that began weeks ago as urgent as a request for today, not above it', async () => {
		const resident = await createUser({ label: 'lopend' });
		const volunteer = await createVolunteer({ district: 'assendelft', categories: ['paperwork'] });
		const today = await postRequest(resident.client, resident.id, {
			district: 'assendelft',
			category: 'paperwork',
			title: 'Formulier invullen vandaag'
		});
		const running = await postRequest(resident.client, resident.id, {
			district: 'assendelft',
			category: 'paperwork',
			title: 'Administratie op orde, loopt al'
		});
		// The database's own today, so the test holds at any hour.
		await sql(
			`update public.help_requests set when_kind = 'date', starts_on = current_date where id = '${today}';
			 update public.help_requests set when_kind = 'range', starts_on = current_date - 28,
				ends_on = current_date + 3 where id = '${running}'`
		);
		const items = await voorJou(volunteer, 50);
		const scoreOf = (id: string) => items.find((i) => i.id === id)?.score;
		expect(scoreOf(running)).toBeDefined();
		expect(scoreOf(running)).toBe(scoreOf(today));
		// Equal scores: the earlier date goes first.
		expect(items.findIndex((i) => i.id === running)).toBeLessThan(
			items.findIndex((i) => i.id === today)
		);
	});

	it('keeps every request on its wijk’s rounded point, whatever a client sends', async () => {
		const resident = await createUser({ label: 'precies' });
		const { data, error } = await resident.client
			.from('help_requests')
			.insert({
				municipality_id: ZAANSTAD_ID,
				district_id: await districtId('westzaan'),
				requester_id: resident.id,
				created_by: resident.id,
				category: 'garden',
				title: 'Mijn precieze huis',
				description: 'Een poging om het exacte adres als punt te plaatsen.',
				latitude: 52.4661234,
				longitude: 4.7754321,
				when_kind: 'flexible',
				duration_minutes: 60
			})
			.select('id, latitude, longitude')
			.single();
		expect(error).toBeNull();
		expect(data).toMatchObject({ latitude: 52.47, longitude: 4.78 });
		const moved = await sql<{ latitude: number; longitude: number }>(
			`update public.help_requests set latitude = 52.0, district_id = (select id from public.districts where slug = 'krommenie')
			 where id = '${data?.id}' returning latitude, longitude`
		);
		expect(moved[0]).toEqual({ latitude: 52.5, longitude: 4.76 });
	});
});
