-- Platform: what every area stands on. Tenancy (municipalities, their wijken and buurthuizen),
-- people (a public profile, and contact details in their own table) and roles (memberships with a
-- scope, and the has_role check every policy uses), plus the foundation's pages.
-- Every domain row belongs to a municipality, so another municipality is added as data, not code.

-- ---------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------

-- As on hosted Supabase: the API roles may call auth.uid() and friends from SQL functions that run
-- as the caller. The embedded Supabase does not grant this by itself.
grant usage on schema auth to anon, authenticated, service_role;

-- created_at and updated_at belong to the server: a client writing through the API (anon or
-- authenticated) cannot set them, so nobody pins a row atop a list by dating it in 2099.
-- Maintenance and the migrations (the owner) may, e.g. to load history.
create or replace function public.set_timestamps() returns trigger language plpgsql set search_path = '' as $$
begin
	if tg_op = 'UPDATE' then
		new.updated_at := now();
		if current_user in ('anon', 'authenticated') then
			new.created_at := old.created_at;
		end if;
	elsif current_user in ('anon', 'authenticated') then
		new.created_at := now();
		new.updated_at := now();
	end if;
	return new;
end;
$$;

-- Caps what a caller hands a function, before any work: the API passes arguments of any size,
-- and some work (a full-text query with thousands of terms) can take the embedded database down
-- (README, Known differences). The error names the field, never the value.
create or replace function public.assert_max_length(p_value text, p_max integer, p_field text) returns void language plpgsql immutable set search_path = '' as $$
begin
	if char_length(p_value) > p_max then
		raise exception 'too_long: %', p_field using errcode = '22001';
	end if;
end;
$$;

create or replace function public.assert_max_items(p_value anyarray, p_max integer, p_field text) returns void language plpgsql immutable set search_path = '' as $$
begin
	if cardinality(p_value) > p_max then
		raise exception 'too_long: %', p_field using errcode = '22001';
	end if;
end;
$$;

-- Every table in public with an updated_at column gets the set_timestamps trigger. Each migration
-- ends with `select public.add_timestamp_triggers();`, so no table can forget it. Only the
-- migrations (the database owner) run it.
create or replace function public.add_timestamp_triggers() returns integer language plpgsql set search_path = '' as $$
declare
	v_table text;
	v_count integer := 0;
begin
	for v_table in
		select c.relname from pg_class c
		where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
			and exists (
				select 1 from pg_attribute a
				where a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped
			)
			and not exists (
				select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_set_timestamps'
			)
	loop
		execute format(
			'create trigger %I before insert or update on public.%I for each row execute function public.set_timestamps()',
			v_table || '_set_timestamps', v_table
		);
		v_count := v_count + 1;
	end loop;
	return v_count;
end;
$$;
revoke all on function public.add_timestamp_triggers() from public, anon, authenticated;

-- On its PostgreSQL driver the embedded Supabase stores user metadata as a JSON string holding
-- the object (see README, Known differences); this reads both shapes.
create or replace function public.auth_user_metadata(p_meta jsonb) returns jsonb language sql immutable set search_path = '' as $$
	select case when jsonb_typeof(p_meta) = 'string' then (p_meta #>> '{}')::jsonb else coalesce(p_meta, '{}'::jsonb) end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Tenancy: municipalities, districts (wijken), community centres (buurthuizen)
-- ---------------------------------------------------------------------------------------------

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

alter table public.municipalities enable row level security;

alter table public.districts enable row level security;

create policy "Municipalities are public" on public.municipalities
	for select to anon, authenticated using (true);

create policy "Districts are public" on public.districts
	for select to anon, authenticated using (true);

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

alter table public.community_centres enable row level security;

create policy "Community centres are public" on public.community_centres
	for select to anon, authenticated using (true);

-- ---------------------------------------------------------------------------------------------
-- Roles: memberships and has_role
-- ---------------------------------------------------------------------------------------------

-- Closed value lists are Postgres enums, so they are written once and the generated TypeScript
-- types carry them (Constants.public.Enums). Columns keep the type text with a CHECK against the
-- enum: the SQL functions take and compare plain text, and a new value is one ALTER TYPE ... ADD
-- VALUE away.
create type public.membership_role as enum (
	'municipality_admin', 'coordinator', 'caseworker', 'shop_staff', 'board_member'
);

-- Roles live here, never in app_metadata: the embedded Supabase has no auth admin API.

create table public.memberships (
	id uuid primary key default gen_random_uuid(),
	user_id uuid not null references auth.users (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	role text not null check (role = any (enum_range(null::public.membership_role)::text[])),
	-- The shop for shop_staff; its foreign key arrives with the shops table.
	shop_id uuid,
	community_centre_id uuid references public.community_centres (id) on delete cascade,
	granted_by uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint memberships_scope_matches_role check (
		(role = 'shop_staff' and shop_id is not null and community_centre_id is null)
		or (role = 'board_member' and community_centre_id is not null and shop_id is null)
		or (role not in ('shop_staff', 'board_member') and shop_id is null and community_centre_id is null)
	)
);

create unique index memberships_unique_grant on public.memberships (
	user_id, municipality_id, role,
	coalesce(shop_id, '00000000-0000-0000-0000-000000000000'::uuid),
	coalesce(community_centre_id, '00000000-0000-0000-0000-000000000000'::uuid)
);

create index memberships_user_idx on public.memberships (user_id);

create index memberships_municipality_idx on public.memberships (municipality_id, role);

-- True when the signed-in user holds the role; a null scope argument means "any".
-- security definer so policies on memberships itself can call it without recursion.
create or replace function public.has_role(
	p_role text,
	p_municipality_id uuid default null,
	p_scope_id uuid default null
) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.memberships m
		where m.user_id = (select auth.uid())
			and m.role = p_role
			and (p_municipality_id is null or m.municipality_id = p_municipality_id)
			and (p_scope_id is null or p_scope_id in (m.shop_id, m.community_centre_id))
	);
$$;
revoke all on function public.has_role(text, uuid, uuid) from public;
grant execute on function public.has_role(text, uuid, uuid) to anon, authenticated, service_role;

alter table public.memberships enable row level security;

create policy "Members see their own memberships" on public.memberships
	for select to authenticated using (user_id = (select auth.uid()));

create policy "Municipality admins see the memberships of their municipality" on public.memberships
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

create policy "Municipality admins grant roles in their municipality" on public.memberships
	for insert to authenticated
	with check (public.has_role('municipality_admin', municipality_id) and granted_by = (select auth.uid()));

create policy "Municipality admins revoke roles in their municipality" on public.memberships
	for delete to authenticated using (public.has_role('municipality_admin', municipality_id));

-- Board members and admins keep the centre's details current.
create policy "Board members and admins update their community centre" on public.community_centres
	for update to authenticated
	using (public.has_role('board_member', municipality_id, id) or public.has_role('municipality_admin', municipality_id))
	with check (public.has_role('board_member', municipality_id, id) or public.has_role('municipality_admin', municipality_id));

-- ---------------------------------------------------------------------------------------------
-- People: profiles and contact details
-- ---------------------------------------------------------------------------------------------

-- A public profile and, in their own table, the contact details only the owner reads.

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

-- A profile appears with the account. The municipality comes from sign-up metadata, else the first one.
create or replace function public.handle_new_user() returns trigger language plpgsql security definer set search_path = '' as $$
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
create or replace function public.my_municipality_id() returns uuid language sql stable security definer set search_path = '' as $$
	select municipality_id from public.profiles where id = (select auth.uid());
$$;
revoke all on function public.my_municipality_id() from public;
grant execute on function public.my_municipality_id() to authenticated;

create policy "Signed-in people see profiles in their municipality" on public.profiles
	for select to authenticated using (
		id = (select auth.uid()) or municipality_id = (select public.my_municipality_id())
	);

-- The municipality is set by the sign-up trigger and changes only through maintenance, and the
-- wijk must belong to it: otherwise a person could move into another municipality and see its
-- people, boards and roles pages. In WITH CHECK, my_municipality_id() still reads the row as it
-- was before this update.
create policy "People update their own profile" on public.profiles
	for update to authenticated
	using (id = (select auth.uid()))
	with check (
		id = (select auth.uid())
		and municipality_id = (select public.my_municipality_id())
		and (
			district_id is null
			or exists (
				select 1 from public.districts d
				where d.id = profiles.district_id and d.municipality_id = profiles.municipality_id
			)
		)
	);

create policy "People see their own contact details" on public.profile_contacts
	for select to authenticated using (profile_id = (select auth.uid()));

create policy "People update their own contact details" on public.profile_contacts
	for update to authenticated
	using (profile_id = (select auth.uid()))
	with check (profile_id = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------
-- Pages and changes: the viewer, my profile, role administration
-- ---------------------------------------------------------------------------------------------

-- Admins look people up by e-mail to grant them a role; nobody else can list accounts.
create or replace function public.find_person_by_email(p_email text)
returns table (id uuid, display_name text, municipality_id uuid) language sql stable security definer set search_path = '' as $$
	select p.id, p.display_name, p.municipality_id
	from auth.users u
	join public.profiles p on p.id = u.id
	where char_length(p_email) <= 320
		and lower(u.email) = lower(trim(p_email))
		and public.has_role('municipality_admin', p.municipality_id);
$$;
revoke all on function public.find_person_by_email(text) from public;
grant execute on function public.find_person_by_email(text) to authenticated;

-- Everything a page needs to know about the signed-in user, in one round trip.
create or replace function public.current_viewer() returns jsonb language sql stable security invoker set search_path = '' as $$
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

-- One read per page (the page budget: hooks already spend two calls) and the profile and role
-- changes as single statements, so a half-saved profile or a lost admin cannot happen.
-- My profile page: the profile, my contact details, the wijken to choose from and my roles.
create or replace function public.my_profile_page() returns jsonb language sql stable security invoker set search_path = '' as $$
	select jsonb_build_object(
		'display_name', p.display_name,
		'district_id', p.district_id,
		'contact', (
			select jsonb_build_object(
				'phone', c.phone, 'street_address', c.street_address,
				'postcode', c.postcode, 'city', c.city
			)
			from public.profile_contacts c where c.profile_id = p.id
		),
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = p.municipality_id
		), '[]'::jsonb),
		'roles', coalesce((
			select jsonb_agg(jsonb_build_object(
				'role', m.role,
				'scope', coalesce(cc.name, m.shop_id::text)
			) order by m.role)
			from public.memberships m
			left join public.community_centres cc on cc.id = m.community_centre_id
			where m.user_id = p.id
		), '[]'::jsonb)
	)
	from public.profiles p
	where p.id = (select auth.uid());
$$;
revoke all on function public.my_profile_page() from public;
grant execute on function public.my_profile_page() to authenticated;

create or replace function public.update_my_profile(
	p_display_name text,
	p_district_id uuid,
	p_phone text,
	p_street_address text,
	p_postcode text,
	p_city text
) returns void language plpgsql security invoker set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
begin
	perform public.assert_max_length(p_display_name, 80, 'display_name');
	perform public.assert_max_length(p_phone, 20, 'phone');
	perform public.assert_max_length(p_street_address, 120, 'street_address');
	perform public.assert_max_length(p_postcode, 7, 'postcode');
	perform public.assert_max_length(p_city, 80, 'city');
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	-- A wijk of another municipality would leak into the wrong boards.
	if p_district_id is not null and not exists (
		select 1 from public.districts d
		join public.profiles p on p.municipality_id = d.municipality_id
		where d.id = p_district_id and p.id = v_uid
	) then
		raise exception 'district_not_found' using errcode = '22023';
	end if;
	update public.profiles
	set display_name = p_display_name, district_id = p_district_id
	where id = v_uid;
	update public.profile_contacts
	set phone = p_phone, street_address = p_street_address, postcode = p_postcode, city = p_city
	where profile_id = v_uid;
end;
$$;
revoke all on function public.update_my_profile(text, uuid, text, text, text, text) from public;
grant execute on function public.update_my_profile(text, uuid, text, text, text, text) to authenticated;

-- The beheer page: every role in my municipality with the person, and the buurthuizen to scope to.
create or replace function public.role_admin_page() returns jsonb language plpgsql stable security invoker set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return jsonb_build_object(
		'memberships', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', m.id, 'user_id', m.user_id, 'display_name', p.display_name,
				'role', m.role, 'scope', coalesce(cc.name, m.shop_id::text),
				'created_at', m.created_at
			) order by p.display_name, m.role)
			from public.memberships m
			join public.profiles p on p.id = m.user_id
			left join public.community_centres cc on cc.id = m.community_centre_id
			where m.municipality_id = v_municipality
		), '[]'::jsonb),
		'community_centres', coalesce((
			select jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name) order by c.name)
			from public.community_centres c where c.municipality_id = v_municipality
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.role_admin_page() from public;
grant execute on function public.role_admin_page() to authenticated;

-- Grants by e-mail address; the insert itself still passes the admin-only RLS policy.
create or replace function public.grant_role_by_email(
	p_email text,
	p_role text,
	p_community_centre_id uuid default null
) returns uuid language plpgsql security invoker set search_path = '' as $$
declare
	v_person uuid;
	v_municipality uuid := public.my_municipality_id();
	v_id uuid;
begin
	perform public.assert_max_length(p_email, 320, 'email');
	perform public.assert_max_length(p_role, 40, 'role');
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	select f.id into v_person from public.find_person_by_email(p_email) f
	where f.municipality_id = v_municipality;
	if v_person is null then
		raise exception 'person_not_found' using errcode = 'P0002';
	end if;
	if exists (
		select 1 from public.memberships m
		where m.user_id = v_person and m.municipality_id = v_municipality and m.role = p_role
			and m.community_centre_id is not distinct from p_community_centre_id
	) then
		raise exception 'already_granted' using errcode = '23505';
	end if;
	insert into public.memberships (user_id, municipality_id, role, community_centre_id, granted_by)
	values (v_person, v_municipality, p_role, p_community_centre_id, (select auth.uid()))
	returning id into v_id;
	return v_id;
end;
$$;
revoke all on function public.grant_role_by_email(text, text, uuid) from public;
grant execute on function public.grant_role_by_email(text, text, uuid) to authenticated;

-- Revokes a role; an admin cannot take away their own admin role, so a municipality never
-- locks itself out by a slip of the mouse.
create or replace function public.revoke_role(p_membership_id uuid) returns void language plpgsql security invoker set search_path = '' as $$
declare
	v_row public.memberships;
begin
	delete from public.memberships m
	where m.id = p_membership_id
		and not (m.user_id = (select auth.uid()) and m.role = 'municipality_admin')
	returning * into v_row;
	if v_row.id is null then
		if exists (select 1 from public.memberships m where m.id = p_membership_id
			and m.user_id = (select auth.uid()) and m.role = 'municipality_admin') then
			raise exception 'cannot_revoke_own_admin' using errcode = '42501';
		end if;
		raise exception 'membership_not_found' using errcode = 'P0002';
	end if;
end;
$$;
revoke all on function public.revoke_role(uuid) from public;
grant execute on function public.revoke_role(uuid) to authenticated;

select public.add_timestamp_triggers();
