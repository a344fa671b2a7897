// Zaanstad-sized monitor data, one year at a time, generated in SQL (issue 21's benchmark):
// per year 2,000 applications with one cheque each (1 in 40 a Pluim), 20,000 redemptions at 147
// shops paid out in monthly batches, appreciation answers, 5,000 hulpvragen with responses,
// matches and follow-ups, and 19 buurthuizen with weekly activities, skipped weeks and
// registrations. Inserted with triggers and foreign-key checks off (session_replication_role =
// replica), so created_at can lie in the past and people are plain uuids: cheque_facts, which the
// cheques trigger would write, is written here directly.
import type postgres from 'postgres';

export const ZAANSTAD = '00000000-0000-4000-8000-000000000001';
export const SHOPS = 147;
export const CENTRES = 19;
export const VOLUNTEERS = 800;

/** Shops, volunteers, buurthuizen (topped up to 19) and one social goal per buurthuis. */
export async function addFixed(sql: postgres.Sql) {
	await sql.begin(async (tx) => {
		await tx.unsafe(`set local session_replication_role = replica`);
		await tx.unsafe(`
			create temporary table bench_districts on commit drop as
				select id, row_number() over (order by slug) - 1 as n from public.districts
				where municipality_id = '${ZAANSTAD}';
			insert into public.shops (municipality_id, district_id, name, kvk_number, street_address, postcode, city, category, status)
			select '${ZAANSTAD}', d.id, 'Benchwinkel ' || i, lpad((10000000 + i)::text, 8, '0'),
				'Westzijde ' || i, '1506 EA', 'Zaandam', 'other', 'approved'
			from generate_series(1, ${SHOPS}) i
			join bench_districts d on d.n = i % (select count(*) from bench_districts);
			insert into public.volunteer_profiles (user_id, municipality_id, home_district_id)
			select gen_random_uuid(), '${ZAANSTAD}', d.id
			from generate_series(1, ${VOLUNTEERS}) i
			join bench_districts d on d.n = i % (select count(*) from bench_districts);
			insert into public.community_centres (municipality_id, district_id, slug, name, street_address, postcode, city, latitude, longitude)
			select '${ZAANSTAD}', d.id, 'bench-buurthuis-' || i, 'Benchbuurthuis ' || i, 'Buurtweg ' || i, '1506 EA', 'Zaandam',
				52.44 + i * 0.001, 4.82 + i * 0.001
			from generate_series(1, greatest(0, ${CENTRES} - (select count(*) from public.community_centres where municipality_id = '${ZAANSTAD}'))) i
			join bench_districts d on d.n = i % (select count(*) from bench_districts);
			insert into public.social_goals (municipality_id, district_id, title, points)
			select c.municipality_id, c.district_id, 'Ontmoeting in ' || c.name, 5
			from public.community_centres c where c.municipality_id = '${ZAANSTAD}';
		`);
	});
}

/** One year of every area's operational rows. */
export async function addYear(sql: postgres.Sql, year: number) {
	await sql.begin(async (tx) => {
		await tx.unsafe(`set local session_replication_role = replica`);
		await tx.unsafe(`
			create temporary table bench_districts on commit drop as
				select id, row_number() over (order by slug) - 1 as n from public.districts
				where municipality_id = '${ZAANSTAD}';
			create temporary table bench_shops on commit drop as
				select id, row_number() over (order by name) - 1 as n from public.shops where municipality_id = '${ZAANSTAD}';
			create temporary table bench_volunteers on commit drop as
				select user_id as id, row_number() over (order by user_id) - 1 as n from public.volunteer_profiles
				where municipality_id = '${ZAANSTAD}';
			create temporary table bench_year on commit drop as
				select ('${year}-01-01 08:00'::timestamp at time zone 'Europe/Amsterdam') as t0;

			-- Mantelzorg: scheme, applications, cheques and their facts.
			insert into public.schemes (municipality_id, year, cheque_value_cents, pluim_value_cents,
				application_opens_on, application_closes_on, redeem_until, budget_cents)
			values ('${ZAANSTAD}', ${year}, 5000, 2500, '${year}-01-01', '${year}-10-31', '${year + 1}-03-31', 57000000);
			create temporary table bench_apps on commit drop as
				select gen_random_uuid() as id, gen_random_uuid() as cheque_id, i,
					y.t0 + make_interval(hours => i * 300 * 24 / 2000) as applied_at,
					(select id from bench_districts where n = i % (select count(*) from bench_districts)) as district_id
				from generate_series(1, 2000) i, bench_year y;
			insert into public.applications (id, municipality_id, scheme_id, district_id, carer_first_name, carer_last_name,
				carer_birth_date, carer_postcode, carer_house_number, care_recipient_name, care_recipient_postcode,
				care_relation, hours_per_week, caring_since, consent_at, status, decided_at, created_at)
			select a.id, s.municipality_id, s.id, a.district_id, 'Voornaam' || a.i, 'Achternaam${year}x' || a.i,
				date '1950-01-01' + (a.i * 7) % 20000, '1561AB', (1 + a.i % 500)::text, 'Zorgvrager ' || a.i, '1561CD',
				'parent', 8 + a.i % 30, date '2020-01-01', a.applied_at, 'approved', a.applied_at + interval '5 days', a.applied_at
			from bench_apps a join public.schemes s on s.municipality_id = '${ZAANSTAD}' and s.year = ${year};
			insert into public.cheques (id, municipality_id, scheme_id, application_id, kind, code, value_cents, remaining_cents,
				holder_first_name, expires_on, created_at)
			select a.cheque_id, s.municipality_id, s.id, a.id, case when a.i % 40 = 0 then 'pluim' else 'cheque' end,
				translate(upper(substr(md5('bench-${year}-' || a.i), 1, 16)), 'ILOU', '1234'),
				case when a.i % 40 = 0 then 2500 else 5000 end,
				case when a.i % 7 = 0 then (case when a.i % 40 = 0 then 2500 else 5000 end) / 2 else 0 end,
				'Voornaam' || a.i, s.redeem_until, a.applied_at + interval '5 days'
			from bench_apps a join public.schemes s on s.municipality_id = '${ZAANSTAD}' and s.year = ${year};
			insert into public.cheque_facts (cheque_id, municipality_id, scheme_id, district_id, is_original, first_for_carer, created_at)
			select c.id, c.municipality_id, c.scheme_id, a.district_id, true, a.i % 50 <> 0, c.created_at
			from bench_apps a join public.cheques c on c.id = a.cheque_id;

			-- Ten redemptions per cheque (half the value on every 7th cheque, which then expires).
			insert into public.redemptions (municipality_id, cheque_id, shop_id, amount_cents, remaining_after_cents,
				idempotency_key, created_at, undone_at)
			select c.municipality_id, c.id, sh.id,
				case when a.i % 7 = 0 then c.value_cents / 20 else c.value_cents / 10 end,
				greatest(0, c.value_cents - k * case when a.i % 7 = 0 then c.value_cents / 20 else c.value_cents / 10 end),
				gen_random_uuid(), least(c.created_at + make_interval(days => 12 * k + a.i % 9), '${year + 1}-03-30'::timestamptz),
				case when (a.i + k) % 97 = 0 then c.created_at + make_interval(days => 12 * k + 1) end
			from bench_apps a
			join public.cheques c on c.id = a.cheque_id
			cross join generate_series(1, 10) k
			join bench_shops sh on sh.n = (a.i * 7 + k) % ${SHOPS};

			-- Paid out per shop per month, exported on the 5th of the next month.
			create temporary table bench_batches on commit drop as
				select gen_random_uuid() as id, r.shop_id, date_trunc('month', r.created_at at time zone 'Europe/Amsterdam')::date as month,
					sum(r.amount_cents)::integer as total, count(*)::integer as n
				from public.redemptions r join bench_apps a on a.cheque_id = r.cheque_id
				where r.undone_at is null group by 2, 3;
			insert into public.reimbursement_batches (id, municipality_id, shop_id, reference, period_start, period_end,
				total_cents, redemption_count, status, exported_at, created_at)
			select b.id, '${ZAANSTAD}', b.shop_id, 'MZ-' || to_char(b.month, 'YYYYMMDD') || '-' || substr(md5(b.id::text), 1, 8),
				b.month, (b.month + interval '1 month - 1 day')::date, b.total, b.n, 'exported',
				(b.month + interval '1 month 4 days')::timestamp at time zone 'Europe/Amsterdam', b.month
			from bench_batches b;
			update public.redemptions r set batch_id = b.id
			from bench_batches b, bench_apps a
			where a.cheque_id = r.cheque_id and r.undone_at is null and b.shop_id = r.shop_id
				and b.month = date_trunc('month', r.created_at at time zone 'Europe/Amsterdam')::date;

			-- "Voel je je gewaardeerd?": two in five carers answer.
			insert into public.carer_appreciation_answers (municipality_id, scheme_id, cheque_id, district_id, answer, created_at)
			select c.municipality_id, c.scheme_id, c.id, a.district_id, (array['yes', 'yes', 'somewhat', 'no'])[1 + a.i % 4],
				c.created_at + interval '30 days'
			from bench_apps a join public.cheques c on c.id = a.cheque_id where a.i % 5 < 2;

			-- Buurthulp: 5,000 hulpvragen; per 20: 12 done, 3 cancelled, 2 expired, 2 matched, 1 open.
			create temporary table bench_requests on commit drop as
				select gen_random_uuid() as id, gen_random_uuid() as requester, i, i % 20 as kind,
					y.t0 + make_interval(mins => (i::bigint * 60 * 24 * 360 / 5000)::integer) as posted_at,
					(select id from bench_districts where n = i % (select count(*) from bench_districts)) as district_id,
					(select id from bench_volunteers where n = (i * 13) % ${VOLUNTEERS}) as volunteer,
					(select id from bench_volunteers where n = (i * 17 + 5) % ${VOLUNTEERS}) as other_volunteer
				from generate_series(1, 5000) i, bench_year y;
			insert into public.help_requests (id, municipality_id, district_id, requester_id, created_by, category, title, description,
				latitude, longitude, when_kind, starts_on, duration_minutes, status, matched_at, done_at, cancelled_at, created_at)
			select r.id, '${ZAANSTAD}', r.district_id, r.requester, case when r.i % 10 = 0 then gen_random_uuid() else r.requester end,
				(array['groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other'])[1 + r.i % 8],
				'Hulpvraag nummer ' || r.i, 'Wie kan mij helpen met iets kleins?', 52.44, 4.82,
				case when r.kind in (15, 16) then 'date' else 'flexible' end,
				case when r.kind in (15, 16) then (r.posted_at + interval '10 days')::date end, 60,
				case when r.kind < 12 then 'done' when r.kind < 15 then 'cancelled' when r.kind < 17 then 'expired'
					when r.kind < 19 then 'matched' else 'open' end,
				case when r.kind < 12 or r.kind in (17, 18) then r.posted_at + make_interval(hours => 2 + r.i % 70) end,
				case when r.kind < 12 then r.posted_at + interval '6 days' end,
				case when r.kind between 12 and 14 then r.posted_at + interval '3 days' end,
				r.posted_at
			from bench_requests r;
			insert into public.responses (id, municipality_id, request_id, volunteer_id, message, status, created_at)
			select gen_random_uuid(), '${ZAANSTAD}', r.id, v.volunteer, 'Ik help graag.',
				case when v.first and (r.kind < 12 or r.kind in (17, 18)) then 'accepted' else 'pending' end,
				r.posted_at + make_interval(hours => case when v.first then 1 else 30 end)
			from bench_requests r
			cross join lateral (values (r.volunteer, true), (r.other_volunteer, false)) v (volunteer, first)
			where r.kind < 12 or r.kind in (17, 18) or (r.kind < 17 and v.first and r.i % 3 = 0);
			insert into public.matches (municipality_id, request_id, response_id, volunteer_id, requester_id, status, created_at)
			select '${ZAANSTAD}', r.id, x.id, r.volunteer, r.requester, case when r.kind < 12 then 'done' else 'active' end,
				r.posted_at + make_interval(hours => 2 + r.i % 70)
			from bench_requests r join public.responses x on x.request_id = r.id and x.status = 'accepted';
			insert into public.followups (municipality_id, match_id, side, answer, answered_at, created_at)
			select '${ZAANSTAD}', m.id, s.side, (array['good', 'good', 'okay', 'bad'])[1 + (r.i + s.n) % 4],
				r.posted_at + interval '8 days', r.posted_at + interval '7 days'
			from bench_requests r
			join public.matches m on m.request_id = r.id
			cross join (values ('requester', 0), ('volunteer', 1)) s (side, n)
			where r.kind < 12 and (r.i + s.n) % 3 <> 0;

			-- Buurthuizen: per buurthuis 4 weekly series through the year (2 with registration, one
			-- cancelled in October for every 5th buurthuis) and a one-off every week; each series
			-- skips two weeks; 8 registrations per date of a series with registration.
			create temporary table bench_series on commit drop as
				select gen_random_uuid() as id, c.id as centre_id, c.district_id, g.id as goal_id, c.n, s,
					('${year}-01-05'::date + s)::timestamp + make_interval(hours => 9 + s * 2) as local_start
				from (select c.*, row_number() over (order by c.slug) as n from public.community_centres c
					where c.municipality_id = '${ZAANSTAD}') c
				join lateral (select g.id from public.social_goals g where g.district_id = c.district_id
					and g.municipality_id = c.municipality_id order by g.id limit 1) g on true
				cross join generate_series(0, 3) s;
			insert into public.activities (id, municipality_id, community_centre_id, district_id, title, category, recurrence,
				starts_at, ends_at, repeat_until, series_ends_at, needs_registration, max_participants, social_goal_id,
				cancelled_at, created_at)
			select b.id, '${ZAANSTAD}', b.centre_id, b.district_id, 'Wekelijkse activiteit ' || b.s,
				(array['koffieochtend', 'bewegen', 'cursus', 'taal'])[1 + b.s], 'weekly',
				b.local_start at time zone 'Europe/Amsterdam', (b.local_start + interval '2 hours') at time zone 'Europe/Amsterdam',
				'${year}-12-28', ('${year}-12-28'::date + (b.local_start::time + interval '2 hours'))::timestamp at time zone 'Europe/Amsterdam',
				b.s < 2, case when b.s < 2 then 30 end, b.goal_id,
				case when b.s = 3 and b.n % 5 = 0 then '${year}-10-01 12:00'::timestamp at time zone 'Europe/Amsterdam' end,
				'${year - 1}-12-01'::timestamptz
			from bench_series b;
			insert into public.activities (municipality_id, community_centre_id, district_id, title, category, recurrence,
				starts_at, ends_at, series_ends_at, social_goal_id, created_at)
			select '${ZAANSTAD}', b.centre_id, b.district_id, 'Eenmalige activiteit', 'cultuur', 'once',
				(b.local_start + make_interval(days => 7 * w + 2)) at time zone 'Europe/Amsterdam',
				(b.local_start + make_interval(days => 7 * w + 2, hours => 2)) at time zone 'Europe/Amsterdam',
				(b.local_start + make_interval(days => 7 * w + 2, hours => 2)) at time zone 'Europe/Amsterdam',
				case when w % 2 = 0 then b.goal_id end, '${year - 1}-12-01'::timestamptz
			from bench_series b cross join generate_series(0, 50) w where b.s = 0;
			insert into public.activity_exceptions (municipality_id, activity_id, occurs_on)
			select '${ZAANSTAD}', b.id, b.local_start::date + 7 * w
			from bench_series b cross join (values (8), (30)) x (w);
			insert into public.activity_registrations (municipality_id, community_centre_id, activity_id, occurs_on, user_id, created_at)
			select '${ZAANSTAD}', b.centre_id, b.id, b.local_start::date + 7 * w, gen_random_uuid(),
				(b.local_start + make_interval(days => 7 * w - 3)) at time zone 'Europe/Amsterdam'
			from bench_series b cross join generate_series(0, 50) w cross join generate_series(1, 8) p
			where b.s < 2;
		`);
	});
	await sql.unsafe(`analyze`);
}

/** Rows per table, for the report. */
export async function counts(sql: postgres.Sql) {
	const [row] = await sql.unsafe(`
		select (select count(*) from public.applications)::int as applications,
			(select count(*) from public.redemptions)::int as redemptions,
			(select count(*) from public.help_requests)::int as help_requests,
			(select count(*) from public.activities)::int as activities,
			(select count(*) from public.activity_registrations)::int as registrations`);
	return row as Record<string, number>;
}
