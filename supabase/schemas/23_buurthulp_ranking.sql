-- Buurthulp board, search and ranking: the board's text search, "Voor jou" (requests ranked for a
-- volunteer: distance, category fit, availability overlap, urgency), the volunteers suggested for
-- a request, and the coordinators' view of who is near their maximum.

-- A suggestion while the ranking is being built.
create type public.voor_jou_candidate as (
	id uuid,
	score numeric,
	starts_on date,
	created_at timestamptz,
	distance_km double precision,
	category_fit boolean,
	available boolean
);

-- The board and its text search. PL/pgSQL that builds only the filters that apply (EXECUTE plans
-- with the real values; a SQL function with catch-all filters is planned without them and could
-- use no index), with the tsquery computed once. A text search costs about the same however many
-- open requests match: it lists matches newest first, like the board itself, so the planner
-- walks the newest open requests and stops at the page (ranking every match by ts_rank cost three
-- times as much among 30,000 open requests as among 3,000), and it counts matches up to 500,
-- after which the page says "more than 500" and asks for a sharper search. Without a search word
-- the count stays exact (an index-only count of open requests).

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

-- "Voor jou" for one volunteer: the page (suggest_requests_for_me) and the request alert mails
-- (29_buurthulp_alerts.sql) rank with this one function, so a mail never suggests what
-- the page would not. Not callable through the API: it takes anyone's id.
create or replace function public.suggest_requests_for(p_user_id uuid, p_limit integer default 20) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_all_categories constant text[] := array[
		'groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other'
	];
	v_limit integer := least(greatest(p_limit, 1), 50);
	v_me public.volunteer_profiles%rowtype;
	v_active integer;
	v_lat double precision;
	v_lng double precision;
	v_cos double precision;
	v_dlat double precision;
	v_dlng double precision;
	v_skip uuid[];
	v_group record;
	v_pool public.voor_jou_candidate[] := '{}';
	-- The score of the v_limit-th best suggestion so far; null while there are fewer.
	v_last numeric;
	v_items jsonb;
	-- Requests for a vulnerable person are for verified volunteers only (issue 20).
	v_verified boolean;
begin
	select * into v_me from public.volunteer_profiles where user_id = p_user_id;
	if not found then
		return jsonb_build_object('status', 'no_profile', 'items', '[]'::jsonb);
	end if;
	v_active := public.active_match_count(v_me.user_id);
	if v_me.is_paused then
		return jsonb_build_object('status', 'paused', 'active', v_active, 'max', v_me.max_active_matches, 'items', '[]'::jsonb);
	end if;
	if v_active >= v_me.max_active_matches then
		return jsonb_build_object('status', 'at_capacity', 'active', v_active, 'max', v_me.max_active_matches, 'items', '[]'::jsonb);
	end if;
	v_verified := public.is_verified_volunteer(v_me.user_id);
	select latitude, longitude into v_lat, v_lng from public.districts where id = v_me.home_district_id;
	v_cos := cos(radians(v_lat));
	v_dlat := v_me.radius_km / 111.2;
	v_dlng := v_me.radius_km / (111.2 * v_cos);
	-- The requests this volunteer reacted to and their own: a handful of ids, left out up front.
	select coalesce(array_agg(x.request_id), '{}') into v_skip
		from public.responses x where x.volunteer_id = v_me.user_id;
	v_skip := v_skip || array(
		select r.id from public.help_requests r
		where r.created_by = v_me.user_id or r.requester_id = v_me.user_id
	);

	for v_group in
		with near as (
			select d.id,
				111.2 * sqrt((p.lat - v_lat) * (p.lat - v_lat) + ((p.lng - v_lng) * v_cos) * ((p.lng - v_lng) * v_cos))
					as distance_km
			from public.districts d
			cross join lateral (
				select round(d.latitude::numeric, 2)::double precision as lat,
					round(d.longitude::numeric, 2)::double precision as lng
			) p
			where d.municipality_id = v_me.municipality_id
				and (d.id = any (v_me.district_ids)
					or (p.lat between v_lat - v_dlat and v_lat + v_dlat
						and p.lng between v_lng - v_dlng and v_lng + v_dlng))
		),
		groups as (
			select n.id as district_id, c.category, n.distance_km,
				greatest(0, 1 - n.distance_km / greatest(v_me.radius_km, 1)) as distance_score,
				case when cardinality(v_me.categories) = 0 or c.category = any (v_me.categories) then 1 else 0 end
					as category_score
			from near n cross join unnest(v_all_categories) c(category)
		)
		select g.*,
			-- What the best possible request of this group would score (+0.0001 against float noise).
			round((0.35 * g.distance_score + 0.30 * g.category_score + 0.35)::numeric, 4) + 0.0001 as ceiling
		from groups g
		order by ceiling desc
	loop
		-- Groups come best first: once the suggestions so far beat this ceiling, they beat every
		-- later group's too.
		exit when v_last is not null and v_last > v_group.ceiling;

		v_pool := array(
			select (c.id, c.score, c.starts_on, c.created_at, c.distance_km, c.category_fit, c.available)::public.voor_jou_candidate
			from (
				select p.* from unnest(v_pool) p
				union all
				select x.id,
					round((0.35 * v_group.distance_score + 0.30 * v_group.category_score + 0.20 * x.available::int
						+ 0.15 * (case when x.starts_on is null then 0.3
							else least(1, greatest(0, 1 - (x.starts_on - current_date) / 14.0)) end))::numeric, 4),
					x.starts_on, x.created_at, v_group.distance_km, v_group.category_score = 1, x.available
				from (
					-- Each of these four runs down the group index in ranking order and stops at
					-- v_limit: a group's best v_limit are among their union.
					(select r.id, r.starts_on, r.created_at, true as available from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is not null and coalesce(r.ends_on, r.starts_on) >= current_date
							and (r.availability_mask & v_me.availability_mask) <> 0 and r.id <> all (v_skip)
							and (v_verified or not r.is_vulnerable)
						order by r.starts_on, r.created_at, r.id limit v_limit)
					union all
					(select r.id, r.starts_on, r.created_at, false from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is not null and coalesce(r.ends_on, r.starts_on) >= current_date
							and (r.availability_mask & v_me.availability_mask) = 0 and r.id <> all (v_skip)
							and (v_verified or not r.is_vulnerable)
						order by r.starts_on, r.created_at, r.id limit v_limit)
					union all
					(select r.id, r.starts_on, r.created_at, true from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is null
							and (r.availability_mask & v_me.availability_mask) <> 0 and r.id <> all (v_skip)
							and (v_verified or not r.is_vulnerable)
						order by r.created_at, r.id limit v_limit)
					union all
					(select r.id, r.starts_on, r.created_at, false from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is null
							and (r.availability_mask & v_me.availability_mask) = 0 and r.id <> all (v_skip)
							and (v_verified or not r.is_vulnerable)
						order by r.created_at, r.id limit v_limit)
				) x
			) c
			order by c.score desc, c.starts_on nulls last, c.created_at, c.id
			limit v_limit
		);
		if cardinality(v_pool) = v_limit then
			v_last := v_pool[v_limit].score;
		end if;
	end loop;

	select coalesce(jsonb_agg(jsonb_build_object(
			'id', r.id, 'title', r.title, 'description', r.description, 'category', r.category,
			'district_id', r.district_id, 'district_name', d.name, 'when_kind', r.when_kind,
			'starts_on', r.starts_on, 'ends_on', r.ends_on, 'day_part', r.day_part,
			'duration_minutes', r.duration_minutes, 'distance_km', round(k.distance_km::numeric, 1),
			'score', k.score, 'category_fit', k.category_fit, 'available', k.available
		) order by k.ord), '[]'::jsonb)
	into v_items
	from unnest(v_pool) with ordinality k (id, score, starts_on, created_at, distance_km, category_fit, available, ord)
	join public.help_requests r on r.id = k.id
	join public.districts d on d.id = r.district_id;

	return jsonb_build_object('status', 'ok', 'active', v_active, 'max', v_me.max_active_matches, 'items', v_items);
end;
$$;
revoke all on function public.suggest_requests_for(uuid, integer) from public, anon, authenticated;

create or replace function public.suggest_requests_for_me(p_limit integer default 20) returns jsonb language sql stable security definer set search_path = '' as $$
	select public.suggest_requests_for((select auth.uid()), p_limit);
$$;
revoke all on function public.suggest_requests_for_me(integer) from public;
grant execute on function public.suggest_requests_for_me(integer) to authenticated;

-- For a coordinator: volunteers ranked the same way for one request, leaving out paused
-- volunteers, those at their maximum, and those who already reacted.
create or replace function public.suggest_volunteers_for_request(p_request_id uuid, p_limit integer default 10)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
	v_items jsonb;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.has_role('coordinator', v_request.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	with volunteers as (
		select v.*, p.display_name, d.latitude as lat, d.longitude as lng,
			public.active_match_count(v.user_id) as active
		from public.volunteer_profiles v
		join public.profiles p on p.id = v.user_id
		join public.districts d on d.id = v.home_district_id
		where v.municipality_id = v_request.municipality_id
			and not v.is_paused
			and v.user_id is distinct from v_request.requester_id
			and v.user_id <> v_request.created_by
			and not exists (select 1 from public.account_blocks b where b.user_id = v.user_id)
			and not exists (
				select 1 from public.responses x where x.request_id = p_request_id and x.volunteer_id = v.user_id
			)
			and (not v_request.is_vulnerable or public.is_verified_volunteer(v.user_id))
	),
	scored as (
		select w.*,
			111.2 * sqrt(power(v_request.latitude - w.lat, 2)
				+ power((v_request.longitude - w.lng) * cos(radians(w.lat)), 2)) as distance_km
		from volunteers w
		where w.active < w.max_active_matches
	),
	ranked as (
		select s.*,
			round((0.35 * greatest(0, 1 - s.distance_km / greatest(s.radius_km, 1))
				+ 0.30 * (case when cardinality(s.categories) = 0 or v_request.category = any (s.categories) then 1 else 0 end)
				+ 0.20 * (case when (v_request.availability_mask & s.availability_mask) <> 0 then 1 else 0 end)
				+ case when v_request.district_id = any (s.district_ids) then 0.15 else 0 end)::numeric, 4) as score
		from scored s
		order by score desc, s.active, s.display_name
		limit least(greatest(p_limit, 1), 50)
	)
	select coalesce(jsonb_agg(jsonb_build_object(
		'volunteer_id', r.user_id, 'display_name', r.display_name, 'score', r.score,
		'distance_km', round(r.distance_km::numeric, 1), 'active', r.active, 'max', r.max_active_matches
	) order by r.score desc, r.active, r.display_name), '[]'::jsonb)
	into v_items from ranked r;
	return v_items;
end;
$$;
revoke all on function public.suggest_volunteers_for_request(uuid, integer) from public;
grant execute on function public.suggest_volunteers_for_request(uuid, integer) to authenticated;

-- For coordinators: who is at or near their maximum ("pas op voor overbelasting").
create or replace function public.volunteer_load() returns jsonb language sql stable security definer set search_path = '' as $$
	select coalesce(jsonb_agg(jsonb_build_object(
		'volunteer_id', v.user_id, 'display_name', p.display_name, 'active', a.active,
		'max', v.max_active_matches, 'paused', v.is_paused
	) order by a.active::numeric / v.max_active_matches desc, p.display_name), '[]'::jsonb)
	from public.volunteer_profiles v
	join public.profiles p on p.id = v.user_id
	cross join lateral (select public.active_match_count(v.user_id) as active) a
	where public.has_role('coordinator', v.municipality_id)
		and a.active >= v.max_active_matches - 1;
$$;
revoke all on function public.volunteer_load() from public;
grant execute on function public.volunteer_load() to authenticated;
