-- Platform roles: memberships with a scope, and the has_role check every policy uses. A role is a
-- row, granted by the municipality's admin (role_admin_page, grant_role_by_email in
-- 08_platform_account.sql), never a claim in app_metadata.

-- ---------------------------------------------------------------------------------------------
-- Roles: memberships and has_role
-- ---------------------------------------------------------------------------------------------

-- Closed value lists are Postgres enums, so they are written once and the generated TypeScript
-- types carry them (Constants.public.Enums). Columns keep the type text with a CHECK against the
-- enum: the SQL functions take and compare plain text, and a new value is one ALTER TYPE ... ADD
-- VALUE away.
create type public.membership_role as enum (
	'municipality_admin', 'coordinator', 'caseworker', 'shop_staff', 'board_member', 'privacy_officer'
);

-- Roles live here, never in app_metadata: the embedded Supabase has no auth admin API.

create table public.memberships (
	id uuid primary key default gen_random_uuid(),
	user_id uuid not null references auth.users (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	role text not null check (role = any (enum_range(null::public.membership_role)::text[])),
	-- The shop for shop_staff; its foreign key arrives with the shops table (33_mantelzorg_shops.sql).
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

create trigger memberships_set_timestamps before insert or update on public.memberships
	for each row execute function public.set_timestamps();

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

-- What the board manages (opening hours, accessibility, contact, the wijkteam note) it changes
-- itself; a buurthuis's name, slug, wijk, location and address are the municipality admin's
-- (issue 16.10). Column grants do not hold on the embedded Supabase, so a trigger decides for
-- every API caller; security definer functions and maintenance (not anon/authenticated) pass.
create or replace function public.community_centres_guard_placement() returns trigger language plpgsql set search_path = '' as $$
begin
	if current_user not in ('anon', 'authenticated') then
		return new;
	end if;
	if new.municipality_id is distinct from old.municipality_id then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if (new.name, new.slug, new.district_id, new.latitude, new.longitude, new.street_address,
			new.postcode, new.city, new.is_demo, new.archived_at)
		is distinct from (old.name, old.slug, old.district_id, old.latitude, old.longitude,
			old.street_address, old.postcode, old.city, old.is_demo, old.archived_at)
		and not public.has_role('municipality_admin', old.municipality_id)
	then
		raise exception 'only_admin_moves_centre' using errcode = '42501';
	end if;
	return new;
end;
$$;
revoke all on function public.community_centres_guard_placement() from public, anon, authenticated;

create trigger community_centres_guard_placement before update on public.community_centres
	for each row execute function public.community_centres_guard_placement();

-- ---------------------------------------------------------------------------------------------
-- Platform operators: run the deployment, create municipalities
-- ---------------------------------------------------------------------------------------------

-- Granted only by maintenance (npm run platform:operator -- <email>, as the database owner);
-- there is no policy for writes, so no API call can make anyone an operator.
create table public.platform_operators (
	user_id uuid primary key references auth.users (id) on delete cascade,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger platform_operators_set_timestamps before insert or update on public.platform_operators
	for each row execute function public.set_timestamps();

alter table public.platform_operators enable row level security;

create policy "Operators see that they are operators" on public.platform_operators
	for select to authenticated using (user_id = (select auth.uid()));

create or replace function public.is_platform_operator() returns boolean language sql stable security definer set search_path = '' as $$
	select exists (select 1 from public.platform_operators o where o.user_id = (select auth.uid()));
$$;
revoke all on function public.is_platform_operator() from public, anon, authenticated, service_role;
grant execute on function public.is_platform_operator() to anon, authenticated, service_role;
