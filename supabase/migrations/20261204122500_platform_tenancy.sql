-- Platform: many municipalities from one deployment (issue 18). Every request is for the
-- municipality its host name names: municipality_hosts maps host names to municipalities, the
-- app resolves the host once per request (municipality_for_host) and tells the database which
-- municipality a request is for (the x-municipality header, read by current_municipality_id()).
-- Platform operators, above the municipalities, are granted only as maintenance.
-- Public lists that took "the first municipality" or Zaanstad by name now take the request's.

-- ---------------------------------------------------------------------------------------------
-- Host names and the municipality's own settings
-- ---------------------------------------------------------------------------------------------

-- A host name without port, lower case, without a trailing dot; it belongs to one municipality.
-- The lowest position is the municipality's own address, used in the links of its mails.
create table public.municipality_hosts (
	host text primary key check (
		char_length(host) between 1 and 253
		and host ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$'
	),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	position smallint not null default 0 check (position between 0 and 99),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index municipality_hosts_municipality_idx on public.municipality_hosts (municipality_id, position);

alter table public.municipality_hosts enable row level security;

-- Host names are public knowledge (they are in DNS); only the platform's functions change them.
create policy "Host names are public" on public.municipality_hosts
	for select to anon, authenticated using (true);

alter table public.municipalities
	add column mail_sender_name text check (mail_sender_name is null or char_length(mail_sender_name) between 2 and 80),
	-- A municipality set up as demonstration data; its pages say so.
	add column is_demo boolean not null default false;

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

alter table public.platform_operators enable row level security;

create policy "Operators see that they are operators" on public.platform_operators
	for select to authenticated using (user_id = (select auth.uid()));

create or replace function public.is_platform_operator() returns boolean language sql stable security definer set search_path = '' as $$
	select exists (select 1 from public.platform_operators o where o.user_id = (select auth.uid()));
$$;
revoke all on function public.is_platform_operator() from public;
grant execute on function public.is_platform_operator() to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Which municipality a request is for
-- ---------------------------------------------------------------------------------------------

-- The oldest municipality: what an API caller without any hint gets (with one municipality, the
-- only one).
create or replace function public.default_municipality_id() returns uuid language sql stable set search_path = '' as $$
	select m.id from public.municipalities m order by m.created_at, m.id limit 1;
$$;
revoke all on function public.default_municipality_id() from public;
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
revoke all on function public.current_municipality_id() from public;
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
			'updated_at', m.updated_at
		)
		from public.municipalities m where m.id = v_id
	);
end;
$$;
revoke all on function public.municipality_for_host(text) from public;
grant execute on function public.municipality_for_host(text) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Sign-up: the account belongs to the municipality of the site it signed up on
-- ---------------------------------------------------------------------------------------------

-- The sign-up form sends the host's municipality slug as metadata; without one (an API caller),
-- the oldest municipality.
create or replace function public.handle_new_user() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid;
	v_meta jsonb := public.auth_user_metadata(new.raw_user_meta_data);
begin
	select id into v_municipality from public.municipalities where slug = v_meta ->> 'municipality';
	if v_municipality is null then
		v_municipality := public.default_municipality_id();
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

-- ---------------------------------------------------------------------------------------------
-- Public lists: the request's municipality
-- ---------------------------------------------------------------------------------------------

create or replace function public.help_board_page(
	p_district_slug text default null,
	p_category text default null,
	p_from date default null,
	p_to date default null,
	p_query text default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb language plpgsql stable security invoker set search_path = '' as $$
declare
	v_municipality uuid := public.current_municipality_id();
	v_district public.districts%rowtype;
	v_districts jsonb;
begin
	perform public.assert_max_length(p_district_slug, 60, 'district');
	perform public.assert_max_length(p_category, 40, 'category');
	perform public.assert_max_length(p_query, 200, 'query');
	select coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'slug', d.slug, 'name', d.name) order by d.name), '[]'::jsonb)
	into v_districts
	from public.districts d
	where d.municipality_id = v_municipality;

	if nullif(trim(p_district_slug), '') is not null then
		select d.* into v_district from public.districts d
		where d.slug = trim(p_district_slug)
			and d.municipality_id = v_municipality;
		if not found then
			return jsonb_build_object('districts', v_districts, 'district', null, 'unknown_district', true,
				'result', jsonb_build_object('total', 0, 'items', '[]'::jsonb));
		end if;
	end if;

	return jsonb_build_object(
		'districts', v_districts,
		'district', case when v_district.id is null then null
			else jsonb_build_object('id', v_district.id, 'slug', v_district.slug, 'name', v_district.name) end,
		'unknown_district', false,
		'result', public.search_help_requests(
			v_district.id, nullif(p_category, ''), p_from, p_to, nullif(trim(p_query), ''), p_limit, p_offset
		)
	);
end;
$$;
revoke all on function public.help_board_page(text, text, date, date, text, integer, integer) from public;
grant execute on function public.help_board_page(text, text, date, date, text, integer, integer) to anon, authenticated;

create or replace function public.search_help_requests(
	p_district_id uuid default null,
	p_category text default null,
	p_from date default null,
	p_to date default null,
	p_query text default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb language plpgsql stable security definer set search_path = ''
-- The open requests fit in memory: random reads cost little more than sequential ones.
set random_page_cost = 1.1 as $$
declare
	c_count_cap constant integer := 500;
	v_query text := nullif(trim(p_query), '');
	v_tsquery tsquery;
	v_where text := 'r.municipality_id = $9 and r.status = ''open'' and r.hidden_at is null
		and coalesce(r.ends_on, r.starts_on, current_date) >= current_date';
	v_result jsonb;
begin
	perform public.assert_max_length(p_category, 40, 'category');
	-- A web search of a few words; thousands of terms once left PGlite unable to answer anything.
	perform public.assert_max_length(p_query, 200, 'query');
	if cardinality(regexp_split_to_array(trim(coalesce(p_query, '')), '\s+')) > 20 then
		raise exception 'search_too_long' using errcode = '22001';
	end if;
	-- The request's municipality ($9) always applies: the board of one site lists only its own.
	-- Only the filters that apply, so each call is planned for its own values. Values are
	-- always passed as parameters ($1..$9), never written into the SQL text.
	if v_query is not null then
		v_tsquery := websearch_to_tsquery('dutch', v_query);
		v_where := v_where || ' and r.search @@ $5';
	end if;
	if p_district_id is not null then
		v_where := v_where || ' and r.district_id = $1';
	end if;
	if p_category is not null then
		v_where := v_where || ' and r.category = $2';
	end if;
	if p_from is not null then
		v_where := v_where || ' and (coalesce(r.ends_on, r.starts_on) is null or coalesce(r.ends_on, r.starts_on) >= $3)';
	end if;
	if p_to is not null then
		v_where := v_where || ' and (r.starts_on is null or r.starts_on <= $4)';
	end if;

	execute format($sql$
		with filtered as not materialized (
			select r.id, r.created_at
			from public.help_requests r
			where %1$s
		),
		counted as (
			select count(*) as n from (select 1 from filtered %2$s) f
		)
		select jsonb_build_object(
			'total', least((select n from counted), $8),
			'more', (select n from counted) > $8,
			'items', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', r.id, 'title', r.title, 'description', r.description, 'category', r.category,
					'district_id', r.district_id, 'district_name', d.name, 'postcode_area', r.postcode_area,
					'when_kind', r.when_kind, 'starts_on', r.starts_on, 'ends_on', r.ends_on,
					'day_part', r.day_part, 'duration_minutes', r.duration_minutes,
					'recurrence', r.recurrence, 'created_at', r.created_at
				) order by p.created_at desc, p.id desc)
				from (
					select f.id, f.created_at from filtered f
					order by f.created_at desc, f.id desc
					limit $6 offset $7
				) p
				join public.help_requests r on r.id = p.id
				join public.districts d on d.id = r.district_id
			), '[]'::jsonb)
		)$sql$, v_where, case when v_query is null then '' else 'limit $8 + 1' end)
	into v_result
	using p_district_id, p_category, p_from, p_to, v_tsquery,
		least(greatest(p_limit, 1), 100), greatest(p_offset, 0),
		case when v_query is null then 2147483646 else c_count_cap end,
		public.current_municipality_id();
	return v_result;
end;
$$;
revoke all on function public.search_help_requests(uuid, text, date, date, text, integer, integer) from public;
grant execute on function public.search_help_requests(uuid, text, date, date, text, integer, integer) to anon, authenticated;

create or replace function public.offers_board_page(
	p_category text default null,
	p_district_id uuid default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb language sql stable security definer set search_path = '' as $$
	with m as (select public.current_municipality_id() as id),
	filtered as (
		select o.* from public.help_offers o
		where o.municipality_id = (select id from m) and o.status = 'open' and o.hidden_at is null
			and (p_category is null or o.category = p_category)
			and (p_district_id is null or o.district_id = p_district_id)
			and not exists (select 1 from public.account_blocks b where b.user_id = o.volunteer_id)
	)
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = (select id from m)
		), '[]'::jsonb),
		'total', (select count(*) from filtered),
		'items', coalesce((
			select jsonb_agg(x.item order by x.created_at desc)
			from (
				select f.created_at, jsonb_build_object(
					'id', f.id, 'title', f.title, 'description', f.description, 'category', f.category,
					'district_name', d.name, 'when_text', f.when_text, 'created_at', f.created_at,
					'volunteer_id', f.volunteer_id,
					'volunteer_name', case
						when p.municipality_id = (select public.my_municipality_id()) then p.display_name
						else split_part(trim(p.display_name), ' ', 1)
					end
				) as item
				from filtered f
				join public.districts d on d.id = f.district_id
				join public.profiles p on p.id = f.volunteer_id
				order by f.created_at desc
				limit least(greatest(p_limit, 1), 100) offset greatest(p_offset, 0)
			) x
		), '[]'::jsonb)
	);
$$;
revoke all on function public.offers_board_page(text, uuid, integer, integer) from public;
grant execute on function public.offers_board_page(text, uuid, integer, integer) to anon, authenticated;

create or replace function public.help_request_by_code(p_code text) returns uuid language plpgsql stable security definer set search_path = '' as $$
begin
	perform public.assert_max_length(p_code, 20, 'code');
	if p_code !~ '^[0-9A-Fa-f]{8}$' then
		return null;
	end if;
	return (
		select r.id from public.help_requests r
		where split_part(r.id::text, '-', 1) = lower(p_code) and r.hidden_at is null
			and r.municipality_id = public.current_municipality_id()
		order by r.created_at desc limit 1
	);
end;
$$;
revoke all on function public.help_request_by_code(text) from public;
grant execute on function public.help_request_by_code(text) to anon, authenticated;

create or replace function public.postcode_location(p_postcode text) returns jsonb
language plpgsql stable security invoker set search_path = '' as $$
declare
	v_clean text;
	v_area smallint;
	v_result jsonb;
begin
	perform public.assert_max_length(p_postcode, 12, 'postcode');
	v_clean := upper(regexp_replace(coalesce(p_postcode, ''), '\s', '', 'g'));
	if v_clean !~ '^[1-9][0-9]{3}([A-Z]{2})?$' then
		return null;
	end if;
	v_area := left(v_clean, 4)::smallint;
	select jsonb_build_object(
		'postcode_area', v_area,
		'latitude', avg(d.latitude),
		'longitude', avg(d.longitude),
		-- The wijk, when the 4 digits belong to exactly one.
		'district_slug', case when count(*) = 1 then min(d.slug) end,
		'district_names', jsonb_agg(d.name order by d.name)
	) into v_result
	from public.districts d
	where d.municipality_id = public.current_municipality_id()
		and v_area = any (d.postcode_areas)
	having count(*) > 0;
	return v_result;
end;
$$;
revoke all on function public.postcode_location(text) from public;
grant execute on function public.postcode_location(text) to anon, authenticated, service_role;

create or replace function public.nearest_community_centres(
	p_latitude double precision,
	p_longitude double precision,
	p_limit integer default 5
) returns table (id uuid, slug text, name text, district_id uuid, distance_m double precision)
language plpgsql stable security invoker set search_path = '' as $$
begin
	if p_latitude is null or p_longitude is null
		or p_latitude not between -90 and 90 or p_longitude not between -180 and 180 then
		raise exception 'invalid_point' using errcode = '22023';
	end if;
	return query
		select c.id, c.slug, c.name, c.district_id,
			public.distance_m(p_latitude, p_longitude, c.latitude, c.longitude) as distance_m
		from public.community_centres c
		where c.municipality_id = public.current_municipality_id()
		order by 5, c.name
		limit least(greatest(coalesce(p_limit, 5), 1), 50);
end;
$$;
revoke all on function public.nearest_community_centres(double precision, double precision, integer) from public;
grant execute on function public.nearest_community_centres(double precision, double precision, integer) to anon, authenticated, service_role;

create or replace function public.community_centre_map(
	p_postcode text default null,
	p_latitude double precision default null,
	p_longitude double precision default null
) returns jsonb language plpgsql stable security invoker set search_path = '' as $$
declare
	v_municipality uuid := public.current_municipality_id();
	v_origin jsonb;
	v_lat double precision;
	v_lng double precision;
	v_unknown boolean := false;
begin
	perform public.assert_max_length(p_postcode, 12, 'postcode');
	if nullif(trim(p_postcode), '') is not null then
		v_origin := public.postcode_location(p_postcode);
		if v_origin is null then
			v_unknown := true;
		else
			v_origin := v_origin || jsonb_build_object('source', 'postcode');
		end if;
	elsif p_latitude is not null and p_longitude is not null then
		if p_latitude not between -90 and 90 or p_longitude not between -180 and 180 then
			raise exception 'invalid_point' using errcode = '22023';
		end if;
		v_origin := jsonb_build_object('source', 'location', 'latitude', p_latitude, 'longitude', p_longitude);
	end if;
	v_lat := (v_origin ->> 'latitude')::double precision;
	v_lng := (v_origin ->> 'longitude')::double precision;

	return jsonb_build_object(
		'origin', v_origin,
		'unknown_postcode', v_unknown,
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', d.id, 'slug', d.slug, 'name', d.name,
				'latitude', d.latitude, 'longitude', d.longitude, 'outline', d.outline
			) order by d.name)
			from public.districts d where d.municipality_id = v_municipality
		), '[]'::jsonb),
		'centres', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', c.id, 'slug', c.slug, 'name', c.name, 'district_id', c.district_id,
				'street_address', c.street_address, 'postcode', c.postcode, 'city', c.city,
				'latitude', c.latitude, 'longitude', c.longitude,
				'accessibility', c.accessibility, 'wheelchair', c.wheelchair,
				'toilets_wheelchair', c.toilets_wheelchair, 'hearing_loop', c.hearing_loop,
				'parking', c.parking, 'opening_hours', c.opening_hours,
				'shares_district_team', c.shares_district_team, 'is_demo', c.is_demo,
				'distance_m', case when v_lat is not null
					then round(public.distance_m(v_lat, v_lng, c.latitude, c.longitude)) end
			) order by
				case when v_lat is not null then public.distance_m(v_lat, v_lng, c.latitude, c.longitude) end,
				c.name)
			from public.community_centres c where c.municipality_id = v_municipality
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.community_centre_map(text, double precision, double precision) from public;
grant execute on function public.community_centre_map(text, double precision, double precision) to anon, authenticated, service_role;

create or replace function public.approved_shops(
	p_municipality_id uuid default null,
	p_district_id uuid default null,
	p_category text default null
) returns jsonb language sql stable security invoker set search_path = '' as $$
	with m as (
		select coalesce(p_municipality_id, public.current_municipality_id()) as id
	)
	select jsonb_build_object(
		'shops', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', s.id, 'name', s.name, 'street_address', s.street_address, 'postcode', s.postcode,
				'city', s.city, 'district_id', s.district_id, 'district_name', d.name,
				'category', s.category, 'description', s.description,
				'latitude', s.latitude, 'longitude', s.longitude
			) order by s.name)
			from public.shops s
			left join public.districts d on d.id = s.district_id
			where s.status = 'approved'
				and s.municipality_id = (select id from m)
				and (p_district_id is null or s.district_id = p_district_id)
				and (p_category is null or s.category = p_category)
				and char_length(coalesce(p_category, '')) <= 40
		), '[]'::jsonb),
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = (select id from m)
		), '[]'::jsonb)
	);
$$;
revoke all on function public.approved_shops(uuid, uuid, text) from public;
grant execute on function public.approved_shops(uuid, uuid, text) to anon, authenticated;

create or replace function public.activity_feed(p_centre_slug text default null, p_district_slug text default null)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.current_municipality_id();
	v_name text := 'Buurthuizen';
	v_centre uuid;
	v_district uuid;
begin
	perform public.assert_max_length(p_centre_slug, 60, 'centre_slug');
	perform public.assert_max_length(p_district_slug, 60, 'district_slug');
	select 'Buurthuizen ' || m.name into v_name from public.municipalities m where m.id = v_municipality;
	if p_centre_slug is not null then
		select c.id, c.name into v_centre, v_name from public.community_centres c where c.slug = p_centre_slug and c.municipality_id = v_municipality;
		if v_centre is null then
			return null;
		end if;
	elsif p_district_slug is not null then
		select d.id, 'Buurthuizen in ' || d.name into v_district, v_name from public.districts d where d.slug = p_district_slug and d.municipality_id = v_municipality;
		if v_district is null then
			return null;
		end if;
	end if;
	return jsonb_build_object(
		'name', v_name,
		'activities', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'title', a.title, 'description', a.description, 'category', a.category,
				'recurrence', a.recurrence, 'starts_at', a.starts_at, 'ends_at', a.ends_at,
				'repeat_until', a.repeat_until, 'series_ends_at', a.series_ends_at,
				'cost_cents', a.cost_cents, 'cancelled', a.cancelled_at is not null,
				'cancel_reason', a.cancel_reason, 'updated_at', a.updated_at,
				'centre_name', c.name, 'centre_slug', c.slug,
				'location', c.name || ', ' || c.street_address || ', ' || c.postcode || ' ' || c.city,
				'latitude', c.latitude, 'longitude', c.longitude,
				'skipped_dates', coalesce((
					select jsonb_agg(e.occurs_on order by e.occurs_on)
					from public.activity_exceptions e where e.activity_id = a.id
				), '[]'::jsonb)
			) order by a.starts_at)
			from (
				select * from public.activities x
				where x.municipality_id = v_municipality and x.published and x.series_ends_at > now() - interval '183 days'
					and x.starts_at < now() + interval '1 year'
					and (v_centre is null or x.community_centre_id = v_centre)
					and (v_district is null or x.district_id = v_district)
				order by x.starts_at desc
				limit 5000
			) a
			join public.community_centres c on c.id = a.community_centre_id
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.activity_feed(text, text) from public;
grant execute on function public.activity_feed(text, text) to anon, authenticated;

create or replace function public.list_activity_occurrences(
	p_from timestamptz,
	p_to timestamptz,
	p_district_id uuid default null,
	p_centre_id uuid default null,
	p_category text default null,
	p_free_only boolean default false,
	p_audience text default null,
	p_municipality_id uuid default null,
	p_activity_id uuid default null,
	p_limit integer default 2000
) returns table (
	activity_id uuid,
	occurs_on date,
	title text,
	description text,
	category text,
	audience text,
	starts_at timestamptz,
	ends_at timestamptz,
	centre_id uuid,
	centre_slug text,
	centre_name text,
	district_id uuid,
	cost_cents integer,
	cancelled boolean,
	cancel_reason text,
	needs_registration boolean,
	max_participants integer,
	registered_count integer,
	social_goal_id uuid
) language plpgsql stable security definer set search_path = '' as $$
begin
	perform public.assert_max_length(p_category, 40, 'category');
	perform public.assert_max_length(p_audience, 40, 'audience');
	if p_from is null or p_to is null or p_to <= p_from then
		return;
	end if;
	if p_to - p_from > interval '400 days' then
		raise exception 'period_too_long' using errcode = '22023';
	end if;
	return query
	select a.id, o.occurs_on, a.title, a.description, a.category, a.audience,
		o.starts_at, o.ends_at, c.id, c.slug, c.name, a.district_id, a.cost_cents,
		a.cancelled_at is not null, a.cancel_reason, a.needs_registration, a.max_participants,
		case when a.needs_registration then coalesce((
			select n.registered_count from public.activity_occurrence_counts n
			where n.activity_id = a.id and n.occurs_on = o.occurs_on
		), 0) else 0 end,
		a.social_goal_id
	from public.activities a
	join public.community_centres c on c.id = a.community_centre_id
	cross join lateral (
		select
			(l.local_start + make_interval(days => 7 * k)) at time zone 'Europe/Amsterdam' as starts_at,
			(l.local_end + make_interval(days => 7 * k)) at time zone 'Europe/Amsterdam' as ends_at,
			(l.local_start + make_interval(days => 7 * k))::date as occurs_on
		from (select a.starts_at at time zone 'Europe/Amsterdam' as local_start,
				a.ends_at at time zone 'Europe/Amsterdam' as local_end) l,
			-- The weeks around the period (one either side for the hour a DST change moves).
			generate_series(
				greatest(0, floor(extract(epoch from (p_from - a.ends_at)) / 604800)::integer - 1),
				case when a.recurrence = 'weekly' then least(
					(a.repeat_until - l.local_start::date) / 7,
					ceil(extract(epoch from (p_to - a.starts_at)) / 604800)::integer + 1
				) else 0 end
			) k
	) o
	where a.published
		and tstzrange(a.starts_at, a.series_ends_at, '[)') && tstzrange(p_from, p_to, '[)')
		and o.starts_at < p_to and o.ends_at > p_from
		and a.municipality_id = coalesce(p_municipality_id, public.current_municipality_id())
		and (p_district_id is null or a.district_id = p_district_id)
		and (p_centre_id is null or a.community_centre_id = p_centre_id)
		and (p_activity_id is null or a.id = p_activity_id)
		and (p_category is null or a.category = p_category)
		and (p_audience is null or a.audience = p_audience)
		and (not coalesce(p_free_only, false) or a.cost_cents = 0)
		-- offset 0 keeps this a per-row lookup in the unique index: as an anti-join the planner
		-- would hash every skipped week ever recorded, a cost that grows with the years of data.
		and not exists (
			select 1 from public.activity_exceptions e
			where e.activity_id = a.id and e.occurs_on = o.occurs_on offset 0
		)
	order by o.starts_at, c.name, a.title
	limit least(greatest(coalesce(p_limit, 2000), 1), 5000);
end;
$$;
revoke all on function public.list_activity_occurrences(timestamptz, timestamptz, uuid, uuid, text, boolean, text, uuid, uuid, integer) from public;
grant execute on function public.list_activity_occurrences(timestamptz, timestamptz, uuid, uuid, text, boolean, text, uuid, uuid, integer) to anon, authenticated;

select public.add_timestamp_triggers();
