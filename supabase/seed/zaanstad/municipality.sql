-- Zaanstad, the first municipality: its row and host names. Its wijken and postcode areas are
-- wijken.geojson and postcodes.csv beside this file, loaded by the same code as the admin's
-- uploads (src/lib/server/embedded/seed.ts); everything else is supabase/seed.sql.

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
