-- Tenants and their districts (gemeenten en wijken). Every domain row belongs to a municipality,
-- so another municipality is added as data, not code.

-- As on hosted Supabase: the API roles may call auth.uid() and friends from SQL functions that run
-- as the caller. The embedded Supabase does not grant this by itself.
grant usage on schema auth to anon, authenticated, service_role;

create or replace function public.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.updated_at = now();
	return new;
end;
$$;

create table public.municipalities (
	id uuid primary key default gen_random_uuid(),
	slug text not null unique check (slug ~ '^[a-z0-9-]{2,40}$'),
	name text not null check (char_length(name) between 2 and 80),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

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
	unique (municipality_id, slug)
);
create index districts_municipality_idx on public.districts (municipality_id, name);

create trigger municipalities_set_updated_at before update on public.municipalities
	for each row execute function public.set_updated_at();
create trigger districts_set_updated_at before update on public.districts
	for each row execute function public.set_updated_at();

alter table public.municipalities enable row level security;
alter table public.districts enable row level security;

create policy "Municipalities are public" on public.municipalities
	for select to anon, authenticated using (true);
create policy "Districts are public" on public.districts
	for select to anon, authenticated using (true);
