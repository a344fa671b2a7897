-- The buurthuizen: volunteer-run community centres, each in one district.

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
	unique (municipality_id, slug)
);
create index community_centres_district_idx on public.community_centres (district_id);

create trigger community_centres_set_updated_at before update on public.community_centres
	for each row execute function public.set_updated_at();

alter table public.community_centres enable row level security;

create policy "Community centres are public" on public.community_centres
	for select to anon, authenticated using (true);
