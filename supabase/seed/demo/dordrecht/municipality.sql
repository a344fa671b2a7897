-- Dordrecht as a demo municipality (issue 18): nothing here is Dordrecht's own data. The three
-- wijken follow the three areas of its sociale teams (West, Oost, Centrum) with schematic
-- outlines; postcode centres, buurthuizen, shop and numbers are invented and marked as such.
insert into public.municipalities (id, slug, name, coordinator_phone, mail_sender_name, is_demo) values
	('00000000-0000-4000-8000-000000000002', 'dordrecht', 'Dordrecht', '078 000 00 00', 'Buurtkracht Dordrecht (demo)', true)
on conflict (slug) do nothing;

insert into public.municipality_hosts (host, municipality_id, position) values
	('dordrecht.localhost', '00000000-0000-4000-8000-000000000002', 0)
on conflict (host) do nothing;
