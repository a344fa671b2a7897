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

-- Mantelzorgwaardering: the demo shop account owns the demo shop (its staff membership comes from
-- the seed step).
update public.shops s set owner_user_id = u.id
from auth.users u
where u.email = 'winkel@buurtkracht.example' and s.id = '00000000-0000-4000-8000-00000000a001';
