-- Demo data: Zaanstad, its 11 wijken and 19 buurthuizen. De Lorzie and A3 are named in the
-- municipality's reports; every other buurthuis is a demo entry (is_demo = true), and all
-- addresses are illustrative until the municipality confirms them.
-- Demo accounts are created through the sign-up API by the seed step (src/lib/server/embedded/seed.ts).

-- Zaanstad's row and host names, its 11 wijken (outlines and points) and its postcode areas come
-- first, from supabase/seed/zaanstad/ (municipality.sql, wijken.geojson, postcodes.csv), through
-- the same import as an admin's upload. The wijk outlines are approximate polygons (the Voronoi
-- cells of the wijk points inside a rough outline of Zaanstad) and the postcode areas plausible
-- demo ranges, not the official PC4 map: replace both with the municipality's own files.

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
