-- Demo content for the demo accounts, run after they are created (src/lib/server/embedded/seed.ts).
-- Dates are relative to today, so the demo board is never empty or expired. Not for production.

update public.profiles p set district_id = d.id
from auth.users u, public.districts d
where u.id = p.id and u.email = 'inwoner@buurtkracht.example' and d.slug = 'zaandam-oost';

update public.profile_contacts c set phone = '075 700 1234', street_address = 'Oostzijde 12',
	postcode = '1502 AB', city = 'Zaandam'
from auth.users u
where u.id = c.profile_id and u.email = 'inwoner@buurtkracht.example';

update public.profile_contacts c set phone = '06 1234 5678'
from auth.users u
where u.id = c.profile_id and u.email = 'vrijwilliger@buurtkracht.example';

insert into public.volunteer_profiles
	(user_id, municipality_id, home_district_id, categories, district_ids, radius_km, about)
select u.id, d.municipality_id, d.id, array['groceries', 'company', 'computer_help', 'transport'],
	array[d.id], 5, 'Ik help graag met boodschappen, een kopje koffie of de computer.'
from auth.users u, public.districts d
where u.email = 'vrijwilliger@buurtkracht.example' and d.slug = 'zaandam-oost'
on conflict (user_id) do nothing;

insert into public.help_requests
	(municipality_id, district_id, requester_id, created_by, category, title, description,
	 postcode_area, latitude, longitude, when_kind, starts_on, ends_on, day_part, duration_minutes,
	 recurrence, is_vulnerable)
select d.municipality_id, d.id, u.id, u.id, r.category, r.title, r.description, r.area,
	round(d.latitude::numeric, 2), round(d.longitude::numeric, 2), r.when_kind,
	case when r.days is null then null else current_date + r.days end,
	case when r.until is null then null else current_date + r.until end,
	r.day_part, r.minutes, r.recurrence, r.vulnerable
from auth.users u
cross join (values
	('zaandam-oost', 'groceries', 'Boodschappen doen op dinsdag',
		'Ik loop slecht sinds mijn heupoperatie. Wie kan op dinsdagochtend met mij boodschappen doen bij de supermarkt om de hoek?',
		'1502', 'date', 3, null::integer, 'morning', 60, 'weekly', true),
	('zaandam-oost', 'computer_help', 'Hulp bij videobellen met mijn kleinkinderen',
		'Ik heb een nieuwe tablet maar krijg het videobellen niet aan de praat. Wie legt het rustig uit?',
		'1502', 'flexible', null, null, 'afternoon', 60, 'once', false),
	('zaandam-noord', 'transport', 'Vervoer naar het ziekenhuis',
		'Ik heb een afspraak in het Zaans Medisch Centrum en zoek iemand die mij brengt en weer ophaalt.',
		'1503', 'date', 6, null, 'morning', 120, 'once', true),
	('krommenie', 'garden', 'Heg snoeien in de voortuin',
		'Mijn heg is te hoog geworden. Ik heb een heggenschaar, maar ik kan zelf niet meer op een trapje staan.',
		'1561', 'range', 2, 12, 'any', 120, 'once', false),
	('wormerveer', 'company', 'Samen een wandeling maken',
		'Ik woon alleen en zou het gezellig vinden om af en toe samen een rondje langs de Zaan te lopen.',
		'1521', 'flexible', null, null, 'afternoon', 60, 'every_two_weeks', false),
	('zaandam-west', 'paperwork', 'Formulier huurtoeslag invullen',
		'Ik vind de brieven van de Belastingdienst lastig. Wie helpt mij het formulier voor huurtoeslag in te vullen?',
		'1506', 'date', 9, null, 'evening', 60, 'once', false)
) as r (district_slug, category, title, description, area, when_kind, days, until, day_part,
	minutes, recurrence, vulnerable)
join public.districts d on d.slug = r.district_slug
where u.email = 'inwoner@buurtkracht.example'
	and not exists (select 1 from public.help_requests x where x.created_by = u.id);

insert into public.help_offers (municipality_id, volunteer_id, district_id, category, title, description, when_text)
select d.municipality_id, u.id, d.id, 'computer_help', 'Uitleg over tablet en telefoon',
	'Ik werk in de ICT en leg graag geduldig uit hoe je tablet, telefoon of computer werkt.',
	'Doordeweeks na 18.00 uur en op zaterdag'
from auth.users u, public.districts d
where u.email = 'vrijwilliger@buurtkracht.example' and d.slug = 'zaandam-oost'
	and not exists (select 1 from public.help_offers o where o.volunteer_id = u.id);

-- Buurthuizen: the wijken's maatschappelijke opgaven, and a week programme for De Lorzie, A3 and
-- a few others: weekly activities (for half a year from this week's Monday), one-offs (next
-- week), one cancellation and one skipped week. Times are Europe/Amsterdam wall-clock times.
insert into public.social_goals (municipality_id, district_id, title, description, points)
select d.municipality_id, d.id, g.title, g.description, g.points
from (values
	('wormerveer', 'Minder eenzaamheid onder ouderen', 'Ouderen ontmoeten elkaar minstens één keer per week.', 5),
	('wormerveer', 'Meedoen door taal', 'Inwoners oefenen Nederlands in hun eigen buurt.', 4),
	('assendelft', 'Jongeren en kinderen in beweging', 'Meer kinderen en jongeren sporten en spelen samen.', 4),
	('zaandam-oost', 'Steun voor mantelzorgers', 'Mantelzorgers vinden elkaar en krijgen even rust.', 6)
) as g (district_slug, title, description, points)
join public.districts d on d.slug = g.district_slug
where not exists (select 1 from public.social_goals x where x.district_id = d.id and x.title = g.title);

with monday as (
	select date_trunc('week', now() at time zone 'Europe/Amsterdam')::date as day
), programme as (
	select * from (values
		('de-lorzie', 'Koffieochtend', 'Binnenlopen voor een kop koffie en een praatje. Iedereen is welkom.', 'koffieochtend', 'everyone', 1, '10:00', '11:30', true, 0, false, null::integer, 'Minder eenzaamheid onder ouderen', null::text),
		('de-lorzie', 'Stoelyoga', 'Rustige yoga op een stoel, ook als u niet zo soepel meer bent.', 'bewegen', 'seniors', 2, '14:00', '15:00', true, 200, true, 12, 'Minder eenzaamheid onder ouderen', null),
		('de-lorzie', 'Taalcafé', 'Nederlands oefenen in een kleine groep, met vrijwilligers.', 'taal', 'adults', 3, '19:00', '20:30', true, 0, false, null, 'Meedoen door taal', null),
		('de-lorzie', 'Spreekuur sociaal wijkteam', 'Vragen over geld, zorg of wonen? Loop binnen bij het wijkteam.', 'spreekuur', 'everyone', 4, '09:30', '11:30', true, 0, false, null, null, null),
		('de-lorzie', 'Computerles voor beginners', 'Leren mailen, videobellen en veilig internetten. Neem je eigen tablet mee.', 'cursus', 'seniors', 0, '13:30', '15:30', true, 250, true, 8, null, null),
		('de-lorzie', 'Kinderknutselmiddag', 'Knutselen voor kinderen van 6 tot 12 jaar.', 'kinderen', 'children', 2, '15:30', '17:00', false, 0, true, 15, null, null),
		('de-lorzie', 'Muziekmiddag met het Zaans Koor', 'Een middag luisteren en meezingen.', 'cultuur', 'everyone', 5, '14:00', '16:00', false, 500, false, null, null, 'Het koor is verhinderd. We plannen een nieuwe datum.'),
		('a3', 'Sport en spel voor kinderen', 'Rennen, springen en samen spelen in de zaal.', 'kinderen', 'children', 2, '15:00', '16:30', true, 0, false, null, 'Jongeren en kinderen in beweging', null),
		('a3', 'Koffie-inloop', 'Koffie, thee en de krant.', 'koffieochtend', 'everyone', 4, '10:00', '12:00', true, 0, false, null, null, null),
		('het-oostzijde-demo', 'Mantelzorgcafé', 'Even op adem komen met andere mantelzorgers, met een consulent erbij.', 'ouderen', 'carers', 3, '10:00', '11:30', true, 0, true, 20, 'Steun voor mantelzorgers', null),
		('de-rosmolen-demo', 'Bingo', 'Gezellige bingo met kleine prijzen.', 'overig', 'everyone', 5, '19:30', '21:30', false, 300, false, null, null, null)
	) as p (centre_slug, title, description, category, audience, weekday, starts, ends, weekly, cost,
		needs_registration, max_participants, goal_title, cancel_reason)
)
insert into public.activities (municipality_id, community_centre_id, district_id, title, description,
	category, audience, recurrence, starts_at, ends_at, repeat_until, series_ends_at, cost_cents,
	needs_registration, max_participants, social_goal_id, cancelled_at, cancel_reason, created_at)
select c.municipality_id, c.id, c.district_id, p.title, p.description, p.category, p.audience,
	case when p.weekly then 'weekly' else 'once' end,
	(m.day + p.weekday + p.starts::time) at time zone 'Europe/Amsterdam',
	(m.day + p.weekday + p.ends::time) at time zone 'Europe/Amsterdam',
	case when p.weekly then m.day + p.weekday + 26 * 7 end,
	(m.day + p.weekday + p.ends::time) at time zone 'Europe/Amsterdam',
	p.cost, p.needs_registration, p.max_participants,
	(select g.id from public.social_goals g where g.district_id = c.district_id and g.title = p.goal_title),
	case when p.cancel_reason is not null then now() end, coalesce(p.cancel_reason, ''),
	-- Posted two weeks before this week, so this week's occurrences already earn points.
	(m.day - 14)::timestamp at time zone 'Europe/Amsterdam'
from programme p
cross join lateral (select case when p.weekly then md.day else md.day + 7 end as day from monday md) m
join public.community_centres c on c.slug = p.centre_slug
where not exists (select 1 from public.activities a where a.community_centre_id = c.id);

-- The taalcafé skips the week of the autumn or Christmas holiday: here, three weeks from now.
insert into public.activity_exceptions (municipality_id, activity_id, occurs_on, reason)
select a.municipality_id, a.id, (a.starts_at at time zone 'Europe/Amsterdam')::date + 21,
	'Vakantie: het buurthuis is deze week dicht.'
from public.activities a join public.community_centres c on c.id = a.community_centre_id
where c.slug = 'de-lorzie' and a.title = 'Taalcafé'
on conflict (activity_id, occurs_on) do nothing;

-- Mantelzorgwaardering: the demo shop account owns the demo shop (its staff membership comes from
-- the seed step).
update public.shops s set owner_user_id = u.id
from auth.users u
where u.email = 'winkel@buurtkracht.example' and s.id = '00000000-0000-4000-8000-00000000a001';

-- Mantelzorgwaardering: this year's regeling (window open around today), consulent@'s wijken
-- (shared with consulent2@, who approves what consulent@ entered: four eyes),
-- mantelzorger@'s approved application with its cheque, and an application from a carer without
-- e-mail waiting in consulent@'s queue. Values as in Zaanstad: a € 50 cheque, a € 25 Pluim for
-- carers up to 23, budget € 570,000.
insert into public.schemes
	(municipality_id, year, cheque_value_cents, pluim_value_cents, young_carer_max_age,
	 min_hours_per_week, min_months, application_opens_on, application_closes_on, redeem_until,
	 budget_cents, retention_months, reimbursement_schedule)
values ('00000000-0000-4000-8000-000000000001', extract(year from current_date)::integer, 5000, 2500, 23,
	8, 3, current_date - 30, current_date + 90, current_date + 365, 57000000, 24, 'monthly')
on conflict (municipality_id, year) do nothing;

insert into public.caseworker_districts (municipality_id, user_id, district_id)
select d.municipality_id, u.id, d.id
from auth.users u, public.districts d
where u.email in ('consulent@buurtkracht.example', 'consulent2@buurtkracht.example')
	and d.municipality_id = '00000000-0000-4000-8000-000000000001'
	and d.slug in ('zaandam-oost', 'zaandam-noord', 'krommenie', 'wormerveer')
on conflict (user_id, district_id) do nothing;

insert into public.applications
	(municipality_id, scheme_id, district_id, carer_user_id, entered_by, carer_first_name,
	 carer_last_name, carer_birth_date, carer_postcode, carer_house_number, carer_street, carer_town,
	 carer_email, carer_phone,
	 care_recipient_name, care_recipient_postcode, care_relation, hours_per_week, caring_since,
	 consent_at, status, decided_by, decided_at)
select s.municipality_id, s.id, d.id, carer.id, null, 'Marja', 'Mantel', date '1968-03-14',
	'1502CD', '8', 'Vinkenstraat', 'Zaandam', carer.email, null, 'Henk Mantel', '1502CD', 'partner', 16, date '2021-09-01',
	now() - interval '20 days', 'approved', cw.id, now() - interval '14 days'
from public.schemes s
join public.districts d on d.municipality_id = s.municipality_id and d.slug = 'zaandam-oost'
join auth.users carer on carer.email = 'mantelzorger@buurtkracht.example'
join auth.users cw on cw.email = 'consulent@buurtkracht.example'
where s.municipality_id = '00000000-0000-4000-8000-000000000001'
	and s.year = extract(year from current_date)::integer
	and not exists (select 1 from public.applications a where a.carer_user_id = carer.id);

insert into public.cheques
	(municipality_id, scheme_id, application_id, carer_user_id, kind, code, value_cents,
	 remaining_cents, holder_first_name, expires_on, letter_needed)
select a.municipality_id, a.scheme_id, a.id, a.carer_user_id, 'cheque', public.generate_cheque_code(),
	s.cheque_value_cents, s.cheque_value_cents, a.carer_first_name, s.redeem_until, false
from public.applications a
join public.schemes s on s.id = a.scheme_id
join auth.users carer on carer.id = a.carer_user_id and carer.email = 'mantelzorger@buurtkracht.example'
where a.status = 'approved'
	and not exists (select 1 from public.cheques c where c.application_id = a.id);

insert into public.applications
	(municipality_id, scheme_id, district_id, carer_user_id, entered_by, carer_first_name,
	 carer_last_name, carer_birth_date, carer_postcode, carer_house_number, carer_street, carer_town,
	 carer_email, carer_phone,
	 care_recipient_name, care_recipient_postcode, care_relation, hours_per_week, caring_since,
	 consent_at, status)
select s.municipality_id, s.id, d.id, null, cw.id, 'Gerrit', 'Zorgvuldig', date '1951-11-23',
	'1561BK', '42', 'Padlaan', 'Krommenie', null, '075 612 3456', 'Truus Zorgvuldig', '1561BK', 'partner', 30,
	date '2019-02-01', now() - interval '2 days', 'submitted'
from public.schemes s
join public.districts d on d.municipality_id = s.municipality_id and d.slug = 'krommenie'
join auth.users cw on cw.email = 'consulent@buurtkracht.example'
where s.municipality_id = '00000000-0000-4000-8000-000000000001'
	and s.year = extract(year from current_date)::integer
	and not exists (select 1 from public.applications a where a.carer_last_name = 'Zorgvuldig');
