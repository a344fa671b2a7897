-- Platform helpers: what every area's SQL stands on. Timestamps, input caps, and small text and
-- metadata helpers.
--
-- supabase/schemas/ is the schema as state: every object once, in its latest form, read in
-- lexical file order (dependencies first). A change is made here first; `npm run db:diff -- <name>`
-- writes the migration, and tests/integration/platform/schema-state.test.ts proves that
-- supabase/migrations builds exactly this (docs/architecture.md, "Changing the schema").

-- As on hosted Supabase: the API roles may call auth.uid() and friends from SQL functions that run
-- as the caller. The embedded Supabase does not grant this by itself.
grant usage on schema auth to anon, authenticated, service_role;

-- Unlike the embedded Supabase, hosted Supabase grants every new function in public to anon and
-- authenticated by default: a function is callable by whom its own grant names, nobody else
-- (tests/integration/platform/hosted-grants.pg.test.ts).
alter default privileges in schema public revoke execute on functions from anon, authenticated;

-- created_at and updated_at belong to the server: a client writing through the API (anon or
-- authenticated) cannot set them, so nobody pins a row atop a list by dating it in 2099.
-- Maintenance and the migrations (the owner) may, e.g. to load history.
-- Every table with updated_at declares it, right below its create table:
--   create trigger <table>_set_timestamps before insert or update on public.<table>
--   	for each row execute function public.set_timestamps();
create or replace function public.set_timestamps() returns trigger language plpgsql set search_path = '' as $$
begin
	if tg_op = 'UPDATE' then
		new.updated_at := now();
		if current_user in ('anon', 'authenticated') then
			new.created_at := old.created_at;
		end if;
	elsif current_user in ('anon', 'authenticated') then
		new.created_at := now();
		new.updated_at := now();
	end if;
	return new;
end;
$$;

-- Caps what a caller hands a function, before any work: the API passes arguments of any size,
-- and some work (a full-text query with thousands of terms) can take the embedded database down
-- (README, Known differences). The error names the field, never the value.
create or replace function public.assert_max_length(p_value text, p_max integer, p_field text) returns void language plpgsql immutable set search_path = '' as $$
begin
	if char_length(p_value) > p_max then
		raise exception 'too_long: %', p_field using errcode = '22001';
	end if;
end;
$$;

create or replace function public.assert_max_items(p_value anyarray, p_max integer, p_field text) returns void language plpgsql immutable set search_path = '' as $$
begin
	if cardinality(p_value) > p_max then
		raise exception 'too_long: %', p_field using errcode = '22001';
	end if;
end;
$$;

-- Every table in public with an updated_at column gets the set_timestamps trigger. The landed
-- migrations end with `select public.add_timestamp_triggers();`; the schema files write each
-- trigger out instead (a diff tool cannot see what a function call creates), and the schema
-- equality test fails for a table without it. Only the migrations (the database owner) run it.
create or replace function public.add_timestamp_triggers() returns integer language plpgsql set search_path = '' as $$
declare
	v_table text;
	v_count integer := 0;
begin
	for v_table in
		select c.relname from pg_class c
		where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
			and exists (
				select 1 from pg_attribute a
				where a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped
			)
			and not exists (
				select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_set_timestamps'
			)
	loop
		execute format(
			'create trigger %I before insert or update on public.%I for each row execute function public.set_timestamps()',
			v_table || '_set_timestamps', v_table
		);
		v_count := v_count + 1;
	end loop;
	return v_count;
end;
$$;
revoke all on function public.add_timestamp_triggers() from public, anon, authenticated;

-- On its PostgreSQL driver the embedded Supabase stores user metadata as a JSON string holding
-- the object (see README, Known differences); this reads both shapes.
create or replace function public.auth_user_metadata(p_meta jsonb) returns jsonb language sql immutable set search_path = '' as $$
	select case when jsonb_typeof(p_meta) = 'string' then (p_meta #>> '{}')::jsonb else coalesce(p_meta, '{}'::jsonb) end;
$$;

-- Bidirectional override characters (U+202A–U+202E, U+2066–U+2069) are removed from names and
-- titles: they make a title read differently from what it says ("gpj.exe" shown as "exe.jpg").
-- Each area's trigger on its name and title columns calls this.
create or replace function public.strip_bidi_controls(p_text text) returns text
language sql immutable set search_path = '' as $$
	select translate(p_text, U&'\202A\202B\202C\202D\202E\2066\2067\2068\2069', '');
$$;

-- Readiness: the newest applied migration, for GET /readyz (service role only).
create or replace function public.readiness() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_version text;
begin
	-- The Supabase CLI and the embedded Supabase both record migrations in this table.
	if to_regclass('supabase_migrations.schema_migrations') is not null then
		execute 'select max(version)::text from supabase_migrations.schema_migrations' into v_version;
	end if;
	return jsonb_build_object('migration', v_version);
end;
$$;
revoke all on function public.readiness() from public, anon, authenticated;
grant execute on function public.readiness() to service_role;
