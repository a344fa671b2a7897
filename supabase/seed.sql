-- Demo data: Zaanstad, its 11 wijken and 19 buurthuizen. De Lorzie and A3 are named in the
-- municipality's reports; every other buurthuis is a demo entry (is_demo = true), and all
-- addresses are illustrative until the municipality confirms them.
-- Demo accounts are created through the sign-up API by the seed step (src/lib/server/embedded/seed.ts).

insert into public.municipalities (id, slug, name) values
	('00000000-0000-4000-8000-000000000001', 'zaanstad', 'Zaanstad')
on conflict (slug) do nothing;

insert into public.districts (municipality_id, slug, name, latitude, longitude) values
	('00000000-0000-4000-8000-000000000001', 'assendelft', 'Assendelft', 52.4870, 4.7350),
	('00000000-0000-4000-8000-000000000001', 'krommenie', 'Krommenie', 52.4990, 4.7630),
	('00000000-0000-4000-8000-000000000001', 'wormerveer', 'Wormerveer', 52.4910, 4.7870),
	('00000000-0000-4000-8000-000000000001', 'westzaan', 'Westzaan', 52.4660, 4.7750),
	('00000000-0000-4000-8000-000000000001', 'zaandijk', 'Zaandijk', 52.4740, 4.8050),
	('00000000-0000-4000-8000-000000000001', 'koog-aan-de-zaan', 'Koog aan de Zaan', 52.4610, 4.8060),
	('00000000-0000-4000-8000-000000000001', 'zaandam-noord', 'Zaandam-Noord', 52.4490, 4.8170),
	('00000000-0000-4000-8000-000000000001', 'zaandam-oost', 'Zaandam-Oost', 52.4400, 4.8380),
	('00000000-0000-4000-8000-000000000001', 'zaandam-west', 'Zaandam-West', 52.4370, 4.8080),
	('00000000-0000-4000-8000-000000000001', 'zaandam-zuid', 'Zaandam-Zuid', 52.4250, 4.8300),
	('00000000-0000-4000-8000-000000000001', 'poelenburg-peldersveld', 'Poelenburg/Peldersveld', 52.4480, 4.8000)
on conflict (municipality_id, slug) do nothing;

-- Each wijk's postcode areas (the 4 digits a hulpvraag's postcode must start with). Plausible demo
-- ranges, not the official PC4 map: the five Zaandam wijken share Zaandam's 1500–1509, and
-- neighbouring villages overlap where a street's postcode crosses the border. Replace with the
-- municipality's own list before going live.
update public.districts d set postcode_areas = a.areas
from (values
	('assendelft', array[1565, 1566, 1567]),
	('krommenie', array[1560, 1561, 1562]),
	('wormerveer', array[1520, 1521, 1522, 1523, 1524, 1525]),
	('westzaan', array[1550, 1551, 1552, 1553, 1554, 1555]),
	('zaandijk', array[1540, 1541, 1542, 1543, 1544, 1545, 1546]),
	('koog-aan-de-zaan', array[1540, 1541, 1542, 1543, 1544]),
	('zaandam-noord', array[1500, 1501, 1502, 1503, 1504, 1505, 1506, 1507, 1508, 1509]),
	('zaandam-oost', array[1500, 1501, 1502, 1503, 1504, 1505, 1506, 1507, 1508, 1509]),
	('zaandam-west', array[1500, 1501, 1502, 1503, 1504, 1505, 1506, 1507, 1508, 1509]),
	('zaandam-zuid', array[1500, 1501, 1502, 1503, 1504, 1505, 1506, 1507, 1508, 1509]),
	('poelenburg-peldersveld', array[1500, 1501, 1502, 1503, 1504, 1505, 1506, 1507, 1508, 1509])
) as a (slug, areas)
where d.slug = a.slug and d.municipality_id = '00000000-0000-4000-8000-000000000001'
	and d.postcode_areas = '{}';

insert into public.community_centres
	(municipality_id, district_id, slug, name, street_address, postcode, city, latitude, longitude, accessibility, is_demo)
select '00000000-0000-4000-8000-000000000001', d.id, c.slug, c.name, c.street, c.postcode, c.city, c.lat, c.lng, c.access, c.demo
from (values
	('wormerveer', 'de-lorzie', 'Buurthuis De Lorzie', 'Lorzie 1', '1521 AA', 'Wormerveer', 52.4925, 4.7855, 'Gelijkvloers, rolstoeltoegankelijk toilet', false),
	('assendelft', 'a3', 'Buurthuis A3', 'Dorpsstraat 100', '1566 AA', 'Assendelft', 52.4885, 4.7390, 'Gelijkvloers', false),
	('assendelft', 'saendelft-demo', 'Buurthuis Saendelft (demo)', 'Saendelverlaan 10', '1567 AA', 'Assendelft', 52.4780, 4.7460, 'Lift aanwezig', true),
	('krommenie', 'de-vlinder-demo', 'Buurthuis De Vlinder (demo)', 'Zuiderhoofdstraat 20', '1561 AA', 'Krommenie', 52.4975, 4.7650, 'Gelijkvloers', true),
	('krommenie', 'het-hoornveld-demo', 'Buurthuis Het Hoornveld (demo)', 'Padlaan 5', '1562 AA', 'Krommenie', 52.5020, 4.7560, 'Drempelvrij', true),
	('wormerveer', 'de-zaanbocht-demo', 'Buurthuis De Zaanbocht (demo)', 'Zaanweg 50', '1521 AB', 'Wormerveer', 52.4880, 4.7900, 'Gelijkvloers', true),
	('westzaan', 'het-zuideinde-demo', 'Buurthuis Het Zuideinde (demo)', 'Zuideinde 30', '1551 AA', 'Westzaan', 52.4630, 4.7740, 'Eén opstapje bij de ingang', true),
	('zaandijk', 'de-fabriek-demo', 'Buurthuis De Fabriek (demo)', 'Lagedijk 40', '1541 AA', 'Zaandijk', 52.4750, 4.8070, 'Gelijkvloers', true),
	('zaandijk', 'rooswijk-demo', 'Buurthuis Rooswijk (demo)', 'Rooswijkerweg 2', '1541 AB', 'Zaandijk', 52.4700, 4.7990, 'Lift aanwezig', true),
	('koog-aan-de-zaan', 'de-kogerveld-demo', 'Buurthuis Kogerveld (demo)', 'Kogerveldweg 8', '1541 AC', 'Koog aan de Zaan', 52.4590, 4.7980, 'Drempelvrij', true),
	('koog-aan-de-zaan', 'het-molenpad-demo', 'Buurthuis Het Molenpad (demo)', 'Hoogstraat 60', '1541 AD', 'Koog aan de Zaan', 52.4630, 4.8100, 'Gelijkvloers', true),
	('zaandam-noord', 'de-rosmolen-demo', 'Buurthuis De Rosmolen (demo)', 'Rosmolenstraat 12', '1502 AA', 'Zaandam', 52.4500, 4.8200, 'Gelijkvloers', true),
	('zaandam-noord', 'kalf-demo', 'Buurthuis Kalf (demo)', 'Kalverstraat 3', '1502 AB', 'Zaandam', 52.4560, 4.8260, 'Lift aanwezig', true),
	('zaandam-oost', 'het-oostzijde-demo', 'Buurthuis Oostzijde (demo)', 'Oostzijde 200', '1506 AA', 'Zaandam', 52.4410, 4.8360, 'Gelijkvloers', true),
	('zaandam-oost', 'de-russische-buurt-demo', 'Buurthuis Russische Buurt (demo)', 'Wibautstraat 7', '1506 AB', 'Zaandam', 52.4370, 4.8430, 'Drempelvrij', true),
	('zaandam-west', 'de-westerkoog-demo', 'Buurthuis Westerkoog (demo)', 'Westzijde 90', '1506 AC', 'Zaandam', 52.4380, 4.8100, 'Gelijkvloers', true),
	('zaandam-zuid', 'het-hembrug-demo', 'Buurthuis Hembrug (demo)', 'Hemkade 16', '1506 AD', 'Zaandam', 52.4230, 4.8290, 'Lift aanwezig', true),
	('poelenburg-peldersveld', 'de-poelenburcht-demo', 'Buurthuis Poelenburg (demo)', 'Poelenburg 100', '1504 AA', 'Zaandam', 52.4460, 4.7990, 'Gelijkvloers', true),
	('poelenburg-peldersveld', 'peldersveld-demo', 'Buurthuis Peldersveld (demo)', 'Pelderspad 4', '1504 AB', 'Zaandam', 52.4500, 4.8030, 'Drempelvrij', true)
) as c (district_slug, slug, name, street, postcode, city, lat, lng, access, demo)
join public.districts d on d.slug = c.district_slug and d.municipality_id = '00000000-0000-4000-8000-000000000001'
on conflict (municipality_id, slug) do nothing;

-- Mantelzorgwaardering: a handful of approved demo shops (all marked "(demo)"; names, KvK numbers
-- and IBANs are invented). The first is the demo shop account's shop (DEMO_SHOP_ID in
-- src/lib/server/embedded/seed.ts); seed-demo.sql makes winkel@ its owner.
insert into public.shops (id, municipality_id, name, kvk_number, street_address, postcode, city,
	district_id, category, description, latitude, longitude, status, decided_at)
select s.id::uuid, d.municipality_id, s.name, s.kvk, s.street, s.postcode, s.city, d.id, s.category,
	s.description, s.lat, s.lng, 'approved', now()
from (values
	('00000000-0000-4000-8000-00000000a001', 'Boekhandel De Zaanse Bladzijde (demo)', '90000001', 'Westzijde 21', '1506 EA', 'Zaandam', 'zaandam-west', 'books_gifts', 'Boeken, kaarten en cadeaus.', 52.4390, 4.8110),
	('00000000-0000-4000-8000-00000000a002', 'Bloemenhuis Krommenie (demo)', '90000002', 'Zuiderhoofdstraat 12', '1561 AA', 'Krommenie', 'krommenie', 'flowers_garden', 'Bloemen en planten.', 52.4985, 4.7640),
	('00000000-0000-4000-8000-00000000a003', 'Bakkerij Het Molentje (demo)', '90000003', 'Zaanweg 80', '1521 DM', 'Wormerveer', 'wormerveer', 'bakery_butcher', 'Brood en banket.', 52.4915, 4.7880),
	('00000000-0000-4000-8000-00000000a004', 'Lunchroom De Koog (demo)', '90000004', 'Hoogstraat 14', '1541 KX', 'Koog aan de Zaan', 'koog-aan-de-zaan', 'food_drink', 'Koffie en lunch.', 52.4615, 4.8065),
	('00000000-0000-4000-8000-00000000a005', 'Sportwinkel Assendelft (demo)', '90000005', 'Dorpsstraat 300', '1566 BG', 'Assendelft', 'assendelft', 'hobby_sport', 'Sport en vrije tijd.', 52.4875, 4.7345)
) as s (id, name, kvk, street, postcode, city, district_slug, category, description, lat, lng)
join public.districts d on d.slug = s.district_slug and d.municipality_id = '00000000-0000-4000-8000-000000000001'
on conflict (id) do nothing;

insert into public.shop_private_details (shop_id, municipality_id, iban, account_holder, contact_name, contact_email)
select s.id, s.municipality_id, 'NL91ABNA0417164300', s.name, 'Demo contact', 'winkel@buurtkracht.example'
from public.shops s where s.id::text like '00000000-0000-4000-8000-00000000a00%'
on conflict (shop_id) do nothing;
