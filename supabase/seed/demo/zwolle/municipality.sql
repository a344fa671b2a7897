-- Zwolle as a demo municipality (issue 18): nothing here is Zwolle's own data. Five wijken, one
-- per sociaal wijkteam, with schematic outlines and plain names; postcode centres, buurthuizen,
-- shop and numbers are invented and marked as such.
insert into public.municipalities (id, slug, name, coordinator_phone, mail_sender_name, is_demo) values
	('00000000-0000-4000-8000-000000000003', 'zwolle', 'Zwolle', '038 000 00 00', 'Buurtkracht Zwolle (demo)', true)
on conflict (slug) do nothing;

insert into public.municipality_hosts (host, municipality_id, position) values
	('zwolle.localhost', '00000000-0000-4000-8000-000000000003', 0)
on conflict (host) do nothing;
