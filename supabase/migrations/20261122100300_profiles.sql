-- People: a public profile and, in their own table, the contact details only the owner reads.

create table public.profiles (
	id uuid primary key references auth.users (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id),
	display_name text not null check (char_length(display_name) between 1 and 80),
	district_id uuid references public.districts (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index profiles_municipality_idx on public.profiles (municipality_id, display_name);

create table public.profile_contacts (
	profile_id uuid primary key references public.profiles (id) on delete cascade,
	phone text check (phone is null or phone ~ '^\+?[0-9 ()-]{6,20}$'),
	street_address text check (street_address is null or char_length(street_address) <= 120),
	postcode text check (postcode is null or postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
	city text check (city is null or char_length(city) <= 80),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger profiles_set_updated_at before update on public.profiles
	for each row execute function public.set_updated_at();
create trigger profile_contacts_set_updated_at before update on public.profile_contacts
	for each row execute function public.set_updated_at();

-- On its PostgreSQL driver the embedded Supabase stores user metadata as a JSON string holding
-- the object (see README, Known differences); this reads both shapes.
create or replace function public.auth_user_metadata(p_meta jsonb) returns jsonb
language sql
immutable
set search_path = ''
as $$
	select case when jsonb_typeof(p_meta) = 'string' then (p_meta #>> '{}')::jsonb else coalesce(p_meta, '{}'::jsonb) end;
$$;

-- A profile appears with the account. The municipality comes from sign-up metadata, else the first one.
create or replace function public.handle_new_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_municipality uuid;
	v_meta jsonb := public.auth_user_metadata(new.raw_user_meta_data);
begin
	select id into v_municipality from public.municipalities
		where slug = coalesce(v_meta ->> 'municipality', 'zaanstad');
	if v_municipality is null then
		select id into v_municipality from public.municipalities order by created_at limit 1;
	end if;
	insert into public.profiles (id, municipality_id, display_name)
	values (
		new.id,
		v_municipality,
		coalesce(nullif(left(trim(v_meta ->> 'display_name'), 80), ''), split_part(new.email, '@', 1))
	);
	insert into public.profile_contacts (profile_id) values (new.id);
	return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users
	for each row execute function public.handle_new_user();

alter table public.profiles enable row level security;
alter table public.profile_contacts enable row level security;

-- security definer: a policy on profiles cannot read profiles itself without recursing.
create or replace function public.my_municipality_id() returns uuid
language sql
stable
security definer
set search_path = ''
as $$
	select municipality_id from public.profiles where id = (select auth.uid());
$$;
revoke all on function public.my_municipality_id() from public;
grant execute on function public.my_municipality_id() to authenticated;

create policy "Signed-in people see profiles in their municipality" on public.profiles
	for select to authenticated using (
		id = (select auth.uid()) or municipality_id = (select public.my_municipality_id())
	);
create policy "People update their own profile" on public.profiles
	for update to authenticated
	using (id = (select auth.uid()))
	with check (id = (select auth.uid()));

create policy "People see their own contact details" on public.profile_contacts
	for select to authenticated using (profile_id = (select auth.uid()));
create policy "People update their own contact details" on public.profile_contacts
	for update to authenticated
	using (profile_id = (select auth.uid()))
	with check (profile_id = (select auth.uid()));

-- Admins look people up by e-mail to grant them a role; nobody else can list accounts.
create or replace function public.find_person_by_email(p_email text)
returns table (id uuid, display_name text, municipality_id uuid)
language sql
stable
security definer
set search_path = ''
as $$
	select p.id, p.display_name, p.municipality_id
	from auth.users u
	join public.profiles p on p.id = u.id
	where lower(u.email) = lower(trim(p_email))
		and public.has_role('municipality_admin', p.municipality_id);
$$;
revoke all on function public.find_person_by_email(text) from public;
grant execute on function public.find_person_by_email(text) to authenticated;

-- Everything a page needs to know about the signed-in user, in one round trip.
create or replace function public.current_viewer() returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select jsonb_build_object(
		'display_name', p.display_name,
		'municipality_id', p.municipality_id,
		'district_id', p.district_id,
		'roles', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', m.id, 'role', m.role, 'municipality_id', m.municipality_id,
				'shop_id', m.shop_id, 'community_centre_id', m.community_centre_id
			) order by m.role)
			from public.memberships m where m.user_id = p.id
		), '[]'::jsonb)
	)
	from public.profiles p
	where p.id = (select auth.uid());
$$;
revoke all on function public.current_viewer() from public;
grant execute on function public.current_viewer() to authenticated;
