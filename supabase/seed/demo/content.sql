-- Demo content for every demo municipality (municipalities.is_demo; Dordrecht and Zwolle), run
-- after their demo accounts exist (src/lib/server/embedded/seed.ts). Each account is
-- <role>@<slug>.buurtkracht.example. Dates are relative to today. Not for production.

-- The resident lives in the municipality's first wijk.
update public.profiles p set district_id = (
	select d.id from public.districts d where d.municipality_id = m.id order by d.slug limit 1)
from auth.users u, public.municipalities m
where m.is_demo and u.id = p.id and u.email = 'inwoner@' || m.slug || '.buurtkracht.example';

-- The shop account owns the demo shop; its private details are invented.
update public.shops s set owner_user_id = u.id
from auth.users u, public.municipalities m
where m.is_demo and s.municipality_id = m.id and s.name like '%(demo)'
	and u.email = 'winkel@' || m.slug || '.buurtkracht.example';

insert into public.shop_private_details (shop_id, municipality_id, iban, account_holder, contact_name, contact_email)
select s.id, s.municipality_id, 'NL91ABNA0417164300', s.name, 'Demo contact',
	'winkel@' || m.slug || '.buurtkracht.example'
from public.shops s join public.municipalities m on m.id = s.municipality_id and m.is_demo
on conflict (shop_id) do nothing;

-- This year's regeling, with invented amounts; the consulent works in every wijk.
insert into public.schemes
	(municipality_id, year, cheque_value_cents, pluim_value_cents, young_carer_max_age,
	 min_hours_per_week, min_months, application_opens_on, application_closes_on, redeem_until,
	 budget_cents, retention_months, reimbursement_schedule)
select m.id, extract(year from current_date)::integer, 5000, 2500, 23, 8, 3,
	current_date - 30, current_date + 90, current_date + 365, 10000000, 24, 'monthly'
from public.municipalities m where m.is_demo
on conflict (municipality_id, year) do nothing;

insert into public.caseworker_districts (municipality_id, user_id, district_id)
select d.municipality_id, u.id, d.id
from public.municipalities m
join public.districts d on d.municipality_id = m.id
join auth.users u on u.email = 'consulent@' || m.slug || '.buurtkracht.example'
where m.is_demo
on conflict (user_id, district_id) do nothing;

-- Two requests from the resident, in their wijk.
insert into public.help_requests
	(municipality_id, district_id, requester_id, created_by, category, title, description,
	 postcode_area, latitude, longitude, when_kind, starts_on, day_part, duration_minutes,
	 recurrence, is_vulnerable)
select m.id, p.district_id, u.id, u.id, r.category, r.title, r.description,
	(select min(x)::text from unnest(d.postcode_areas) x),
	round(d.latitude::numeric, 2), round(d.longitude::numeric, 2), r.when_kind,
	case when r.days is null then null else current_date + r.days end, r.day_part, 60, 'once', false
from public.municipalities m
join auth.users u on u.email = 'inwoner@' || m.slug || '.buurtkracht.example'
join public.profiles p on p.id = u.id
join public.districts d on d.id = p.district_id
cross join (values
	('groceries', 'Boodschappen doen (demo)', 'Een voorbeeldvraag: wie gaat een keer met mij naar de supermarkt?', 'date', 4, 'morning'),
	('computer_help', 'Uitleg over mijn telefoon (demo)', 'Een voorbeeldvraag: wie legt mij rustig uit hoe ik foto''s verstuur?', 'flexible', null::integer, 'afternoon')
) as r (category, title, description, when_kind, days, day_part)
where m.is_demo
	and not exists (select 1 from public.help_requests x where x.created_by = u.id);

-- A weekly activity at every demo buurthuis, from this week's Monday for half a year.
with monday as (
	select date_trunc('week', now() at time zone 'Europe/Amsterdam')::date as day
)
insert into public.activities (municipality_id, community_centre_id, district_id, title, description,
	category, audience, recurrence, starts_at, ends_at, repeat_until, series_ends_at, cost_cents,
	needs_registration, created_at)
select c.municipality_id, c.id, c.district_id, 'Koffieochtend (demo)',
	'Een voorbeeldactiviteit: binnenlopen voor koffie en een praatje.', 'koffieochtend', 'everyone',
	'weekly', (md.day + 2 + time '10:00') at time zone 'Europe/Amsterdam',
	(md.day + 2 + time '11:30') at time zone 'Europe/Amsterdam', md.day + 2 + 26 * 7,
	(md.day + 2 + time '11:30') at time zone 'Europe/Amsterdam', 0, false,
	(md.day - 14)::timestamp at time zone 'Europe/Amsterdam'
from public.community_centres c
join public.municipalities m on m.id = c.municipality_id and m.is_demo
cross join monday md
where not exists (select 1 from public.activities a where a.community_centre_id = c.id);
