-- Buurthulp performance (issue 3, `npm run bench:match`): the board, the search and "Voor jou" at
-- 100,000 requests of which 30,000 open. Same signatures and answers as in 20261122110200; only
-- how they get there changes.
--
-- Why:
-- * search_help_requests was a SQL function with catch-all filters ("p_district_id is null or
--   r.district_id = p_district_id"). SQL functions are planned without the argument values, so
--   no filter could use an index: every call read all open requests from the heap, and the
--   text search evaluated websearch_to_tsquery and @@ row by row (p95 ≈ 100 ms). It is now
--   PL/pgSQL building only the filters that apply (EXECUTE plans with the real values), with the
--   tsquery computed once: matches come from the GIN index once and are both counted and ranked;
--   without a text query the count and the page are index-only scans of the indexes below.
-- * suggest_requests_for_me sorted every candidate with all its columns (an external merge sort
--   on disk) before leaving out the requests the volunteer reacted to, and computed the score in
--   numeric for every candidate. It now scores narrow rows from a covering index, excludes the
--   reacted-to and own requests up front (a handful of ids), pre-ranks in float and computes
--   the exact (numeric, rounded) score only for the best 200, and reads the full rows of the
--   20 it returns. Same answer (see the comment in the function).

-- Covering partial indexes: the count of matches and the choice of a page are index-only scans
-- over open, visible requests, so closed requests never cost anything.
create index help_requests_open_category_idx on public.help_requests (category, district_id)
	include (created_at, starts_on, ends_on)
	where status = 'open' and hidden_at is null;
create index help_requests_open_district_cover_idx on public.help_requests (district_id)
	include (category, created_at, starts_on, ends_on)
	where status = 'open' and hidden_at is null;
create index help_requests_open_recent_idx on public.help_requests (created_at desc)
	include (starts_on, ends_on, district_id, category)
	where status = 'open' and hidden_at is null;
-- Everything the ranking needs, so scoring candidates reads no table pages.
-- Keyed by category too: most volunteers' best matches are in their own categories (below).
create index help_requests_open_ranking_idx on public.help_requests (municipality_id, category)
	include (id, latitude, longitude, district_id, availability_mask, starts_on, ends_on, created_at)
	where status = 'open' and hidden_at is null;

create or replace function public.search_help_requests(
	p_district_id uuid default null,
	p_category text default null,
	p_from date default null,
	p_to date default null,
	p_query text default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
-- The open requests fit in memory; with the default 4 the planner preferred walking a whole
-- partial b-tree index over the GIN index for common words (25 ms instead of 5 ms).
set random_page_cost = 1.1
as $$
declare
	v_query text := nullif(trim(p_query), '');
	v_tsquery tsquery;
	v_where text := 'r.status = ''open'' and r.hidden_at is null
		and coalesce(r.ends_on, r.starts_on, current_date) >= current_date';
	v_rank text := '0::real';
	v_result jsonb;
begin
	-- Only the filters that apply, so each call is planned for its own values. Values are
	-- always passed as parameters ($1..$7), never written into the SQL text.
	if v_query is not null then
		v_tsquery := websearch_to_tsquery('dutch', v_query);
		v_where := v_where || ' and r.search @@ $5';
		v_rank := 'ts_rank(r.search, $5)';
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

	-- With a text query the matches are found once (GIN index) and both counted and ranked;
	-- without one, the count and the page are separate index-only scans.
	execute format($sql$
		with filtered as %3$s (
			select r.id, r.created_at, %2$s as rank
			from public.help_requests r
			where %1$s
		)
		select jsonb_build_object(
			'total', (select count(*) from filtered),
			'items', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', r.id, 'title', r.title, 'description', r.description, 'category', r.category,
					'district_id', r.district_id, 'district_name', d.name, 'postcode_area', r.postcode_area,
					'when_kind', r.when_kind, 'starts_on', r.starts_on, 'ends_on', r.ends_on,
					'day_part', r.day_part, 'duration_minutes', r.duration_minutes,
					'recurrence', r.recurrence, 'created_at', r.created_at
				) order by p.rank desc, p.created_at desc)
				from (
					select f.id, f.created_at, f.rank from filtered f
					order by f.rank desc, f.created_at desc
					limit $6 offset $7
				) p
				join public.help_requests r on r.id = p.id
				join public.districts d on d.id = r.district_id
			), '[]'::jsonb)
		)$sql$, v_where, v_rank, case when v_query is null then 'not materialized' else 'materialized' end)
	into v_result
	using p_district_id, p_category, p_from, p_to, v_tsquery,
		least(greatest(p_limit, 1), 100), greatest(p_offset, 0);
	return v_result;
end;
$$;
revoke all on function public.search_help_requests(uuid, text, date, date, text, integer, integer) from public;
grant execute on function public.search_help_requests(uuid, text, date, date, text, integer, integer) to anon, authenticated;

create or replace function public.suggest_requests_for_me(p_limit integer default 20) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
-- Planned for each volunteer's own values (categories, box), and for data that fits in memory:
-- a cached generic plan read all open requests from the table instead of the covering index.
set plan_cache_mode = force_custom_plan
set random_page_cost = 1.1
as $$
declare
	v_me public.volunteer_profiles%rowtype;
	v_lat double precision;
	v_lng double precision;
	v_cos double precision;
	v_active integer;
	v_dlat double precision;
	v_dlng double precision;
	v_limit integer := least(greatest(p_limit, 1), 50);
	v_skip uuid[];
	-- The categories to read; first only the volunteer's own (see below), then all.
	v_all_categories text[] := array['groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other'];
	v_categories text[];
	-- How many rows the float pre-ranking keeps; null = all (the exact fallback below).
	v_pre integer := 200;
	v_pre_count integer;
	v_pre_floor double precision;
	v_last numeric;
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
	v_cos := cos(radians(v_lat));
	v_dlat := v_me.radius_km / 111.2;
	v_dlng := v_me.radius_km / (111.2 * v_cos);
	-- Left out before ranking instead of row by row: the requests this volunteer reacted to and
	-- their own requests (a handful of ids, found through their own indexes).
	select coalesce(array_agg(x.request_id), '{}') into v_skip
		from public.responses x where x.volunteer_id = v_me.user_id;
	v_skip := v_skip || array(
		select r.id from public.help_requests r
		where r.created_by = v_me.user_id or r.requester_id = v_me.user_id
	);

	-- Two shortcuts, each undone when it could change the answer, so the answer is always the
	-- one of the full ranking:
	-- 1. Only requests in the volunteer's categories are read first. Any other request scores at
	--    most 0.70 (no category points), so when the last of the answer scores above 0.70 none of
	--    them could have been in it; otherwise all categories are read.
	-- 2. The score is rounded to 4 decimals as numeric and ties go by date; numeric arithmetic on
	--    every candidate was most of the cost. So candidates are pre-ranked by the same score in
	--    float, the best v_pre are scored exactly, and if the pre-ranking could have cut off a
	--    row that belongs in the answer (its float score within 0.0001 of the last one shown),
	--    the exact ranking runs over all candidates.
	v_categories := case when cardinality(v_me.categories) = 0 then v_all_categories else v_me.categories end;
	loop
		with candidates as (
			-- Narrow rows from help_requests_open_ranking_idx (index-only).
			select r.id, r.category, r.availability_mask, r.starts_on, r.created_at,
				111.2 * sqrt((r.latitude - v_lat) * (r.latitude - v_lat)
					+ ((r.longitude - v_lng) * v_cos) * ((r.longitude - v_lng) * v_cos)) as distance_km
			from public.help_requests r
			where r.status = 'open' and r.hidden_at is null
				and r.municipality_id = v_me.municipality_id
				and r.category = any (v_categories)
				and coalesce(r.ends_on, r.starts_on, current_date) >= current_date
				and (r.district_id = any (v_me.district_ids)
					or (r.latitude between v_lat - v_dlat and v_lat + v_dlat
						and r.longitude between v_lng - v_dlng and v_lng + v_dlng))
				and r.id <> all (v_skip)
		),
		scored as (
			select c.*,
				greatest(0, 1 - c.distance_km / greatest(v_me.radius_km, 1)) as distance_score,
				case when cardinality(v_me.categories) = 0 or c.category = any (v_me.categories) then 1 else 0 end as category_score,
				case when (c.availability_mask & v_me.availability_mask) <> 0 then 1 else 0 end as availability_score
			from candidates c
		),
		pre as materialized (
			select s.*,
				0.35::float8 * s.distance_score + 0.30::float8 * s.category_score
					+ 0.20::float8 * s.availability_score
					+ case when s.starts_on is null then 0.045::float8
						else greatest(0::float8, 0.15::float8 - (s.starts_on - current_date) * (0.15::float8 / 14)) end
					as fast_score
			from scored s
			order by fast_score desc
			limit v_pre
		),
		ranked as (
			-- The original ranking, exactly: numeric rounding and the same tie-breakers.
			select p.id, p.distance_km, p.category_score, p.availability_score, p.starts_on, p.created_at,
				round((0.35 * p.distance_score + 0.30 * p.category_score + 0.20 * p.availability_score
					+ 0.15 * (case when p.starts_on is null then 0.3
						else greatest(0, 1 - (p.starts_on - current_date) / 14.0) end))::numeric, 4) as score
			from pre p
			order by score desc, p.starts_on nulls last, p.created_at
			limit v_limit
		)
		select coalesce(jsonb_agg(jsonb_build_object(
				'id', r.id, 'title', r.title, 'description', r.description, 'category', r.category,
				'district_id', r.district_id, 'district_name', d.name, 'when_kind', r.when_kind,
				'starts_on', r.starts_on, 'ends_on', r.ends_on, 'day_part', r.day_part,
				'duration_minutes', r.duration_minutes, 'distance_km', round(k.distance_km::numeric, 1),
				'score', k.score, 'category_fit', k.category_score = 1, 'available', k.availability_score = 1
			) order by k.score desc, k.starts_on nulls last, k.created_at), '[]'::jsonb),
			min(k.score),
			(select count(*) from pre),
			(select min(fast_score) from pre)
		into v_items, v_last, v_pre_count, v_pre_floor
		from ranked k
		join public.help_requests r on r.id = k.id
		join public.districts d on d.id = r.district_id;

		if v_categories <> v_all_categories
			and (jsonb_array_length(v_items) < v_limit or v_last <= 0.70) then
			v_categories := v_all_categories;
		elsif v_pre is not null and v_pre_count = v_pre and v_pre_floor >= v_last - 0.0001 then
			v_pre := null;
		else
			exit;
		end if;
	end loop;

	return jsonb_build_object('status', 'ok', 'active', v_active, 'max', v_me.max_active_matches, 'items', v_items);
end;
$$;
revoke all on function public.suggest_requests_for_me(integer) from public;
grant execute on function public.suggest_requests_for_me(integer) to authenticated;
