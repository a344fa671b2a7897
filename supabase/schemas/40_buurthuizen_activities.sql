-- Buurthuizen: the activities buurthuis boards post, their weekly repeats and skipped weeks, and
-- the wijk's maatschappelijke opgaven (social goals) they serve. The board's changes are in
-- 41_buurthuizen_board.sql, registration in 42_, the pages and feeds in 43_, the points report in
-- 44_, the map in 45_buurthuizen_*.sql; the buurthuizen themselves are platform tenancy
-- (01_platform_tenancy.sql).
--
-- Time: an activity stores its first occurrence as timestamptz. A weekly activity repeats on the
-- same Europe/Amsterdam wall-clock time until repeat_until (a local date, inclusive), so 10:00
-- stays 10:00 across a daylight-saving change. An occurrence is named by its local date
-- (occurs_on); skipped weeks and registrations refer to that date.

-- ---------------------------------------------------------------------------------------------
-- Closed value lists (see the note on enums in 02_platform_roles.sql)
-- ---------------------------------------------------------------------------------------------

-- The categories are the words the public filter shows (and puts in the URL).
create type public.activity_category as enum (
	'koffieochtend', 'bewegen', 'cursus', 'kinderen', 'ouderen', 'taal', 'cultuur', 'spreekuur', 'overig'
);

-- 'carers' marks activities for mantelzorgers, which carers also see in their account.
create type public.activity_audience as enum (
	'everyone', 'adults', 'seniors', 'youth', 'children', 'families', 'carers'
);

create type public.activity_recurrence as enum ('once', 'weekly');

-- ---------------------------------------------------------------------------------------------
-- Social goals (maatschappelijke opgaven) per wijk, defined by the municipality
-- ---------------------------------------------------------------------------------------------

create table public.social_goals (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	district_id uuid not null references public.districts (id) on delete cascade,
	title text not null check (char_length(title) between 3 and 120),
	description text not null default '' check (char_length(description) <= 1000),
	-- Points a buurthuis earns for each held occurrence of an activity serving this goal.
	points integer not null check (points between 1 and 100),
	active boolean not null default true,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger social_goals_set_timestamps before insert or update on public.social_goals
	for each row execute function public.set_timestamps();

create index social_goals_district_idx on public.social_goals (district_id, title);

alter table public.social_goals enable row level security;

-- The municipality's goals are public policy: anyone may read them. Writes go through
-- save_social_goal (municipality admins only); there are no write policies.
create policy "Social goals are public" on public.social_goals
	for select to anon, authenticated using (true);

-- ---------------------------------------------------------------------------------------------
-- Activities
-- ---------------------------------------------------------------------------------------------

create table public.activities (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	community_centre_id uuid not null references public.community_centres (id) on delete cascade,
	-- The centre's wijk, copied by the trigger so the list filters by wijk without a join.
	district_id uuid not null references public.districts (id),
	title text not null check (char_length(title) between 3 and 100),
	description text not null default '' check (char_length(description) <= 2000),
	category text not null check (category = any (enum_range(null::public.activity_category)::text[])),
	audience text not null default 'everyone' check (audience = any (enum_range(null::public.activity_audience)::text[])),
	recurrence text not null default 'once' check (recurrence = any (enum_range(null::public.activity_recurrence)::text[])),
	-- The first occurrence.
	starts_at timestamptz not null,
	ends_at timestamptz not null,
	-- Last local date a weekly activity can take place on (inclusive); null for a one-off.
	repeat_until date,
	-- End of the last occurrence, kept by the trigger: the period index covers starts_at..this.
	series_ends_at timestamptz not null,
	cost_cents integer not null default 0 check (cost_cents between 0 and 100000),
	needs_registration boolean not null default false,
	max_participants integer check (max_participants between 1 and 1000),
	social_goal_id uuid references public.social_goals (id) on delete set null,
	published boolean not null default true,
	cancelled_at timestamptz,
	cancel_reason text not null default '' check (char_length(cancel_reason) <= 300),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint activities_ends_after_start check (ends_at > starts_at and ends_at <= starts_at + interval '24 hours'),
	constraint activities_recurrence_is_consistent check (
		(recurrence = 'once' and repeat_until is null)
		or (recurrence = 'weekly' and repeat_until is not null
			and repeat_until >= (starts_at at time zone 'Europe/Amsterdam')::date
			and repeat_until <= (starts_at at time zone 'Europe/Amsterdam')::date + 1830)
	)
);

create trigger activities_set_timestamps before insert or update on public.activities
	for each row execute function public.set_timestamps();

-- The occurrence list asks "which activities run at some time in [from, to)": a GiST index on the
-- series' whole period answers that without reading activities that ended or not yet began.
create index activities_period_idx on public.activities
	using gist (tstzrange(starts_at, series_ends_at, '[)'))
	where published;

-- One municipality's published series that end after a moment: the occurrence list's way in. The
-- GiST index above spans every municipality, so with 30 of them it read 30 municipalities' rows
-- (npm run bench:tenants: /buurthuizen 10× slower); this one reads the host's own only.
create index activities_municipality_ends_idx on public.activities (municipality_id, series_ends_at)
	where published;

create index activities_centre_idx on public.activities (community_centre_id, starts_at);

create index activities_district_idx on public.activities (district_id, starts_at) where published;

create index activities_social_goal_idx on public.activities (social_goal_id) where social_goal_id is not null;

-- The wijk and municipality come from the centre and the series end from the dates, however the
-- row is written.
create or replace function public.activities_before_write() returns trigger language plpgsql set search_path = '' as $$
declare
	v_local_start timestamp := new.starts_at at time zone 'Europe/Amsterdam';
	v_local_end timestamp := new.ends_at at time zone 'Europe/Amsterdam';
	v_weeks integer;
begin
	select c.district_id, c.municipality_id into new.district_id, new.municipality_id
		from public.community_centres c where c.id = new.community_centre_id;
	if new.recurrence = 'weekly' and new.repeat_until is not null then
		v_weeks := greatest(0, (new.repeat_until - v_local_start::date) / 7);
		new.series_ends_at := (v_local_end + make_interval(days => 7 * v_weeks)) at time zone 'Europe/Amsterdam';
	else
		new.series_ends_at := new.ends_at;
	end if;
	return new;
end;
$$;

create trigger activities_before_write before insert or update on public.activities
	for each row execute function public.activities_before_write();

alter table public.activities enable row level security;

-- Every change goes through the functions below (board members of the centre only): there are
-- no insert, update or delete policies.
create policy "Published activities are public" on public.activities
	for select to anon, authenticated using (published);

create policy "Board members see every activity of their centre" on public.activities
	for select to authenticated using (public.has_role('board_member', municipality_id, community_centre_id));

create policy "Municipality admins see every activity in their municipality" on public.activities
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- Skipped weeks of a weekly activity, by local date.
create table public.activity_exceptions (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	activity_id uuid not null references public.activities (id) on delete cascade,
	occurs_on date not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- Why the week does not go ahead, shown on the activity page as "gaat niet door" (issue 16.4).
	reason text not null default '' check (char_length(reason) <= 300),
	-- The week takes place on another date or at another time, as this one-off activity
	-- (move_activity_date), which took over the week's registrations.
	moved_to uuid references public.activities (id) on delete set null,
	unique (activity_id, occurs_on)
);

create index activity_exceptions_moved_to_idx on public.activity_exceptions (moved_to) where moved_to is not null;

create trigger activity_exceptions_set_timestamps before insert or update on public.activity_exceptions
	for each row execute function public.set_timestamps();

alter table public.activity_exceptions enable row level security;

create or replace function public.activity_is_visible(p_activity_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.activities a
		where a.id = p_activity_id
			and (a.published
				or public.has_role('board_member', a.municipality_id, a.community_centre_id)
				or public.has_role('municipality_admin', a.municipality_id))
	);
$$;
revoke all on function public.activity_is_visible(uuid) from public;
grant execute on function public.activity_is_visible(uuid) to anon, authenticated;

create policy "Skipped weeks are as visible as their activity" on public.activity_exceptions
	for select to anon, authenticated using (public.activity_is_visible(activity_id));

-- ---------------------------------------------------------------------------------------------
-- Occurrences: the weekly series expanded within a period
-- ---------------------------------------------------------------------------------------------

-- Every occurrence of a published activity that overlaps [p_from, p_to), in start order.
-- Skipped weeks are left out; a cancelled activity's occurrences stay, marked cancelled.
-- Only the weeks inside the period are generated and skipped weeks and counts are looked up per
-- occurrence, so the cost follows the period, not the years of data (bench/map-data.ts). The
-- period is capped at 400 days.
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
		-- The same overlap, written so activities_municipality_ends_idx can answer it.
		and a.series_ends_at > p_from and a.starts_at < p_to
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

-- True when p_occurs_on is a date the activity takes place on (skipped weeks excluded).
create or replace function public.activity_occurs_on(p_activity public.activities, p_occurs_on date) returns boolean language sql stable set search_path = '' as $$
	select p_occurs_on is not null
		and p_occurs_on >= (p_activity.starts_at at time zone 'Europe/Amsterdam')::date
		and (
			(p_activity.recurrence = 'once' and p_occurs_on = (p_activity.starts_at at time zone 'Europe/Amsterdam')::date)
			or (p_activity.recurrence = 'weekly' and p_occurs_on <= p_activity.repeat_until
				and (p_occurs_on - (p_activity.starts_at at time zone 'Europe/Amsterdam')::date) % 7 = 0)
		)
		and not exists (
			select 1 from public.activity_exceptions e where e.activity_id = p_activity.id and e.occurs_on = p_occurs_on
		);
$$;
revoke all on function public.activity_occurs_on(public.activities, date) from public, anon, authenticated;

-- The start of the occurrence on a local date.
create or replace function public.activity_occurrence_start(p_activity public.activities, p_occurs_on date) returns timestamptz language sql stable set search_path = '' as $$
	select (p_occurs_on + (p_activity.starts_at at time zone 'Europe/Amsterdam')::time) at time zone 'Europe/Amsterdam';
$$;
revoke all on function public.activity_occurrence_start(public.activities, date) from public, anon, authenticated;
