-- Tenancy: municipalities, their districts (wijken) and community centres (buurthuizen). Every
-- domain row belongs to a municipality, so another municipality is added as data, not code. The
-- values themselves are reference data (seed.sql).

-- ---------------------------------------------------------------------------------------------
-- Municipalities and districts (wijken)
-- ---------------------------------------------------------------------------------------------

create table public.municipalities (
	id uuid primary key default gen_random_uuid(),
	slug text not null unique check (slug ~ '^[a-z0-9-]{2,40}$'),
	name text not null check (char_length(name) between 2 and 80),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- The number people without internet call to react to a printed request. A municipal setting,
	-- public like the municipality's name; set by the municipality (seed.sql for the demo).
	coordinator_phone text check (coordinator_phone is null or coordinator_phone ~ '^\+?[0-9 ()-]{6,20}$'),
	-- The sender's name on the municipality's mails ("Buurtkracht <name>" when empty).
	mail_sender_name text check (mail_sender_name is null or char_length(mail_sender_name) between 2 and 80),
	-- A municipality set up as demonstration data; its pages say so.
	is_demo boolean not null default false,
	-- How long a coordinator's verification of a volunteer (met in person, VOG seen) holds
	-- (Buurthulp, issue 20): three years unless the municipality sets otherwise.
	volunteer_verification_months integer not null default 36 check (volunteer_verification_months between 6 and 120)
);

create trigger municipalities_set_timestamps before insert or update on public.municipalities
	for each row execute function public.set_timestamps();

alter table public.municipalities enable row level security;

create policy "Municipalities are public" on public.municipalities
	for select to anon, authenticated using (true);

create table public.districts (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	slug text not null check (slug ~ '^[a-z0-9-]{2,60}$'),
	name text not null check (char_length(name) between 2 and 80),
	-- A representative point, used as the approximate location of requests in the district.
	latitude double precision not null check (latitude between -90 and 90),
	longitude double precision not null check (longitude between -180 and 180),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- The wijk's postcode areas (the 4 digits): a hulpvraag's postcode must be one of them ("9999 ZZ"
	-- in Zaandam-West was accepted). A wijk without areas checks nothing, so a municipality can
	-- fill them in later. Zaanstad's in seed.sql are plausible demo ranges, not the official PC4 map.
	postcode_areas smallint[] not null default '{}'
		check (1000 <= all (postcode_areas) and 9999 >= all (postcode_areas)),
	-- The wijk's outline, so the map still shows the wijken when no map tiles load: a GeoJSON
	-- geometry (Polygon or MultiPolygon, [longitude, latitude]); approximate is fine, it orients
	-- the visitor, it decides nothing. Only the migrations and maintenance write districts.
	outline jsonb check (
		outline is null
		or (jsonb_typeof(outline) = 'object'
			and outline ->> 'type' in ('Polygon', 'MultiPolygon')
			and jsonb_typeof(outline -> 'coordinates') = 'array'
			and pg_column_size(outline) <= 32768)
	),
	unique (municipality_id, slug)
);

create trigger districts_set_timestamps before insert or update on public.districts
	for each row execute function public.set_timestamps();

create index districts_municipality_idx on public.districts (municipality_id, name);

alter table public.districts enable row level security;

create policy "Districts are public" on public.districts
	for select to anon, authenticated using (true);

-- ---------------------------------------------------------------------------------------------
-- The buurthuizen: volunteer-run community centres, each in one district
-- ---------------------------------------------------------------------------------------------

-- OSM's values for wheelchair=*, toilets:wheelchair=*, hearing_loop=* and parking access; null
-- means nobody has checked yet (OSM leaves the tag off), which the page says in so many words.
create type public.osm_access as enum ('yes', 'limited', 'no');

-- What a visitor needs before walking in: the address and contact, accessibility in
-- OpenStreetMap's terms, opening hours in OSM's opening_hours syntax, and whether the sociaal
-- wijkteam shares the building. Board members and admins change the row (policy in
-- 02_platform_roles.sql), so every text has a cap.
create table public.community_centres (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	district_id uuid not null references public.districts (id) on delete restrict,
	slug text not null check (slug ~ '^[a-z0-9-]{2,60}$'),
	name text not null check (char_length(name) between 2 and 100),
	street_address text not null,
	postcode text not null check (postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
	city text not null,
	latitude double precision not null check (latitude between -90 and 90),
	longitude double precision not null check (longitude between -180 and 180),
	accessibility text not null default '',
	phone text,
	email text,
	website text,
	-- Seeded demo entries are marked, so nobody mistakes them for real buurthuizen.
	is_demo boolean not null default false,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	wheelchair text check (wheelchair = any (enum_range(null::public.osm_access)::text[])),
	toilets_wheelchair text check (toilets_wheelchair in ('yes', 'no')),
	hearing_loop text check (hearing_loop = any (enum_range(null::public.osm_access)::text[])),
	parking text check (parking = any (enum_range(null::public.osm_access)::text[])),
	-- OSM opening_hours, the common subset: "Mo-Fr 09:00-17:00; Sa 10:00-12:30" (at most 255
	-- characters, as in OSM). The page turns it into Dutch; anything it cannot read it shows as is.
	opening_hours text check (
		opening_hours is null
		or (char_length(opening_hours) <= 255 and opening_hours ~ '^[A-Za-z0-9 :;,.+-]+$')
	),
	shares_district_team boolean not null default false,
	-- When the wijkteam is in: "Het sociaal wijkteam zit hier op dinsdag- en donderdagochtend."
	district_team_note text check (district_team_note is null or char_length(district_team_note) <= 300),
	-- Archived by the municipality admin (issue 18): off the map, the lists and the feeds; its
	-- activities, registrations and points stay as history.
	archived_at timestamptz,
	unique (municipality_id, slug),
	constraint community_centres_accessibility_length check (char_length(accessibility) <= 300),
	constraint community_centres_street_address_length check (char_length(street_address) between 2 and 120),
	constraint community_centres_city_length check (char_length(city) between 2 and 80),
	constraint community_centres_phone_format check (phone is null or phone ~ '^\+?[0-9 ()-]{6,20}$'),
	constraint community_centres_email_length check (email is null or (char_length(email) <= 254 and email like '%_@_%')),
	constraint community_centres_website_format check (website is null or (char_length(website) <= 300 and website ~ '^https?://'))
);

create trigger community_centres_set_timestamps before insert or update on public.community_centres
	for each row execute function public.set_timestamps();

create index community_centres_district_idx on public.community_centres (district_id);

create index community_centres_municipality_idx on public.community_centres (municipality_id, name);

alter table public.community_centres enable row level security;

create policy "Community centres are public" on public.community_centres
	for select to anon, authenticated using (true);
