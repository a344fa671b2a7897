-- Buurthulp: "Voor jou" reads a bounded number of rows however many requests are open, and a
-- request's public point is always its wijk's point.
--
-- 1. The public point. post_help_request already put the wijk's rounded point on a request, but a
--    direct insert through the API could store any coordinates, an exact home among them. The
--    trigger now sets the point from the wijk on every write, so the rule holds for every client.
-- 2. Urgency is capped at 1. A range that started weeks ago scored above a request for today
--    (1 - (starts_on - today) / 14 grew past 1); "today or already begun" is now equally urgent,
--    as src/lib/hulp/ranking.ts always described it.
-- 3. The ranking by groups. With every request of a wijk on one point, a request's distance and
--    category scores depend only on its (wijk, category) group; within a group it can only gain
--    0.20 (availability) and 0.15 (urgency). So the groups are visited best first, each gives at
--    most its own best p_limit rows straight from an index (ordered by date), and the visit stops
--    once the best p_limit found so far beat everything the next group could score. The answer is
--    the full ranking's, exactly (tests/integration/hulp-ranking-exact.test.ts compares them),
--    and the work no longer grows with the number of open requests (bench:match, stage C/A).

-- ---------------------------------------------------------------------------------------------
-- The public point follows the wijk
-- ---------------------------------------------------------------------------------------------

create or replace function public.help_requests_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.availability_mask := public.availability_mask_for(new.when_kind, new.starts_on, new.ends_on, new.day_part);
	select round(d.latitude::numeric, 2)::double precision, round(d.longitude::numeric, 2)::double precision
		into new.latitude, new.longitude
		from public.districts d where d.id = new.district_id;
	return new;
end;
$$;

drop trigger help_requests_before_write on public.help_requests;
create trigger help_requests_before_write
	before insert or update of when_kind, starts_on, ends_on, day_part, district_id, latitude, longitude
	on public.help_requests for each row execute function public.help_requests_before_write();

update public.help_requests r
	set latitude = round(d.latitude::numeric, 2)::double precision,
		longitude = round(d.longitude::numeric, 2)::double precision
	from public.districts d
	where d.id = r.district_id
		and (r.latitude, r.longitude) is distinct from
			(round(d.latitude::numeric, 2)::double precision, round(d.longitude::numeric, 2)::double precision);

-- ---------------------------------------------------------------------------------------------
-- One index for the groups: open requests of a wijk and category in date order
-- ---------------------------------------------------------------------------------------------

create index help_requests_open_group_idx on public.help_requests (district_id, category, starts_on, created_at, id)
	include (availability_mask, ends_on)
	where status = 'open' and hidden_at is null;
-- Only the old ranking read this one.
drop index public.help_requests_open_ranking_idx;

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

create or replace function public.suggest_requests_for_me(p_limit integer default 20) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
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
						order by r.starts_on, r.created_at, r.id limit v_limit)
					union all
					(select r.id, r.starts_on, r.created_at, false from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is not null and coalesce(r.ends_on, r.starts_on) >= current_date
							and (r.availability_mask & v_me.availability_mask) = 0 and r.id <> all (v_skip)
						order by r.starts_on, r.created_at, r.id limit v_limit)
					union all
					(select r.id, r.starts_on, r.created_at, true from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is null
							and (r.availability_mask & v_me.availability_mask) <> 0 and r.id <> all (v_skip)
						order by r.created_at, r.id limit v_limit)
					union all
					(select r.id, r.starts_on, r.created_at, false from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is null
							and (r.availability_mask & v_me.availability_mask) = 0 and r.id <> all (v_skip)
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
revoke all on function public.suggest_requests_for_me(integer) from public;
grant execute on function public.suggest_requests_for_me(integer) to authenticated;
