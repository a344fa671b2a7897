-- Zwolle's demo buurthuizen and demo shop (all invented, all marked "(demo)").
insert into public.community_centres
	(municipality_id, district_id, slug, name, street_address, postcode, city, latitude, longitude, accessibility, is_demo, opening_hours)
select d.municipality_id, d.id, c.slug, c.name, c.street, c.postcode, 'Zwolle', c.lat, c.lng, c.access, true, c.hours
from (values
	('centrum', 'de-sassenpoort-demo', 'Buurthuis De Poort (demo)', 'Diezerstraat 1', '8011 AA', 52.5120, 6.0935, 'Gelijkvloers', 'Mo-Fr 09:00-17:00'),
	('noord', 'het-stadshuis-noord-demo', 'Buurthuis Noord (demo)', 'Noorderlaan 5', '8022 AA', 52.5400, 6.1000, 'Drempelvrij', 'Mo-Th 09:00-16:00'),
	('zuid', 'de-zuiderhof-demo', 'Buurthuis De Zuiderhof (demo)', 'Zuiderlaan 8', '8024 AA', 52.4950, 6.1000, 'Lift aanwezig', 'Tu-Sa 10:00-16:00')
) as c (district_slug, slug, name, street, postcode, lat, lng, access, hours)
join public.districts d on d.slug = c.district_slug and d.municipality_id = '00000000-0000-4000-8000-000000000003'
on conflict (municipality_id, slug) do nothing;

insert into public.shops (id, municipality_id, name, kvk_number, street_address, postcode, city,
	district_id, category, description, latitude, longitude, status, decided_at)
select '00000000-0000-4000-8000-00000000c001', d.municipality_id, 'Bloemenhuis De Diezerpoort (demo)',
	'90000201', 'Diezerstraat 20', '8011 AB', 'Zwolle', d.id, 'flowers_garden', 'Bloemen en planten.',
	52.5118, 6.0940, 'approved', now()
from public.districts d where d.slug = 'centrum' and d.municipality_id = '00000000-0000-4000-8000-000000000003'
on conflict (id) do nothing;
