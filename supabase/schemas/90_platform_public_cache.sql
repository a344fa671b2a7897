-- Platform service: the public page cache's invalidation (issue 19, point 7). Each app server keeps
-- anonymous public pages in memory per municipality and URL; every write to a table those pages
-- show bumps that municipality's version here, at commit (a deferred trigger, so the version row
-- is locked only for the commit, and once per transaction). Every server reads the versions about
-- once a second (public_cache_state) and drops the entries made under an older version, so a board
-- member's new activity is on every server's map within a second or two.
-- Last in the schema files: the triggers are on tables of every area. A table that a public page
-- shows gets one line at the end of this file.

-- No foreign key: the row of a deleted municipality is harmless, and a bump at the commit that
-- deletes a municipality must not fail.
create table public.public_cache_versions (
	municipality_id uuid primary key,
	version bigint not null default 1,
	-- The transaction that bumped last: several rows written in one transaction bump once.
	bumped_by_xact bigint not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger public_cache_versions_set_timestamps before insert or update on public.public_cache_versions
	for each row execute function public.set_timestamps();

alter table public.public_cache_versions enable row level security;
-- Only the app servers read it, with the secret key, through public_cache_state(). Every table has
-- a policy (tests/integration/platform/rls-coverage.test.ts), so this one says so.
create policy "Only the service role reads the public cache versions" on public.public_cache_versions
	for select to service_role using (true);

create or replace function public.bump_public_cache_version() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
	v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
	v_key text := case when tg_table_name = 'municipalities' then 'id' else 'municipality_id' end;
	v_municipality uuid;
begin
	for v_municipality in
		select distinct m from unnest(array[(v_old ->> v_key)::uuid, (v_new ->> v_key)::uuid]) as m
		where m is not null
	loop
		insert into public.public_cache_versions as v (municipality_id, bumped_by_xact)
		values (v_municipality, txid_current())
		on conflict (municipality_id) do update
			set version = v.version + 1, bumped_by_xact = excluded.bumped_by_xact
			where v.bumped_by_xact <> excluded.bumped_by_xact;
	end loop;
	return null;
end;
$$;
revoke all on function public.bump_public_cache_version() from public, anon, authenticated;

-- Every municipality's public version, {"<municipality id>": <version>}, for the app servers.
create or replace function public.public_cache_state() returns jsonb
language sql stable security definer set search_path = '' as $$
	select coalesce(jsonb_object_agg(municipality_id, version), '{}'::jsonb)
	from public.public_cache_versions;
$$;
revoke all on function public.public_cache_state() from public, anon, authenticated;
grant execute on function public.public_cache_state() to service_role;

-- The tables the cached pages show (src/lib/server/platform/public-cache.ts, CACHEABLE_ROUTES).
create constraint trigger municipalities_public_cache after insert or update or delete on public.municipalities
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger municipality_looks_public_cache after insert or update or delete on public.municipality_looks
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger districts_public_cache after insert or update or delete on public.districts
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger community_centres_public_cache after insert or update or delete on public.community_centres
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger profiles_public_cache after insert or update or delete on public.profiles
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger account_blocks_public_cache after insert or update or delete on public.account_blocks
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger help_requests_public_cache after insert or update or delete on public.help_requests
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger help_offers_public_cache after insert or update or delete on public.help_offers
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger volunteer_profiles_public_cache after insert or update or delete on public.volunteer_profiles
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger responses_public_cache after insert or update or delete on public.responses
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger matches_public_cache after insert or update or delete on public.matches
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger schemes_public_cache after insert or update or delete on public.schemes
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger shops_public_cache after insert or update or delete on public.shops
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger social_goals_public_cache after insert or update or delete on public.social_goals
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger activities_public_cache after insert or update or delete on public.activities
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger activity_exceptions_public_cache after insert or update or delete on public.activity_exceptions
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger activity_registrations_public_cache after insert or update or delete on public.activity_registrations
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger activity_occurrence_counts_public_cache after insert or update or delete on public.activity_occurrence_counts
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
create constraint trigger points_periods_public_cache after insert or update or delete on public.points_periods
	deferrable initially deferred for each row execute function public.bump_public_cache_version();
