-- Demo data: Zaanstad, its 11 wijken and 19 buurthuizen. De Lorzie and A3 are named in the
-- municipality's reports; every other buurthuis is a demo entry (is_demo = true), and all
-- addresses are illustrative until the municipality confirms them.
-- Demo accounts are created through the sign-up API by the seed step (src/lib/server/embedded/seed.ts).

insert into public.municipalities (id, slug, name) values
	('00000000-0000-4000-8000-000000000001', 'zaanstad', 'Zaanstad')
on conflict (slug) do nothing;

-- Zaanstad's host names: its own local address first (the links in its mails), then localhost and
-- 127.0.0.1, so `npm start` and anything that opens http://127.0.0.1:<port>/ keep seeing Zaanstad
-- when more municipalities are added.
insert into public.municipality_hosts (host, municipality_id, position) values
	('zaanstad.localhost', '00000000-0000-4000-8000-000000000001', 0),
	('localhost', '00000000-0000-4000-8000-000000000001', 1),
	('127.0.0.1', '00000000-0000-4000-8000-000000000001', 2)
on conflict (host) do nothing;

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

-- The Buurthulp coordinator's phone number, printed on the prikbord for people without internet.
-- A demo number: the municipality sets its own.
update public.municipalities set coordinator_phone = '075 000 00 00'
where slug = 'zaanstad' and coordinator_phone is null;

-- Wijk outlines for the map (issue 11): approximate polygons, the Voronoi cells of the wijk points
-- above inside a rough outline of Zaanstad. They orient a visitor when no map tiles load; they
-- decide nothing. Replace with the municipality's own wijk boundaries before going live.
update public.districts d set outline = o.outline::jsonb
from (values
	('assendelft', '{"type":"Polygon","coordinates":[[[4.7,52.515],[4.7215,52.5168],[4.7622,52.4816],[4.7224,52.4535],[4.705,52.46],[4.7,52.515]]]}'),
	('krommenie', '{"type":"Polygon","coordinates":[[[4.7215,52.5168],[4.76,52.52],[4.7895,52.5112],[4.7631,52.4817],[4.7622,52.4816],[4.7215,52.5168]]]}'),
	('wormerveer', '{"type":"Polygon","coordinates":[[[4.7895,52.5112],[4.8,52.508],[4.8182,52.4912],[4.7843,52.4779],[4.7631,52.4817],[4.7895,52.5112]]]}'),
	('westzaan', '{"type":"Polygon","coordinates":[[[4.7555,52.4405],[4.745,52.445],[4.7224,52.4535],[4.7622,52.4816],[4.7631,52.4817],[4.7843,52.4779],[4.7921,52.4671],[4.7877,52.4571],[4.7555,52.4405]]]}'),
	('zaandijk', '{"type":"Polygon","coordinates":[[[4.8182,52.4912],[4.825,52.485],[4.8358,52.4684],[4.7921,52.4671],[4.7843,52.4779],[4.8182,52.4912]]]}'),
	('koog-aan-de-zaan', '{"type":"Polygon","coordinates":[[[4.8358,52.4684],[4.8386,52.4642],[4.8077,52.4537],[4.7877,52.4571],[4.7921,52.4671],[4.8358,52.4684]]]}'),
	('zaandam-noord', '{"type":"Polygon","coordinates":[[[4.8386,52.4642],[4.84,52.462],[4.8447,52.4594],[4.8225,52.4402],[4.8092,52.4439],[4.8077,52.4537],[4.8386,52.4642]]]}'),
	('zaandam-oost', '{"type":"Polygon","coordinates":[[[4.8447,52.4594],[4.865,52.448],[4.8605,52.4273],[4.8241,52.4345],[4.8225,52.4402],[4.8447,52.4594]]]}'),
	('zaandam-west', '{"type":"Polygon","coordinates":[[[4.7979,52.4166],[4.78,52.43],[4.7714,52.4337],[4.8092,52.4439],[4.8225,52.4402],[4.8241,52.4345],[4.7979,52.4166]]]}'),
	('zaandam-zuid', '{"type":"Polygon","coordinates":[[[4.8605,52.4273],[4.86,52.425],[4.835,52.41],[4.8,52.415],[4.7979,52.4166],[4.8241,52.4345],[4.8605,52.4273]]]}'),
	('poelenburg-peldersveld', '{"type":"Polygon","coordinates":[[[4.7714,52.4337],[4.7555,52.4405],[4.7877,52.4571],[4.8077,52.4537],[4.8092,52.4439],[4.7714,52.4337]]]}')
) as o (slug, outline)
where d.slug = o.slug and d.municipality_id = '00000000-0000-4000-8000-000000000001'
	and d.outline is null;

-- Each buurthuis's accessibility in OpenStreetMap's terms, opening hours (OSM opening_hours),
-- contact and whether the sociaal wijkteam shares the building (issue 11). De Lorzie and A3 as
-- far as known; the demo entries vary on purpose, so the filters have something to show. Contact
-- details are illustrative (.example). Only rows nobody has filled in yet are updated.
update public.community_centres c set
	wheelchair = p.wheelchair,
	toilets_wheelchair = p.toilets,
	hearing_loop = p.loop,
	parking = p.parking,
	opening_hours = p.hours,
	shares_district_team = p.team,
	district_team_note = p.team_note,
	phone = coalesce(c.phone, p.phone),
	email = coalesce(c.email, c.slug || '@buurthuizen.example'),
	website = coalesce(c.website, 'https://' || c.slug || '.buurthuizen.example')
from (values
	('de-lorzie', 'yes', 'yes', 'yes', 'yes', 'Mo-Fr 09:00-17:00; Tu,Th 19:00-22:00; Sa 10:00-13:00', true, 'Het sociaal wijkteam Wormerveer zit hier op dinsdag- en donderdagochtend.', '075 000 0101'),
	('a3', 'yes', 'no', 'no', 'yes', 'Mo-Fr 09:00-16:30; We 19:00-21:30', true, 'Het sociaal wijkteam Assendelft houdt hier elke woensdag spreekuur.', '075 000 0102'),
	('saendelft-demo', 'yes', 'yes', 'yes', 'limited', 'Mo-Fr 09:00-17:00', false, null, '075 000 0103'),
	('de-vlinder-demo', 'yes', 'yes', 'no', 'yes', 'Mo-Th 09:00-16:00', true, 'Het sociaal wijkteam Krommenie zit hier op maandag.', '075 000 0104'),
	('het-hoornveld-demo', 'limited', 'no', 'no', 'yes', 'Tu-Sa 10:00-16:00', false, null, '075 000 0105'),
	('de-zaanbocht-demo', 'yes', 'no', 'yes', 'no', 'Mo-Fr 13:00-17:00', false, null, '075 000 0106'),
	('het-zuideinde-demo', 'limited', 'no', 'no', 'yes', 'Mo,We,Fr 09:30-12:00', true, 'Het sociaal wijkteam Westzaan zit hier op vrijdagochtend.', '075 000 0107'),
	('de-fabriek-demo', 'yes', 'yes', 'no', 'limited', 'Mo-Fr 09:00-17:00; Sa 10:00-14:00', false, null, '075 000 0108'),
	('rooswijk-demo', 'yes', 'yes', 'yes', 'limited', 'Tu-Fr 09:00-16:00', true, 'Het sociaal wijkteam Zaandijk zit hier op dinsdag.', '075 000 0109'),
	('de-kogerveld-demo', 'yes', 'no', 'no', 'yes', 'Mo-Fr 10:00-16:00', false, null, '075 000 0110'),
	('het-molenpad-demo', 'no', 'no', 'no', 'no', 'Mo,Th 09:00-12:00', false, null, '075 000 0111'),
	('de-rosmolen-demo', 'yes', 'yes', 'no', 'limited', 'Mo-Fr 09:00-17:00', true, 'Het sociaal wijkteam Zaandam-Noord zit hier elke werkdag.', '075 000 0112'),
	('kalf-demo', 'yes', 'yes', 'yes', 'no', 'Mo-Fr 09:00-21:00', false, null, '075 000 0113'),
	('het-oostzijde-demo', 'yes', 'no', 'no', 'no', 'Mo-Sa 09:00-17:00', false, null, '075 000 0114'),
	('de-russische-buurt-demo', 'limited', 'no', 'no', 'limited', 'We-Fr 10:00-15:00', true, 'Het sociaal wijkteam Zaandam-Oost zit hier op woensdag.', '075 000 0115'),
	('de-westerkoog-demo', 'yes', 'yes', 'no', 'yes', 'Mo-Fr 09:00-17:00', false, null, '075 000 0116'),
	('het-hembrug-demo', 'yes', 'yes', 'yes', 'yes', 'Mo-Fr 09:00-17:00; Su 12:00-16:00', true, 'Het sociaal wijkteam Zaandam-Zuid zit hier op maandag en donderdag.', '075 000 0117'),
	('de-poelenburcht-demo', 'yes', 'no', 'no', 'limited', 'Mo-Fr 09:00-17:00', true, 'Het sociaal wijkteam Poelenburg/Peldersveld zit hier elke werkdag.', '075 000 0118'),
	('peldersveld-demo', 'no', 'no', 'no', 'yes', 'Tu,Th 13:00-17:00', false, null, '075 000 0119')
) as p (slug, wheelchair, toilets, loop, parking, hours, team, team_note, phone)
where c.slug = p.slug and c.municipality_id = '00000000-0000-4000-8000-000000000001'
	and c.wheelchair is null and c.opening_hours is null;

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
