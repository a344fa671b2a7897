-- Buurthulp, part 3: the public board with search, "Voor jou" for volunteers, and suggested
-- volunteers for coordinators. Each is one function, so a page needs one call, and each reads
-- only open, visible requests through the partial indexes.

create index help_requests_open_location_idx on public.help_requests (latitude, longitude)
	where status = 'open' and hidden_at is null;

-- The public board: open requests without personal data, filtered, searched (Dutch full text)
-- and paginated. Returns { total, items }. security definer: it is the anonymous board's only way
-- in, and it returns public fields of open, visible requests only.
create or replace function public.search_help_requests(
	p_district_id uuid default null,
	p_category text default null,
	p_from date default null,
	p_to date default null,
	p_query text default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	with filtered as (
		select r.id, r.title, r.description, r.category, r.district_id, r.postcode_area,
			r.when_kind, r.starts_on, r.ends_on, r.day_part, r.duration_minutes, r.recurrence, r.created_at,
			case when nullif(trim(p_query), '') is null then 0
				else ts_rank(r.search, websearch_to_tsquery('dutch', p_query)) end as rank
		from public.help_requests r
		where r.status = 'open' and r.hidden_at is null
			and coalesce(r.ends_on, r.starts_on, current_date) >= current_date
			and (p_district_id is null or r.district_id = p_district_id)
			and (p_category is null or r.category = p_category)
			and (p_from is null or coalesce(r.ends_on, r.starts_on) is null or coalesce(r.ends_on, r.starts_on) >= p_from)
			and (p_to is null or r.starts_on is null or r.starts_on <= p_to)
			and (nullif(trim(p_query), '') is null or r.search @@ websearch_to_tsquery('dutch', p_query))
	),
	page as (
		select f.* from filtered f
		order by f.rank desc, f.created_at desc
		limit least(greatest(p_limit, 1), 100) offset greatest(p_offset, 0)
	)
	select jsonb_build_object(
		'total', (select count(*) from filtered),
		'items', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', p.id, 'title', p.title, 'description', p.description, 'category', p.category,
				'district_id', p.district_id, 'district_name', d.name, 'postcode_area', p.postcode_area,
				'when_kind', p.when_kind, 'starts_on', p.starts_on, 'ends_on', p.ends_on,
				'day_part', p.day_part, 'duration_minutes', p.duration_minutes,
				'recurrence', p.recurrence, 'created_at', p.created_at
			) order by p.rank desc, p.created_at desc)
			from page p join public.districts d on d.id = p.district_id
		), '[]'::jsonb)
	);
$$;
revoke all on function public.search_help_requests(uuid, text, date, date, text, integer, integer) from public;
grant execute on function public.search_help_requests(uuid, text, date, date, text, integer, integer) to anon, authenticated;

-- "Voor jou": open requests ranked for the signed-in volunteer by distance, category fit,
-- availability overlap and urgency, leaving out requests they reacted to. A paused volunteer or
-- one at their maximum of active matches gets no suggestions, and the status says why.
create or replace function public.suggest_requests_for_me(p_limit integer default 20) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_me public.volunteer_profiles%rowtype;
	v_lat double precision;
	v_lng double precision;
	v_active integer;
	v_dlat double precision;
	v_dlng double precision;
	v_items jsonb;
begin
	select * into v_me from public.volunteer_profiles where user_id = (select auth.uid());
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
	select latitude, longitude into v_lat, v_lng from public.districts where id = v_me.home_district_id;
	v_dlat := v_me.radius_km / 111.2;
	v_dlng := v_me.radius_km / (111.2 * cos(radians(v_lat)));

	with candidates as (
		select r.*,
			111.2 * sqrt(power(r.latitude - v_lat, 2) + power((r.longitude - v_lng) * cos(radians(v_lat)), 2)) as distance_km
		from public.help_requests r
		where r.status = 'open' and r.hidden_at is null
			and r.municipality_id = v_me.municipality_id
			and coalesce(r.ends_on, r.starts_on, current_date) >= current_date
			and r.created_by <> v_me.user_id
			and r.requester_id is distinct from v_me.user_id
			and (r.district_id = any (v_me.district_ids)
				or (r.latitude between v_lat - v_dlat and v_lat + v_dlat
					and r.longitude between v_lng - v_dlng and v_lng + v_dlng))
			and not exists (
				select 1 from public.responses x where x.request_id = r.id and x.volunteer_id = v_me.user_id
			)
	),
	scored as (
		select c.*,
			greatest(0, 1 - c.distance_km / greatest(v_me.radius_km, 1)) as distance_score,
			case when cardinality(v_me.categories) = 0 or c.category = any (v_me.categories) then 1 else 0 end as category_score,
			case when (c.availability_mask & v_me.availability_mask) <> 0 then 1 else 0 end as availability_score,
			case when c.starts_on is null then 0.3
				else greatest(0, 1 - (c.starts_on - current_date) / 14.0) end as urgency_score
		from candidates c
	),
	ranked as (
		select s.*,
			round((0.35 * s.distance_score + 0.30 * s.category_score + 0.20 * s.availability_score
				+ 0.15 * s.urgency_score)::numeric, 4) as score
		from scored s
		order by score desc, s.starts_on nulls last, s.created_at
		limit least(greatest(p_limit, 1), 50)
	)
	select coalesce(jsonb_agg(jsonb_build_object(
		'id', r.id, 'title', r.title, 'description', r.description, 'category', r.category,
		'district_id', r.district_id, 'district_name', d.name, 'when_kind', r.when_kind,
		'starts_on', r.starts_on, 'ends_on', r.ends_on, 'day_part', r.day_part,
		'duration_minutes', r.duration_minutes, 'distance_km', round(r.distance_km::numeric, 1),
		'score', r.score, 'category_fit', r.category_score = 1, 'available', r.availability_score = 1
	) order by r.score desc, r.starts_on nulls last, r.created_at), '[]'::jsonb)
	into v_items
	from ranked r join public.districts d on d.id = r.district_id;

	return jsonb_build_object('status', 'ok', 'active', v_active, 'max', v_me.max_active_matches, 'items', v_items);
end;
$$;
revoke all on function public.suggest_requests_for_me(integer) from public;
grant execute on function public.suggest_requests_for_me(integer) to authenticated;

-- For a coordinator: volunteers ranked the same way for one request, leaving out paused
-- volunteers, those at their maximum, and those who already reacted.
create or replace function public.suggest_volunteers_for_request(p_request_id uuid, p_limit integer default 10)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
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
create or replace function public.volunteer_load() returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
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
