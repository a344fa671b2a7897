-- Dordrecht's demo buurthuizen and demo shop (all invented, all marked "(demo)").
insert into public.community_centres
	(municipality_id, district_id, slug, name, street_address, postcode, city, latitude, longitude, accessibility, is_demo, opening_hours)
select d.municipality_id, d.id, c.slug, c.name, c.street, c.postcode, 'Dordrecht', c.lat, c.lng, c.access, true, c.hours
from (values
	('centrum', 'het-wantijhuis-demo', 'Buurthuis Het Wantij (demo)', 'Voorstraat 1', '3311 AA', 51.8150, 4.6660, 'Gelijkvloers', 'Mo-Fr 09:00-17:00'),
	('west', 'de-krispijnhoek-demo', 'Buurthuis Krispijnhoek (demo)', 'Brouwersdijk 2', '3313 AA', 51.8000, 4.6590, 'Drempelvrij', 'Mo-Th 09:00-16:00'),
	('oost', 'de-stadspolder-demo', 'Buurthuis De Stadspolder (demo)', 'Stadspolderlaan 3', '3315 AA', 51.7955, 4.6905, 'Lift aanwezig', 'Tu-Sa 10:00-16:00')
) as c (district_slug, slug, name, street, postcode, lat, lng, access, hours)
join public.districts d on d.slug = c.district_slug and d.municipality_id = '00000000-0000-4000-8000-000000000002'
on conflict (municipality_id, slug) do nothing;

insert into public.shops (id, municipality_id, name, kvk_number, street_address, postcode, city,
	district_id, category, description, latitude, longitude, status, decided_at)
select '00000000-0000-4000-8000-00000000b001', d.municipality_id, 'Boekhandel Aan de Merwede (demo)',
	'90000101', 'Voorstraat 40', '3311 AB', 'Dordrecht', d.id, 'books_gifts', 'Boeken en cadeaus.',
	51.8148, 4.6670, 'approved', now()
from public.districts d where d.slug = 'centrum' and d.municipality_id = '00000000-0000-4000-8000-000000000002'
on conflict (id) do nothing;
