-- Platform: many municipalities from one deployment (issue 18). Which municipality a request is
-- for (its host name: municipality_hosts, asked once per host by the app's tenant handle), how SQL
-- scopes public lists to it (current_municipality_id, from the x-municipality header the app
-- sends). The platform operators are in 02_platform_roles.sql.

-- ---------------------------------------------------------------------------------------------
-- Host names
-- ---------------------------------------------------------------------------------------------

-- A host name without port, lower case, without a trailing dot; it belongs to one municipality.
-- The lowest position is the municipality's own address, used in the links of its mails.
create table public.municipality_hosts (
	host text primary key check (
		char_length(host) <= 253
		and host ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$'
	),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	position smallint not null default 0 check (position between 0 and 99),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger municipality_hosts_set_timestamps before insert or update on public.municipality_hosts
	for each row execute function public.set_timestamps();

create index municipality_hosts_municipality_idx on public.municipality_hosts (municipality_id, position);

alter table public.municipality_hosts enable row level security;

-- Host names are public knowledge (they are in DNS); only the platform's functions change them.
create policy "Host names are public" on public.municipality_hosts
	for select to anon, authenticated using (true);

-- ---------------------------------------------------------------------------------------------
-- Which municipality a request is for
-- ---------------------------------------------------------------------------------------------

-- The oldest municipality: what an API caller without any hint gets (with one municipality, the
-- only one).
create or replace function public.default_municipality_id() returns uuid language sql stable set search_path = '' as $$
	select m.id from public.municipalities m order by m.created_at, m.id limit 1;
$$;
revoke all on function public.default_municipality_id() from public, anon, authenticated, service_role;
grant execute on function public.default_municipality_id() to anon, authenticated, service_role;

-- The municipality public lists are scoped to: a signed-in person's own; else the one the app
-- named in the x-municipality header (the host's); else the oldest. Not an authorization check:
-- any API caller can send the header, which is the same as visiting that municipality's site.
create or replace function public.current_municipality_id() returns uuid language sql stable security definer set search_path = '' as $$
	select coalesce(
		public.my_municipality_id(),
		(
			select m.id from public.municipalities m
			where m.id::text = lower(nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-municipality')
		),
		public.default_municipality_id()
	);
$$;
revoke all on function public.current_municipality_id() from public, anon, authenticated, service_role;
grant execute on function public.current_municipality_id() to anon, authenticated, service_role;

-- What the app's hook asks once per host (and caches): the municipality serving this host name,
-- or null. With a single municipality every host serves it (a fresh install needs no host names).
create or replace function public.municipality_for_host(p_host text) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_host text;
	v_id uuid;
begin
	perform public.assert_max_length(p_host, 300, 'host');
	v_host := rtrim(lower(trim(coalesce(p_host, ''))), '.');
	select h.municipality_id into v_id from public.municipality_hosts h where h.host = v_host;
	if v_id is null and (select count(*) from public.municipalities) = 1 then
		v_id := public.default_municipality_id();
	end if;
	if v_id is null then
		return null;
	end if;
	return (
		select jsonb_build_object(
			'id', m.id, 'slug', m.slug, 'name', m.name,
			'coordinator_phone', m.coordinator_phone,
			'mail_sender_name', coalesce(m.mail_sender_name, 'Buurtkracht ' || m.name),
			'is_demo', m.is_demo,
			'primary_host', (
				select h.host from public.municipality_hosts h
				where h.municipality_id = m.id order by h.position, h.host limit 1
			),
			'updated_at', m.updated_at,
			-- The look's version (its stylesheet's cache key) and whether there is a logo.
			'look_version', (select floor(extract(epoch from l.updated_at))::bigint from public.municipality_looks l where l.municipality_id = m.id),
			'has_logo', exists (select 1 from public.municipality_looks l where l.municipality_id = m.id and l.logo is not null)
		)
		from public.municipalities m where m.id = v_id
	);
end;
$$;
revoke all on function public.municipality_for_host(text) from public, anon, authenticated, service_role;
grant execute on function public.municipality_for_host(text) to anon, authenticated, service_role;
