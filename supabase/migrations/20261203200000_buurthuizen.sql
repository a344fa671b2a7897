-- Buurthuizen: the activities buurthuis boards post, their weekly repeats and skipped weeks,
-- registration per occurrence (never overbooked), the wijk's maatschappelijke opgaven (social
-- goals) with their points, and the points report for the ondersteuningsregeling.
--
-- Time: an activity stores its first occurrence as timestamptz. A weekly activity repeats on the
-- same Europe/Amsterdam wall-clock time until repeat_until (a local date, inclusive), so 10:00
-- stays 10:00 across a daylight-saving change. An occurrence is named by its local date
-- (occurs_on); skipped weeks and registrations refer to that date.

-- ---------------------------------------------------------------------------------------------
-- Closed value lists (see the note on enums in the platform migration)
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
-- Registered with the platform services: a notification mail (its words in
-- src/lib/server/buurthuizen/mail.ts) for residents registered for what is called off
-- ---------------------------------------------------------------------------------------------

insert into public.notification_kinds (kind, area) values ('activity_cancelled', 'buurthuizen');

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

-- The occurrence list asks "which activities run at some time in [from, to)": a GiST index on the
-- series' whole period answers that without reading activities that ended or not yet began.
create index activities_period_idx on public.activities
	using gist (tstzrange(starts_at, series_ends_at, '[)'))
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
	unique (activity_id, occurs_on)
);

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
-- Registrations, per occurrence
-- ---------------------------------------------------------------------------------------------

create table public.activity_registrations (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	community_centre_id uuid not null references public.community_centres (id) on delete cascade,
	activity_id uuid not null references public.activities (id) on delete cascade,
	occurs_on date not null,
	user_id uuid not null references public.profiles (id) on delete cascade,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (activity_id, occurs_on, user_id)
);

create index activity_registrations_user_idx on public.activity_registrations (user_id, occurs_on);

create index activity_registrations_centre_idx on public.activity_registrations (community_centre_id, occurs_on);

create trigger activity_registrations_rate_limit before insert on public.activity_registrations
	for each row execute function public.enforce_rate_limit('user_id', '30', '1 hour');

alter table public.activity_registrations enable row level security;

-- Nobody anonymous, and no other resident, sees who registered. register_for_activity and
-- cancel_registration write; there are no write policies.
create policy "Residents see their own registrations" on public.activity_registrations
	for select to authenticated using (user_id = (select auth.uid()));

create policy "Board members see the registrations of their centre" on public.activity_registrations
	for select to authenticated using (public.has_role('board_member', municipality_id, community_centre_id));

create policy "Municipality admins see registrations in their municipality" on public.activity_registrations
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- How many are registered per occurrence. Its row is the lock that keeps an occurrence from
-- being overbooked: register_for_activity raises the count only while it is below the maximum.
create table public.activity_occurrence_counts (
	activity_id uuid not null references public.activities (id) on delete cascade,
	occurs_on date not null,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	registered_count integer not null default 0 check (registered_count >= 0),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (activity_id, occurs_on)
);

alter table public.activity_occurrence_counts enable row level security;

-- A number, not names: "vol" must be visible to everyone.
create policy "Registration counts are as visible as their activity" on public.activity_occurrence_counts
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
		and o.starts_at < p_to and o.ends_at > p_from
		and (p_municipality_id is null or a.municipality_id = p_municipality_id)
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

-- ---------------------------------------------------------------------------------------------
-- Board: create, update, copy, cancel, skip a week (board members of the centre only)
-- ---------------------------------------------------------------------------------------------

create or replace function public.assert_activity_fits(
	p_title text, p_description text, p_category text, p_audience text, p_recurrence text
) returns void language plpgsql immutable set search_path = '' as $$
begin
	perform public.assert_max_length(p_title, 100, 'title');
	perform public.assert_max_length(p_description, 2000, 'description');
	perform public.assert_max_length(p_category, 40, 'category');
	perform public.assert_max_length(p_audience, 40, 'audience');
	perform public.assert_max_length(p_recurrence, 40, 'recurrence');
	if p_category is null or not (p_category = any (enum_range(null::public.activity_category)::text[])) then
		raise exception 'invalid_category' using errcode = '22023';
	end if;
	if p_audience is null or not (p_audience = any (enum_range(null::public.activity_audience)::text[])) then
		raise exception 'invalid_audience' using errcode = '22023';
	end if;
	if p_recurrence is null or not (p_recurrence = any (enum_range(null::public.activity_recurrence)::text[])) then
		raise exception 'invalid_recurrence' using errcode = '22023';
	end if;
	if char_length(trim(coalesce(p_title, ''))) < 3 then
		raise exception 'title_too_short' using errcode = '22023';
	end if;
end;
$$;

revoke all on function public.assert_activity_fits(text, text, text, text, text) from public, anon, authenticated;

-- Checks what a board member sends: the dates, the numbers, and a social goal of the centre's wijk.
create or replace function public.assert_activity_values(
	p_centre_id uuid, p_starts_at timestamptz, p_ends_at timestamptz, p_recurrence text,
	p_repeat_until date, p_cost_cents integer, p_max_participants integer, p_social_goal_id uuid
) returns void language plpgsql stable set search_path = '' as $$
begin
	if p_starts_at is null or p_ends_at is null or p_ends_at <= p_starts_at
		or p_ends_at > p_starts_at + interval '24 hours' then
		raise exception 'invalid_times' using errcode = '22023';
	end if;
	if p_recurrence = 'weekly' and (p_repeat_until is null
		or p_repeat_until < (p_starts_at at time zone 'Europe/Amsterdam')::date
		or p_repeat_until > (p_starts_at at time zone 'Europe/Amsterdam')::date + 1830) then
		raise exception 'invalid_repeat_until' using errcode = '22023';
	end if;
	if p_cost_cents is null or p_cost_cents < 0 or p_cost_cents > 100000 then
		raise exception 'invalid_cost' using errcode = '22023';
	end if;
	if p_max_participants is not null and (p_max_participants < 1 or p_max_participants > 1000) then
		raise exception 'invalid_max_participants' using errcode = '22023';
	end if;
	if p_social_goal_id is not null and not exists (
		select 1 from public.social_goals g join public.community_centres c on c.district_id = g.district_id
		where g.id = p_social_goal_id and c.id = p_centre_id and g.active
	) then
		raise exception 'social_goal_not_found' using errcode = '22023';
	end if;
end;
$$;

revoke all on function public.assert_activity_values(uuid, timestamptz, timestamptz, text, date, integer, integer, uuid) from public, anon, authenticated;

-- Locks the activity for a board member of its centre; raises not_found for anyone else, so an
-- unpublished activity of another centre does not even show it exists.
create or replace function public.lock_activity_for_board(p_activity_id uuid) returns public.activities language plpgsql security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
begin
	if (select auth.uid()) is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	select * into v_activity from public.activities where id = p_activity_id for update;
	if not found or not public.has_role('board_member', v_activity.municipality_id, v_activity.community_centre_id) then
		raise exception 'activity_not_found' using errcode = 'P0002';
	end if;
	return v_activity;
end;
$$;
revoke all on function public.lock_activity_for_board(uuid) from public, anon, authenticated;

create or replace function public.create_activity(
	p_centre_id uuid,
	p_title text,
	p_description text,
	p_category text,
	p_audience text,
	p_starts_at timestamptz,
	p_ends_at timestamptz,
	p_recurrence text default 'once',
	p_repeat_until date default null,
	p_cost_cents integer default 0,
	p_needs_registration boolean default false,
	p_max_participants integer default null,
	p_social_goal_id uuid default null,
	p_published boolean default true
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_centre public.community_centres%rowtype;
	v_id uuid;
begin
	perform public.assert_activity_fits(p_title, p_description, p_category, p_audience, p_recurrence);
	if (select auth.uid()) is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	select * into v_centre from public.community_centres where id = p_centre_id;
	if not found or not public.has_role('board_member', v_centre.municipality_id, v_centre.id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	perform public.assert_activity_values(
		p_centre_id, p_starts_at, p_ends_at, p_recurrence, p_repeat_until, p_cost_cents,
		p_max_participants, p_social_goal_id
	);
	insert into public.activities (
		municipality_id, community_centre_id, district_id, title, description, category, audience,
		recurrence, starts_at, ends_at, repeat_until, series_ends_at, cost_cents, needs_registration,
		max_participants, social_goal_id, published
	) values (
		v_centre.municipality_id, v_centre.id, v_centre.district_id, trim(p_title), trim(coalesce(p_description, '')),
		p_category, p_audience, p_recurrence, p_starts_at, p_ends_at,
		case when p_recurrence = 'weekly' then p_repeat_until end, p_ends_at, p_cost_cents,
		coalesce(p_needs_registration, false),
		case when coalesce(p_needs_registration, false) then p_max_participants end,
		p_social_goal_id, coalesce(p_published, true)
	) returning id into v_id;
	return v_id;
end;
$$;
revoke all on function public.create_activity(uuid, text, text, text, text, timestamptz, timestamptz, text, date, integer, boolean, integer, uuid, boolean) from public;
grant execute on function public.create_activity(uuid, text, text, text, text, timestamptz, timestamptz, text, date, integer, boolean, integer, uuid, boolean) to authenticated;

-- Changes what the board wrote. Registrations stay; a maximum below the number already
-- registered is refused, so nobody loses a place they had.
create or replace function public.update_activity(
	p_activity_id uuid,
	p_title text,
	p_description text,
	p_category text,
	p_audience text,
	p_starts_at timestamptz,
	p_ends_at timestamptz,
	p_recurrence text default 'once',
	p_repeat_until date default null,
	p_cost_cents integer default 0,
	p_needs_registration boolean default false,
	p_max_participants integer default null,
	p_social_goal_id uuid default null,
	p_published boolean default true
) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
begin
	perform public.assert_activity_fits(p_title, p_description, p_category, p_audience, p_recurrence);
	v_activity := public.lock_activity_for_board(p_activity_id);
	perform public.assert_activity_values(
		v_activity.community_centre_id, p_starts_at, p_ends_at, p_recurrence, p_repeat_until,
		p_cost_cents, p_max_participants, p_social_goal_id
	);
	if coalesce(p_needs_registration, false) and p_max_participants is not null and exists (
		select 1 from public.activity_occurrence_counts n
		where n.activity_id = p_activity_id and n.registered_count > p_max_participants
	) then
		raise exception 'max_below_registered' using errcode = '22023';
	end if;
	update public.activities set
		title = trim(p_title),
		description = trim(coalesce(p_description, '')),
		category = p_category,
		audience = p_audience,
		recurrence = p_recurrence,
		starts_at = p_starts_at,
		ends_at = p_ends_at,
		repeat_until = case when p_recurrence = 'weekly' then p_repeat_until end,
		cost_cents = p_cost_cents,
		needs_registration = coalesce(p_needs_registration, false),
		max_participants = case when coalesce(p_needs_registration, false) then p_max_participants end,
		social_goal_id = p_social_goal_id,
		published = coalesce(p_published, true)
	where id = p_activity_id;
end;
$$;
revoke all on function public.update_activity(uuid, text, text, text, text, timestamptz, timestamptz, text, date, integer, boolean, integer, uuid, boolean) from public;
grant execute on function public.update_activity(uuid, text, text, text, text, timestamptz, timestamptz, text, date, integer, boolean, integer, uuid, boolean) to authenticated;

-- A copy on another first date (default: a week later), same local time and length; a weekly
-- copy keeps the same number of weeks. Skipped weeks, registrations and a cancellation are not copied.
create or replace function public.copy_activity(p_activity_id uuid, p_starts_on date default null)
returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
	v_old_on date;
	v_new_on date;
	v_starts timestamptz;
	v_id uuid;
begin
	v_activity := public.lock_activity_for_board(p_activity_id);
	v_old_on := (v_activity.starts_at at time zone 'Europe/Amsterdam')::date;
	v_new_on := coalesce(p_starts_on, v_old_on + 7);
	if v_new_on < current_date - 1 or v_new_on > current_date + 1830 then
		raise exception 'invalid_times' using errcode = '22023';
	end if;
	v_starts := public.activity_occurrence_start(v_activity, v_new_on);
	insert into public.activities (
		municipality_id, community_centre_id, district_id, title, description, category, audience,
		recurrence, starts_at, ends_at, repeat_until, series_ends_at, cost_cents, needs_registration,
		max_participants, social_goal_id, published
	) values (
		v_activity.municipality_id, v_activity.community_centre_id, v_activity.district_id,
		v_activity.title, v_activity.description, v_activity.category, v_activity.audience,
		v_activity.recurrence, v_starts,
		((v_activity.ends_at at time zone 'Europe/Amsterdam') + (v_new_on - v_old_on) * interval '1 day') at time zone 'Europe/Amsterdam',
		v_activity.repeat_until + (v_new_on - v_old_on), v_starts, v_activity.cost_cents,
		v_activity.needs_registration, v_activity.max_participants, v_activity.social_goal_id,
		v_activity.published
	) returning id into v_id;
	return v_id;
end;
$$;
revoke all on function public.copy_activity(uuid, date) from public;
grant execute on function public.copy_activity(uuid, date) to authenticated;

-- Cancelling keeps the activity visible, marked as cancelled with the reason; p_cancel false
-- takes the cancellation back.
create or replace function public.cancel_activity(p_activity_id uuid, p_reason text default '', p_cancel boolean default true)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
begin
	perform public.assert_max_length(p_reason, 300, 'reason');
	v_activity := public.lock_activity_for_board(p_activity_id);
	update public.activities set
		cancelled_at = case when coalesce(p_cancel, true) then coalesce(cancelled_at, now()) end,
		cancel_reason = case when coalesce(p_cancel, true) then trim(coalesce(p_reason, '')) else '' end
	where id = p_activity_id;
	-- Everyone registered for a date still to come hears it, once.
	if coalesce(p_cancel, true) and v_activity.cancelled_at is null then
		perform public.notify(r.municipality_id, r.user_id, 'activity_cancelled', jsonb_build_object(
			'activity_id', v_activity.id, 'title', v_activity.title, 'reason', trim(coalesce(p_reason, ''))
		))
		from (
			select distinct x.municipality_id, x.user_id from public.activity_registrations x
			where x.activity_id = p_activity_id and x.occurs_on >= (now() at time zone 'Europe/Amsterdam')::date
		) r;
	end if;
end;
$$;
revoke all on function public.cancel_activity(uuid, text, boolean) from public;
grant execute on function public.cancel_activity(uuid, text, boolean) to authenticated;

-- Skips one week of a weekly activity (or takes the skip back). Registrations for that date lapse.
create or replace function public.skip_activity_date(p_activity_id uuid, p_occurs_on date, p_skip boolean default true)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
begin
	v_activity := public.lock_activity_for_board(p_activity_id);
	if coalesce(p_skip, true) then
		if not public.activity_occurs_on(v_activity, p_occurs_on) then
			raise exception 'occurrence_not_found' using errcode = '22023';
		end if;
		insert into public.activity_exceptions (municipality_id, activity_id, occurs_on)
		values (v_activity.municipality_id, v_activity.id, p_occurs_on)
		on conflict (activity_id, occurs_on) do nothing;
		-- Whoever registered for that date hears it, and the registration lapses.
		perform public.notify(r.municipality_id, r.user_id, 'activity_cancelled', jsonb_build_object(
			'activity_id', v_activity.id, 'title', v_activity.title, 'occurs_on', p_occurs_on
		))
		from public.activity_registrations r
		where r.activity_id = p_activity_id and r.occurs_on = p_occurs_on;
		delete from public.activity_registrations where activity_id = p_activity_id and occurs_on = p_occurs_on;
		delete from public.activity_occurrence_counts where activity_id = p_activity_id and occurs_on = p_occurs_on;
	else
		delete from public.activity_exceptions where activity_id = p_activity_id and occurs_on = p_occurs_on;
	end if;
end;
$$;
revoke all on function public.skip_activity_date(uuid, date, boolean) from public;
grant execute on function public.skip_activity_date(uuid, date, boolean) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Registration (residents)
-- ---------------------------------------------------------------------------------------------

-- Registers the caller for one occurrence. Atomic: the count row of the occurrence is raised
-- only while it is below the maximum (insert ... on conflict do update ... where locks that row,
-- so simultaneous registrations queue on it and the last places go to the first in line).
-- Returns the number registered for that occurrence afterwards.
create or replace function public.register_for_activity(p_activity_id uuid, p_occurs_on date)
returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_activity public.activities%rowtype;
	v_count integer;
begin
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	if public.is_blocked() then
		raise exception 'account_blocked' using errcode = '42501';
	end if;
	select * into v_activity from public.activities where id = p_activity_id and published;
	if not found then
		raise exception 'activity_not_found' using errcode = 'P0002';
	end if;
	if v_activity.cancelled_at is not null then
		raise exception 'activity_cancelled' using errcode = '22023';
	end if;
	if not v_activity.needs_registration then
		raise exception 'no_registration_needed' using errcode = '22023';
	end if;
	if not public.activity_occurs_on(v_activity, p_occurs_on)
		or public.activity_occurrence_start(v_activity, p_occurs_on) < now() then
		raise exception 'occurrence_not_found' using errcode = '22023';
	end if;
	begin
		insert into public.activity_registrations (municipality_id, community_centre_id, activity_id, occurs_on, user_id)
		values (v_activity.municipality_id, v_activity.community_centre_id, v_activity.id, p_occurs_on, v_uid);
	exception when unique_violation then
		raise exception 'already_registered' using errcode = '23505';
	end;
	insert into public.activity_occurrence_counts as n (activity_id, occurs_on, municipality_id, registered_count)
	values (v_activity.id, p_occurs_on, v_activity.municipality_id, 1)
	on conflict (activity_id, occurs_on) do update
		set registered_count = n.registered_count + 1
		where v_activity.max_participants is null or n.registered_count < v_activity.max_participants
	returning n.registered_count into v_count;
	if v_count is null then
		-- Full: the registration above is rolled back with this error.
		raise exception 'activity_full' using errcode = '22023';
	end if;
	return v_count;
end;
$$;
revoke all on function public.register_for_activity(uuid, date) from public;
grant execute on function public.register_for_activity(uuid, date) to authenticated;

create or replace function public.cancel_registration(p_activity_id uuid, p_occurs_on date)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
begin
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	delete from public.activity_registrations
	where activity_id = p_activity_id and occurs_on = p_occurs_on and user_id = v_uid;
	if found then
		update public.activity_occurrence_counts set registered_count = greatest(registered_count - 1, 0)
		where activity_id = p_activity_id and occurs_on = p_occurs_on;
	end if;
end;
$$;
revoke all on function public.cancel_registration(uuid, date) from public;
grant execute on function public.cancel_registration(uuid, date) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Pages
-- ---------------------------------------------------------------------------------------------

-- One activity as this visitor may see it: null when it does not exist or is unpublished and the
-- visitor is not on its centre's board (or a municipality admin).
create or replace function public.activity_page(p_activity_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_activity public.activities%rowtype;
	v_manage boolean;
begin
	select * into v_activity from public.activities where id = p_activity_id;
	if not found then
		return null;
	end if;
	v_manage := public.has_role('board_member', v_activity.municipality_id, v_activity.community_centre_id);
	if not (v_activity.published or v_manage or public.has_role('municipality_admin', v_activity.municipality_id)) then
		return null;
	end if;
	return (
		select jsonb_build_object(
			'id', v_activity.id,
			'title', v_activity.title,
			'description', v_activity.description,
			'category', v_activity.category,
			'audience', v_activity.audience,
			'recurrence', v_activity.recurrence,
			'starts_at', v_activity.starts_at,
			'ends_at', v_activity.ends_at,
			'repeat_until', v_activity.repeat_until,
			'cost_cents', v_activity.cost_cents,
			'needs_registration', v_activity.needs_registration,
			'max_participants', v_activity.max_participants,
			'published', v_activity.published,
			'cancelled', v_activity.cancelled_at is not null,
			'cancel_reason', v_activity.cancel_reason,
			'social_goal', (
				select jsonb_build_object('id', g.id, 'title', g.title, 'points', g.points)
				from public.social_goals g where g.id = v_activity.social_goal_id
			),
			'centre', jsonb_build_object(
				'id', c.id, 'slug', c.slug, 'name', c.name, 'street_address', c.street_address,
				'postcode', c.postcode, 'city', c.city, 'latitude', c.latitude, 'longitude', c.longitude,
				'accessibility', c.accessibility, 'district_id', d.id, 'district_name', d.name,
				'district_slug', d.slug
			),
			'skipped_dates', coalesce((
				select jsonb_agg(e.occurs_on order by e.occurs_on)
				from public.activity_exceptions e where e.activity_id = v_activity.id
			), '[]'::jsonb),
			'my_registrations', coalesce((
				select jsonb_agg(r.occurs_on order by r.occurs_on)
				from public.activity_registrations r
				where r.activity_id = v_activity.id and r.user_id = v_uid and v_uid is not null
			), '[]'::jsonb),
			'can_manage', v_manage
		)
		from public.community_centres c join public.districts d on d.id = c.district_id
		where c.id = v_activity.community_centre_id
	);
end;
$$;
revoke all on function public.activity_page(uuid) from public;
grant execute on function public.activity_page(uuid) to anon, authenticated;

-- The centre's board page: its activities (unpublished ones too) with the registrations still to
-- come, and the social goals of its wijk for the form. Null for anyone not on its board.
create or replace function public.centre_board_page(p_centre_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_centre public.community_centres%rowtype;
begin
	select * into v_centre from public.community_centres where id = p_centre_id;
	if not found or not public.has_role('board_member', v_centre.municipality_id, v_centre.id) then
		return null;
	end if;
	return jsonb_build_object(
		'centre', jsonb_build_object('id', v_centre.id, 'slug', v_centre.slug, 'name', v_centre.name),
		'activities', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'title', a.title, 'category', a.category, 'recurrence', a.recurrence,
				'starts_at', a.starts_at, 'ends_at', a.ends_at, 'repeat_until', a.repeat_until,
				'series_ends_at', a.series_ends_at, 'published', a.published,
				'cancelled', a.cancelled_at is not null, 'needs_registration', a.needs_registration,
				'max_participants', a.max_participants,
				'upcoming_registrations', (
					select count(*) from public.activity_registrations r
					where r.activity_id = a.id and r.occurs_on >= (now() at time zone 'Europe/Amsterdam')::date
				)
			) order by a.series_ends_at < now(), a.starts_at)
			from public.activities a where a.community_centre_id = v_centre.id
		), '[]'::jsonb),
		'social_goals', coalesce((
			select jsonb_agg(jsonb_build_object('id', g.id, 'title', g.title, 'points', g.points) order by g.title)
			from public.social_goals g where g.district_id = v_centre.district_id and g.active
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.centre_board_page(uuid) from public;
grant execute on function public.centre_board_page(uuid) to anon, authenticated;

-- Who registered, per occurrence date, for the board of the centre and municipality admins.
create or replace function public.activity_registrations_page(p_activity_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
begin
	select * into v_activity from public.activities where id = p_activity_id;
	if not found or not (public.has_role('board_member', v_activity.municipality_id, v_activity.community_centre_id)
		or public.has_role('municipality_admin', v_activity.municipality_id)) then
		return null;
	end if;
	return jsonb_build_object(
		'activity_id', v_activity.id,
		'title', v_activity.title,
		'max_participants', v_activity.max_participants,
		'dates', coalesce((
			select jsonb_agg(jsonb_build_object('occurs_on', x.occurs_on, 'count', x.n, 'names', x.names) order by x.occurs_on)
			from (
				select r.occurs_on, count(*) as n, jsonb_agg(p.display_name order by r.created_at) as names
				from public.activity_registrations r join public.profiles p on p.id = r.user_id
				where r.activity_id = v_activity.id
				group by r.occurs_on
			) x
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.activity_registrations_page(uuid) from public;
grant execute on function public.activity_registrations_page(uuid) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Points for the ondersteuningsregeling (municipality admins)
-- ---------------------------------------------------------------------------------------------

-- Creates (p_goal_id null) or changes a social goal of a wijk.
create or replace function public.save_social_goal(
	p_goal_id uuid,
	p_district_id uuid,
	p_title text,
	p_description text,
	p_points integer,
	p_active boolean default true
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_district public.districts%rowtype;
	v_id uuid;
begin
	perform public.assert_max_length(p_title, 120, 'title');
	perform public.assert_max_length(p_description, 1000, 'description');
	select * into v_district from public.districts where id = p_district_id;
	if not found or not public.has_role('municipality_admin', v_district.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if char_length(trim(coalesce(p_title, ''))) < 3 then
		raise exception 'title_too_short' using errcode = '22023';
	end if;
	if p_points is null or p_points < 1 or p_points > 100 then
		raise exception 'invalid_points' using errcode = '22023';
	end if;
	if p_goal_id is null then
		insert into public.social_goals (municipality_id, district_id, title, description, points, active)
		values (v_district.municipality_id, v_district.id, trim(p_title), trim(coalesce(p_description, '')), p_points, coalesce(p_active, true))
		returning id into v_id;
	else
		update public.social_goals set district_id = v_district.id, title = trim(p_title),
			description = trim(coalesce(p_description, '')), points = p_points, active = coalesce(p_active, true)
		where id = p_goal_id and municipality_id = v_district.municipality_id
		returning id into v_id;
		if v_id is null then
			raise exception 'goal_not_found' using errcode = 'P0002';
		end if;
	end if;
	return v_id;
end;
$$;
revoke all on function public.save_social_goal(uuid, uuid, text, text, integer, boolean) from public;
grant execute on function public.save_social_goal(uuid, uuid, text, text, integer, boolean) to authenticated;

-- Points per activity serving a social goal, for the occurrences held from p_from to p_to (local
-- dates, inclusive): published, not cancelled, not skipped. One row per activity; the report page
-- sums them per buurthuis. The caller's municipality only; at most two years.
create or replace function public.points_report(p_from date, p_to date, p_centre_id uuid default null)
returns table (
	centre_id uuid,
	centre_slug text,
	centre_name text,
	district_name text,
	activity_id uuid,
	activity_title text,
	social_goal_title text,
	points_per_occurrence integer,
	occurrences integer,
	points integer
) language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 731 then
		raise exception 'period_too_long' using errcode = '22023';
	end if;
	return query
	select c.id, c.slug, c.name, d.name, a.id, a.title, g.title, g.points, x.n::integer, (x.n * g.points)::integer
	from public.activities a
	join public.social_goals g on g.id = a.social_goal_id
	join public.community_centres c on c.id = a.community_centre_id
	join public.districts d on d.id = c.district_id
	cross join lateral (
		select count(*) as n
		from generate_series(
			0,
			case when a.recurrence = 'weekly'
				then (a.repeat_until - (a.starts_at at time zone 'Europe/Amsterdam')::date) / 7 else 0 end
		) k
		where ((a.starts_at at time zone 'Europe/Amsterdam')::date + 7 * k) between p_from and p_to
			and not exists (
				select 1 from public.activity_exceptions e
				where e.activity_id = a.id and e.occurs_on = (a.starts_at at time zone 'Europe/Amsterdam')::date + 7 * k
			)
	) x
	where a.municipality_id = v_municipality and a.published and a.cancelled_at is null
		and (p_centre_id is null or a.community_centre_id = p_centre_id)
		and (a.starts_at at time zone 'Europe/Amsterdam')::date <= p_to
		and (a.series_ends_at at time zone 'Europe/Amsterdam')::date >= p_from
		and x.n > 0
	order by c.name, a.title;
end;
$$;
revoke all on function public.points_report(date, date, uuid) from public;
grant execute on function public.points_report(date, date, uuid) to authenticated;

-- The board's page of one activity: what activity_page shows, who registered per date, and the
-- social goals of the centre's wijk for the form. Null for anyone not on the centre's board.
create or replace function public.activity_board_page(p_activity_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
begin
	select * into v_activity from public.activities where id = p_activity_id;
	if not found or not public.has_role('board_member', v_activity.municipality_id, v_activity.community_centre_id) then
		return null;
	end if;
	return jsonb_build_object(
		'activity', public.activity_page(p_activity_id),
		'registrations', public.activity_registrations_page(p_activity_id) -> 'dates',
		-- The next 16 dates from today, skipped ones included so the board can restore them.
		'dates', coalesce((
			select jsonb_agg(jsonb_build_object(
				'occurs_on', x.d,
				'skipped', exists (select 1 from public.activity_exceptions e where e.activity_id = v_activity.id and e.occurs_on = x.d),
				'registered_count', coalesce((
					select n.registered_count from public.activity_occurrence_counts n
					where n.activity_id = v_activity.id and n.occurs_on = x.d
				), 0)
			) order by x.d)
			from (
				select l.first_day + 7 * k as d
				from (select (v_activity.starts_at at time zone 'Europe/Amsterdam')::date as first_day) l,
					generate_series(
						greatest(0, ((now() at time zone 'Europe/Amsterdam')::date - l.first_day) / 7),
						case when v_activity.recurrence = 'weekly' then (v_activity.repeat_until - l.first_day) / 7 else 0 end
					) k
				where l.first_day + 7 * k >= (now() at time zone 'Europe/Amsterdam')::date
				order by 1
				limit 16
			) x
		), '[]'::jsonb),
		'social_goals', coalesce((
			select jsonb_agg(jsonb_build_object('id', g.id, 'title', g.title, 'points', g.points) order by g.title)
			from public.social_goals g
			where g.district_id = v_activity.district_id and (g.active or g.id = v_activity.social_goal_id)
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.activity_board_page(uuid) from public;
grant execute on function public.activity_board_page(uuid) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- iCalendar feeds: the published series themselves (the feed writes RRULE and EXDATE), for the
-- whole city, one buurthuis (p_centre_slug) or one wijk (p_district_slug). Null when the slug
-- names nothing. Series that ended more than half a year ago, or start more than a year ahead,
-- are left out.
-- ---------------------------------------------------------------------------------------------

create or replace function public.activity_feed(p_centre_slug text default null, p_district_slug text default null)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_name text := 'Buurthuizen';
	v_centre uuid;
	v_district uuid;
begin
	perform public.assert_max_length(p_centre_slug, 60, 'centre_slug');
	perform public.assert_max_length(p_district_slug, 60, 'district_slug');
	if p_centre_slug is not null then
		select c.id, c.name into v_centre, v_name from public.community_centres c where c.slug = p_centre_slug order by c.created_at limit 1;
		if v_centre is null then
			return null;
		end if;
	elsif p_district_slug is not null then
		select d.id, 'Buurthuizen in ' || d.name into v_district, v_name from public.districts d where d.slug = p_district_slug order by d.created_at limit 1;
		if v_district is null then
			return null;
		end if;
	end if;
	return jsonb_build_object(
		'name', v_name,
		'activities', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'title', a.title, 'description', a.description, 'category', a.category,
				'recurrence', a.recurrence, 'starts_at', a.starts_at, 'ends_at', a.ends_at,
				'repeat_until', a.repeat_until, 'series_ends_at', a.series_ends_at,
				'cost_cents', a.cost_cents, 'cancelled', a.cancelled_at is not null,
				'cancel_reason', a.cancel_reason, 'updated_at', a.updated_at,
				'centre_name', c.name, 'centre_slug', c.slug,
				'location', c.name || ', ' || c.street_address || ', ' || c.postcode || ' ' || c.city,
				'latitude', c.latitude, 'longitude', c.longitude,
				'skipped_dates', coalesce((
					select jsonb_agg(e.occurs_on order by e.occurs_on)
					from public.activity_exceptions e where e.activity_id = a.id
				), '[]'::jsonb)
			) order by a.starts_at)
			from (
				select * from public.activities x
				where x.published and x.series_ends_at > now() - interval '183 days'
					and x.starts_at < now() + interval '1 year'
					and (v_centre is null or x.community_centre_id = v_centre)
					and (v_district is null or x.district_id = v_district)
				order by x.starts_at desc
				limit 5000
			) a
			join public.community_centres c on c.id = a.community_centre_id
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.activity_feed(text, text) from public;
grant execute on function public.activity_feed(text, text) to anon, authenticated;

select public.add_timestamp_triggers();
