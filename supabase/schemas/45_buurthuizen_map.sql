-- Buurthuizen as places: "bij mij in de buurt" (the buurthuizen nearest to a point, and a postcode
-- turned into an approximate point: the middle of the wijken its 4 digits belong to), and
-- community_centre_map, everything the map and list page needs about places in one call. The
-- places' columns (accessibility, opening hours, wijkteam) and the wijken's outlines are platform
-- tenancy (01_platform_tenancy.sql); the values are reference data (seed.sql).

-- ---------------------------------------------------------------------------------------------
-- Distance and "bij mij in de buurt"
-- ---------------------------------------------------------------------------------------------

-- Great-circle distance in metres (haversine, mean earth radius). Straight line, not walking.
create or replace function public.distance_m(
	p_lat1 double precision, p_lng1 double precision, p_lat2 double precision, p_lng2 double precision
) returns double precision language sql immutable parallel safe set search_path = '' as $$
	select 2 * 6371008.8 * asin(least(1, sqrt(
		power(sin(radians(p_lat2 - p_lat1) / 2), 2)
		+ cos(radians(p_lat1)) * cos(radians(p_lat2)) * power(sin(radians(p_lng2 - p_lng1) / 2), 2)
	)));
$$;
revoke all on function public.distance_m(double precision, double precision, double precision, double precision) from public;
grant execute on function public.distance_m(double precision, double precision, double precision, double precision) to anon, authenticated, service_role;

-- A postcode ("1521 AB", "1521ab" or just "1521") as an approximate point: the middle of the
-- wijken whose postcode_areas hold its 4 digits. Null for a postcode no wijk knows. The letters
-- are ignored: we do not keep a map of 6-position postcodes, and do not need one.
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
	-- The area's own centre point when the municipality uploaded it (postcode_areas), else the
	-- middle of the wijken it belongs to.
	select jsonb_build_object(
		'postcode_area', v_area,
		'latitude', coalesce(pa.latitude, w.latitude),
		'longitude', coalesce(pa.longitude, w.longitude),
		-- The wijk, when the 4 digits belong to exactly one.
		'district_slug', w.district_slug,
		'district_names', coalesce(w.district_names, '[]'::jsonb)
	) into v_result
	from (select public.current_municipality_id() as id) m
	left join public.postcode_areas pa on pa.municipality_id = m.id and pa.postcode = v_area
	left join lateral (
		select avg(d.latitude) as latitude, avg(d.longitude) as longitude,
			case when count(*) = 1 then min(d.slug) end as district_slug,
			jsonb_agg(d.name order by d.name) as district_names
		from public.districts d
		where d.municipality_id = m.id and v_area = any (d.postcode_areas)
		having count(*) > 0
	) w on true
	where pa.postcode is not null or w.latitude is not null;
	return v_result;
end;
$$;
revoke all on function public.postcode_location(text) from public;
grant execute on function public.postcode_location(text) to anon, authenticated, service_role;

-- The buurthuizen nearest to a point, nearest first, with their distance in metres.
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
		where c.municipality_id = public.current_municipality_id() and c.archived_at is null
		order by 5, c.name
		limit least(greatest(coalesce(p_limit, 5), 1), 50);
end;
$$;
revoke all on function public.nearest_community_centres(double precision, double precision, integer) from public;
grant execute on function public.nearest_community_centres(double precision, double precision, integer) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- The map and list page, one call
-- ---------------------------------------------------------------------------------------------

-- The wijken (with outlines) and the buurthuizen of the municipality, and, given a postcode or a
-- point ("bij mij in de buurt"), each buurthuis's distance from it, nearest first. A point from
-- the browser arrives rounded by the page; it is used for this answer and stored nowhere.
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
			from public.community_centres c where c.municipality_id = v_municipality and c.archived_at is null
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.community_centre_map(text, double precision, double precision) from public;
grant execute on function public.community_centre_map(text, double precision, double precision) to anon, authenticated, service_role;
