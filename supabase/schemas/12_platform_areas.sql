-- Platform: a municipality's wijken and postcode areas as data its admin uploads (issue 18). A
-- GeoJSON of wijk boundaries is checked by the page (src/lib/tenancy/district-import.ts), staged
-- as a draft the admin sees on a map, and applied by import_districts; a CSV of 4-digit postcode
-- areas with their centre points replaces the municipality's areas (import_postcode_areas).
-- db:reset loads the seed's files through the same two functions. Everything is checked here
-- again: the API allows no more than the pages.

-- ---------------------------------------------------------------------------------------------
-- Checks shared by the imports
-- ---------------------------------------------------------------------------------------------

-- Every position of a Polygon or MultiPolygon within the Netherlands (generously), in degrees.
create or replace function public.outline_in_netherlands(p_outline jsonb) returns boolean language plpgsql immutable set search_path = '' as $$
declare
	v_polygons jsonb;
begin
	v_polygons := case p_outline ->> 'type'
		when 'Polygon' then jsonb_build_array(p_outline -> 'coordinates')
		when 'MultiPolygon' then p_outline -> 'coordinates'
	end;
	if v_polygons is null or jsonb_typeof(v_polygons) <> 'array' then
		return false;
	end if;
	return coalesce((
		select bool_and(
			jsonb_typeof(p -> 0) = 'number' and jsonb_typeof(p -> 1) = 'number'
			and (p ->> 0)::double precision between 3.0 and 7.5
			and (p ->> 1)::double precision between 50.6 and 53.7
		)
		from jsonb_array_elements(v_polygons) polygon,
			jsonb_array_elements(polygon) ring,
			jsonb_array_elements(ring) p
	), false);
exception when others then
	return false;
end;
$$;
revoke all on function public.outline_in_netherlands(jsonb) from public, anon, authenticated, service_role;

-- An rpc argument meant as a JSON array. The embedded Supabase on PostgreSQL hands a top-level
-- array over as a JSON string holding it (README, Known differences); PGlite and hosted
-- Supabase hand over the array. Anything else is returned as it came, for the caller to refuse.
create or replace function public.json_array_argument(p_value jsonb) returns jsonb language plpgsql immutable set search_path = '' as $$
begin
	if jsonb_typeof(p_value) = 'string' then
		begin
			return (p_value #>> '{}')::jsonb;
		exception when invalid_text_representation then
			return p_value;
		end;
	end if;
	return p_value;
end;
$$;
revoke all on function public.json_array_argument(jsonb) from public, anon, authenticated, service_role;

-- The wijken of an import as district_import.ts makes them: [{name, slug, latitude, longitude,
-- outline}], at most 200, names and slugs unique. Raises with the first problem.
create or replace function public.assert_district_import(p_districts jsonb) returns void language plpgsql immutable set search_path = '' as $$
declare
	v_item jsonb;
begin
	if jsonb_typeof(p_districts) <> 'array' or jsonb_array_length(p_districts) = 0 then
		raise exception 'import_empty' using errcode = '22023';
	end if;
	if jsonb_array_length(p_districts) > 200 then
		raise exception 'import_too_many' using errcode = '22023';
	end if;
	for v_item in select * from jsonb_array_elements(p_districts) loop
		if jsonb_typeof(v_item) <> 'object'
			or char_length(coalesce(trim(v_item ->> 'name'), '')) not between 2 and 80
			or coalesce(v_item ->> 'slug', '') !~ '^[a-z0-9-]{2,60}$'
			or jsonb_typeof(v_item -> 'latitude') <> 'number' or jsonb_typeof(v_item -> 'longitude') <> 'number'
			or (v_item ->> 'latitude')::double precision not between 50.6 and 53.7
			or (v_item ->> 'longitude')::double precision not between 3.0 and 7.5
			or pg_column_size(v_item -> 'outline') > 32768
			or not public.outline_in_netherlands(v_item -> 'outline') then
			raise exception 'import_invalid_district' using errcode = '22023';
		end if;
	end loop;
	if (select count(distinct lower(trim(x ->> 'name'))) from jsonb_array_elements(p_districts) x) <> jsonb_array_length(p_districts)
		or (select count(distinct x ->> 'slug') from jsonb_array_elements(p_districts) x) <> jsonb_array_length(p_districts) then
		raise exception 'import_duplicate_names' using errcode = '22023';
	end if;
end;
$$;
revoke all on function public.assert_district_import(jsonb) from public, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Wijken
-- ---------------------------------------------------------------------------------------------

-- Adds the file's wijken and updates those it names again (by slug, else by name: boundary,
-- point and name). Wijken the file leaves out stay: requests, buurthuizen and applications
-- point at them (merge_districts joins two). Only the functions below and maintenance call it.
create or replace function public.import_districts(p_municipality_id uuid, p_districts jsonb) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_item jsonb;
	v_existing uuid;
	v_added integer := 0;
	v_updated integer := 0;
begin
	perform public.assert_district_import(p_districts);
	for v_item in select * from jsonb_array_elements(p_districts) loop
		select d.id into v_existing from public.districts d
		where d.municipality_id = p_municipality_id
			and (d.slug = v_item ->> 'slug' or lower(d.name) = lower(trim(v_item ->> 'name')))
		order by (d.slug = v_item ->> 'slug') desc
		limit 1;
		if v_existing is null then
			insert into public.districts (municipality_id, slug, name, latitude, longitude, outline)
			values (p_municipality_id, v_item ->> 'slug', trim(v_item ->> 'name'),
				(v_item ->> 'latitude')::double precision, (v_item ->> 'longitude')::double precision, v_item -> 'outline');
			v_added := v_added + 1;
		else
			update public.districts set name = trim(v_item ->> 'name'),
				latitude = (v_item ->> 'latitude')::double precision,
				longitude = (v_item ->> 'longitude')::double precision,
				outline = v_item -> 'outline'
			where id = v_existing;
			v_updated := v_updated + 1;
		end if;
	end loop;
	return jsonb_build_object('added', v_added, 'updated', v_updated);
end;
$$;
revoke all on function public.import_districts(uuid, jsonb) from public, anon, authenticated, service_role;

-- The uploaded file, checked, waiting for the admin to look at it on the map and save it. One
-- draft per municipality: a new upload replaces it.
create table public.district_import_drafts (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null unique references public.municipalities (id) on delete cascade,
	districts jsonb not null check (jsonb_typeof(districts) = 'array' and pg_column_size(districts) <= 7000000),
	created_by uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger district_import_drafts_set_timestamps before insert or update on public.district_import_drafts
	for each row execute function public.set_timestamps();

alter table public.district_import_drafts enable row level security;

create policy "Municipality admins see their municipality's wijk import" on public.district_import_drafts
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

create or replace function public.stage_district_import(p_districts jsonb) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_id uuid;
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	p_districts := public.json_array_argument(p_districts);
	perform public.assert_district_import(p_districts);
	insert into public.district_import_drafts (municipality_id, districts, created_by)
	values (v_municipality, p_districts, (select auth.uid()))
	on conflict (municipality_id) do update set districts = excluded.districts, created_by = excluded.created_by
	returning id into v_id;
	return v_id;
end;
$$;
revoke all on function public.stage_district_import(jsonb) from public, anon, authenticated, service_role;
grant execute on function public.stage_district_import(jsonb) to authenticated;

-- The draft beside the municipality's wijken: what is new, what changes, what stays.
create or replace function public.district_import_page(p_draft_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_draft public.district_import_drafts;
begin
	select * into v_draft from public.district_import_drafts dr where dr.id = p_draft_id;
	if v_draft.id is null or not public.has_role('municipality_admin', v_draft.municipality_id) then
		return null;
	end if;
	return jsonb_build_object(
		'id', v_draft.id,
		'districts', (
			select jsonb_agg(x || jsonb_build_object('existing', exists (
				select 1 from public.districts d where d.municipality_id = v_draft.municipality_id
					and (d.slug = x ->> 'slug' or lower(d.name) = lower(x ->> 'name'))
			)) order by x ->> 'name')
			from jsonb_array_elements(v_draft.districts) x
		),
		'kept', coalesce((
			select jsonb_agg(d.name order by d.name) from public.districts d
			where d.municipality_id = v_draft.municipality_id and not exists (
				select 1 from jsonb_array_elements(v_draft.districts) x
				where d.slug = x ->> 'slug' or lower(d.name) = lower(x ->> 'name')
			)
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.district_import_page(uuid) from public, anon, authenticated, service_role;
grant execute on function public.district_import_page(uuid) to authenticated;

create or replace function public.apply_district_import(p_draft_id uuid) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_draft public.district_import_drafts;
	v_result jsonb;
begin
	select * into v_draft from public.district_import_drafts dr where dr.id = p_draft_id for update;
	if v_draft.id is null or not public.has_role('municipality_admin', v_draft.municipality_id) then
		raise exception 'import_not_found' using errcode = 'PT404';
	end if;
	v_result := public.import_districts(v_draft.municipality_id, v_draft.districts);
	delete from public.district_import_drafts where id = p_draft_id;
	perform public.log_audit(v_draft.municipality_id, 'platform.districts_imported', 'municipality', v_draft.municipality_id, v_result);
	return v_result;
end;
$$;
revoke all on function public.apply_district_import(uuid) from public, anon, authenticated, service_role;
grant execute on function public.apply_district_import(uuid) to authenticated;

create or replace function public.rename_district(p_district_id uuid, p_name text) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_district public.districts;
begin
	perform public.assert_max_length(p_name, 80, 'name');
	select * into v_district from public.districts d where d.id = p_district_id;
	if v_district.id is null or not public.has_role('municipality_admin', v_district.municipality_id) then
		raise exception 'district_not_found' using errcode = 'PT404';
	end if;
	if char_length(coalesce(trim(p_name), '')) < 2 then
		raise exception 'name_required' using errcode = '22023';
	end if;
	if exists (select 1 from public.districts d where d.municipality_id = v_district.municipality_id
		and lower(d.name) = lower(trim(p_name)) and d.id <> p_district_id) then
		raise exception 'district_name_taken' using errcode = '23505';
	end if;
	update public.districts set name = trim(p_name) where id = p_district_id;
	perform public.log_audit(v_district.municipality_id, 'platform.district_renamed', 'district', p_district_id, '{}'::jsonb);
end;
$$;
revoke all on function public.rename_district(uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.rename_district(uuid, text) to authenticated;

-- Joins wijk p_from into p_into: everything that pointed at p_from points at p_into (found in
-- the catalog, so a table added later is moved too), their outlines and postcode areas are
-- joined, and p_from goes. Link rows that would become duplicates (a consulent already on
-- p_into) are dropped; counts per wijk are added up; any other clash refuses the whole merge.
create or replace function public.merge_districts(p_from uuid, p_into uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_from public.districts;
	v_into public.districts;
	v_ref record;
	v_polygons jsonb;
begin
	select * into v_from from public.districts d where d.id = p_from for update;
	select * into v_into from public.districts d where d.id = p_into for update;
	if v_from.id is null or v_into.id is null or v_from.id = v_into.id
		or v_from.municipality_id <> v_into.municipality_id
		or not public.has_role('municipality_admin', v_into.municipality_id) then
		raise exception 'district_not_found' using errcode = 'PT404';
	end if;
	delete from public.caseworker_districts c where c.district_id = p_from
		and exists (select 1 from public.caseworker_districts k where k.user_id = c.user_id and k.district_id = p_into);
	update public.scheme_counts i set applications = i.applications + f.applications, approved = i.approved + f.approved,
		rejected = i.rejected + f.rejected, young_carers = i.young_carers + f.young_carers
	from public.scheme_counts f where f.district_id = p_from and i.district_id = p_into and i.scheme_id = f.scheme_id;
	delete from public.scheme_counts f where f.district_id = p_from
		and exists (select 1 from public.scheme_counts i where i.district_id = p_into and i.scheme_id = f.scheme_id);
	update public.volunteer_profiles v set district_ids = array(
		select distinct case when x = p_from then p_into else x end from unnest(v.district_ids) x
	) where p_from = any (v.district_ids);
	-- Every reference to the wijk: the foreign keys, and the district_id columns that have none on
	-- purpose (the monitor's facts outlive a deleted wijk).
	for v_ref in
		select c.conrelid::regclass as tbl, a.attname as col
		from pg_constraint c
		join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
		where c.contype = 'f' and c.confrelid = 'public.districts'::regclass and cardinality(c.conkey) = 1
		union
		select a.attrelid::regclass, a.attname
		from pg_attribute a join pg_class t on t.oid = a.attrelid
		where t.relnamespace = 'public'::regnamespace and t.relkind = 'r' and a.attname = 'district_id'
			and a.atttypid = 'uuid'::regtype and not a.attisdropped
	loop
		begin
			execute format('update %s set %I = $1 where %I = $2', v_ref.tbl, v_ref.col, v_ref.col) using p_into, p_from;
		exception when unique_violation then
			raise exception 'merge_conflict: %', v_ref.tbl using errcode = '23505';
		end;
	end loop;
	v_polygons := (
		select jsonb_agg(p) from (
			select jsonb_array_elements(case o ->> 'type' when 'Polygon' then jsonb_build_array(o -> 'coordinates') else o -> 'coordinates' end) p
			from unnest(array[v_into.outline, v_from.outline]) o where o is not null
		) x
	);
	update public.districts set
		postcode_areas = array(select distinct x from unnest(v_into.postcode_areas || v_from.postcode_areas) x order by x),
		outline = case when v_polygons is null then null
			when pg_column_size(jsonb_build_object('type', 'MultiPolygon', 'coordinates', v_polygons)) <= 32768
				then jsonb_build_object('type', 'MultiPolygon', 'coordinates', v_polygons)
			else v_into.outline end
	where id = p_into;
	delete from public.districts where id = p_from;
	perform public.log_audit(v_into.municipality_id, 'platform.districts_merged', 'district', p_into,
		jsonb_build_object('merged', p_from));
end;
$$;
revoke all on function public.merge_districts(uuid, uuid) from public, anon, authenticated, service_role;
grant execute on function public.merge_districts(uuid, uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Postcode areas
-- ---------------------------------------------------------------------------------------------

-- The municipality's 4-digit postcode areas with their centre points: where "bij mij in de
-- buurt" measures from. Which wijken an area belongs to is districts.postcode_areas.
create table public.postcode_areas (
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	postcode smallint not null check (postcode between 1000 and 9999),
	latitude double precision not null check (latitude between 50.6 and 53.7),
	longitude double precision not null check (longitude between 3.0 and 7.5),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (municipality_id, postcode)
);

create trigger postcode_areas_set_timestamps before insert or update on public.postcode_areas
	for each row execute function public.set_timestamps();

alter table public.postcode_areas enable row level security;

create policy "Postcode areas are public" on public.postcode_areas
	for select to anon, authenticated using (true);

-- Replaces the municipality's postcode areas with [{postcode, latitude, longitude,
-- district_ids}] (postcode-import.ts) and each wijk's list of areas with what the file says.
create or replace function public.import_postcode_areas(p_municipality_id uuid, p_areas jsonb) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_item jsonb;
begin
	p_areas := public.json_array_argument(p_areas);
	if jsonb_typeof(p_areas) <> 'array' or jsonb_array_length(p_areas) = 0 then
		raise exception 'import_empty' using errcode = '22023';
	end if;
	if jsonb_array_length(p_areas) > 2000 then
		raise exception 'import_too_many' using errcode = '22023';
	end if;
	for v_item in select * from jsonb_array_elements(p_areas) loop
		if jsonb_typeof(v_item -> 'postcode') <> 'number' or (v_item ->> 'postcode')::numeric not between 1000 and 9999
			or jsonb_typeof(v_item -> 'latitude') <> 'number' or (v_item ->> 'latitude')::double precision not between 50.6 and 53.7
			or jsonb_typeof(v_item -> 'longitude') <> 'number' or (v_item ->> 'longitude')::double precision not between 3.0 and 7.5
			or jsonb_typeof(coalesce(v_item -> 'district_ids', '[]')) <> 'array'
			or exists (
				select 1 from jsonb_array_elements_text(coalesce(v_item -> 'district_ids', '[]')) x(id)
				where not exists (select 1 from public.districts d where d.id::text = x.id and d.municipality_id = p_municipality_id)
			) then
			raise exception 'import_invalid_postcode' using errcode = '22023';
		end if;
	end loop;
	if (select count(distinct (x ->> 'postcode')::integer) from jsonb_array_elements(p_areas) x) <> jsonb_array_length(p_areas) then
		raise exception 'import_duplicate_postcodes' using errcode = '22023';
	end if;
	delete from public.postcode_areas a where a.municipality_id = p_municipality_id
		and a.postcode not in (select (x ->> 'postcode')::smallint from jsonb_array_elements(p_areas) x);
	insert into public.postcode_areas (municipality_id, postcode, latitude, longitude)
	select p_municipality_id, (x ->> 'postcode')::smallint, (x ->> 'latitude')::double precision, (x ->> 'longitude')::double precision
	from jsonb_array_elements(p_areas) x
	on conflict (municipality_id, postcode) do update set latitude = excluded.latitude, longitude = excluded.longitude;
	update public.districts d set postcode_areas = coalesce((
		select array_agg(distinct (x ->> 'postcode')::smallint order by (x ->> 'postcode')::smallint)
		from jsonb_array_elements(p_areas) x
		where x -> 'district_ids' ? d.id::text
	), '{}')
	where d.municipality_id = p_municipality_id;
	return jsonb_build_object(
		'areas', jsonb_array_length(p_areas),
		'without_district', (select count(*) from jsonb_array_elements(p_areas) x where jsonb_array_length(coalesce(x -> 'district_ids', '[]')) = 0)
	);
end;
$$;
revoke all on function public.import_postcode_areas(uuid, jsonb) from public, anon, authenticated, service_role;

create or replace function public.save_postcode_areas(p_areas jsonb) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_result jsonb;
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	v_result := public.import_postcode_areas(v_municipality, p_areas);
	perform public.log_audit(v_municipality, 'platform.postcode_areas_imported', 'municipality', v_municipality, v_result);
	return v_result;
end;
$$;
revoke all on function public.save_postcode_areas(jsonb) from public, anon, authenticated, service_role;
grant execute on function public.save_postcode_areas(jsonb) to authenticated;
