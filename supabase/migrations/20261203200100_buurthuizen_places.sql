-- Buurthuizen as places (issue 11, the public half): what a visitor needs before walking in.
--   * a buurthuis's accessibility in OpenStreetMap's terms (wheelchair, toilets:wheelchair,
--     hearing_loop, parking), its opening hours in OSM's opening_hours syntax, and whether the
--     sociaal wijkteam shares the building;
--   * a wijk's outline (an approximate GeoJSON polygon), so the map still shows the wijken when no
--     map tiles load;
--   * "bij mij in de buurt": the buurthuizen nearest to a point, and a postcode turned into an
--     approximate point (the middle of the wijken its 4 digits belong to);
--   * community_centre_map: everything the map and list page needs about places, in one call.
-- The values themselves are reference data (seed.sql).

-- ---------------------------------------------------------------------------------------------
-- Accessibility, opening hours, contact, wijkteam
-- ---------------------------------------------------------------------------------------------

-- OSM's values for wheelchair=*, toilets:wheelchair=*, hearing_loop=* and parking access; null
-- means nobody has checked yet (OSM leaves the tag off), which the page says in so many words.
create type public.osm_access as enum ('yes', 'limited', 'no');

alter table public.community_centres
	add column wheelchair text check (wheelchair = any (enum_range(null::public.osm_access)::text[])),
	add column toilets_wheelchair text check (toilets_wheelchair in ('yes', 'no')),
	add column hearing_loop text check (hearing_loop = any (enum_range(null::public.osm_access)::text[])),
	add column parking text check (parking = any (enum_range(null::public.osm_access)::text[])),
	-- OSM opening_hours, the common subset: "Mo-Fr 09:00-17:00; Sa 10:00-12:30" (at most 255
	-- characters, as in OSM). The page turns it into Dutch; anything it cannot read it shows as is.
	add column opening_hours text check (
		opening_hours is null
		or (char_length(opening_hours) <= 255 and opening_hours ~ '^[A-Za-z0-9 :;,.+-]+$')
	),
	add column shares_district_team boolean not null default false,
	-- When the wijkteam is in: "Het sociaal wijkteam zit hier op dinsdag- en donderdagochtend."
	add column district_team_note text check (district_team_note is null or char_length(district_team_note) <= 300);

-- The columns from the platform baseline had no caps; board members write them through the API.
alter table public.community_centres
	add constraint community_centres_accessibility_length check (char_length(accessibility) <= 300),
	add constraint community_centres_street_address_length check (char_length(street_address) between 2 and 120),
	add constraint community_centres_city_length check (char_length(city) between 2 and 80),
	add constraint community_centres_phone_format check (phone is null or phone ~ '^\+?[0-9 ()-]{6,20}$'),
	add constraint community_centres_email_length check (email is null or (char_length(email) <= 254 and email like '%_@_%')),
	add constraint community_centres_website_format check (website is null or (char_length(website) <= 300 and website ~ '^https?://'));

create index community_centres_municipality_idx on public.community_centres (municipality_id, name);

-- ---------------------------------------------------------------------------------------------
-- Wijk outlines
-- ---------------------------------------------------------------------------------------------

-- A GeoJSON geometry (Polygon or MultiPolygon, [longitude, latitude]); approximate is fine, it
-- orients the visitor, it decides nothing. Only the migrations and maintenance write districts.
alter table public.districts
	add column outline jsonb check (
		outline is null
		or (jsonb_typeof(outline) = 'object'
			and outline ->> 'type' in ('Polygon', 'MultiPolygon')
			and jsonb_typeof(outline -> 'coordinates') = 'array'
			and pg_column_size(outline) <= 32768)
	);

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
	select jsonb_build_object(
		'postcode_area', v_area,
		'latitude', avg(d.latitude),
		'longitude', avg(d.longitude),
		-- The wijk, when the 4 digits belong to exactly one.
		'district_slug', case when count(*) = 1 then min(d.slug) end,
		'district_names', jsonb_agg(d.name order by d.name)
	) into v_result
	from public.districts d
	where d.municipality_id = (select m.id from public.municipalities m order by m.created_at limit 1)
		and v_area = any (d.postcode_areas)
	having count(*) > 0;
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
		where c.municipality_id = (select m.id from public.municipalities m order by m.created_at limit 1)
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
	v_municipality uuid := (select m.id from public.municipalities m order by m.created_at limit 1);
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

select public.add_timestamp_triggers();
