-- Buurthuizen points: the wijken's maatschappelijke opgaven and the points per held occurrence,
-- which feed the municipality's ondersteuningsregeling.
--
-- An occurrence earns points only if it existed before its date (the activity was created before
-- that day began; 41_buurthuizen_board.sql keeps a series' past from changing), was not skipped,
-- and came before a cancellation. The admin closes a period once it is over: its points are
-- frozen per occurrence (points_period_occurrences), the report reads them from there, and no
-- date in it can be skipped or restored any more.

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
			raise exception 'goal_not_found' using errcode = 'PT404';
		end if;
	end if;
	return v_id;
end;
$$;
revoke all on function public.save_social_goal(uuid, uuid, text, text, integer, boolean) from public, anon;
grant execute on function public.save_social_goal(uuid, uuid, text, text, integer, boolean) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Closed periods: their points frozen, occurrence by occurrence
-- ---------------------------------------------------------------------------------------------

create table public.points_periods (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	period_start date not null,
	period_end date not null,
	closed_by uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint points_periods_in_order check (period_start <= period_end and period_end - period_start <= 731)
);

create trigger points_periods_set_timestamps before insert or update on public.points_periods
	for each row execute function public.set_timestamps();

create index points_periods_municipality_idx on public.points_periods (municipality_id, period_start);

alter table public.points_periods enable row level security;

-- Written only by close_points_period; the municipality's admins read them.
create policy "Municipality admins see the closed points periods" on public.points_periods
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

create table public.points_period_occurrences (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	period_id uuid not null references public.points_periods (id) on delete cascade,
	activity_id uuid not null references public.activities (id) on delete cascade,
	occurs_on date not null,
	-- As they were when the period closed: a later change of the goal changes nothing here.
	social_goal_title text not null,
	points integer not null check (points between 1 and 100),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (activity_id, occurs_on)
);

create trigger points_period_occurrences_set_timestamps before insert or update on public.points_period_occurrences
	for each row execute function public.set_timestamps();

create index points_period_occurrences_period_idx on public.points_period_occurrences (municipality_id, occurs_on);

alter table public.points_period_occurrences enable row level security;

create policy "Municipality admins see the frozen points of their municipality" on public.points_period_occurrences
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- Whether a date lies in a closed points period: nothing about such a date changes any more
-- (skip_activity_date refuses it).
create or replace function public.in_closed_points_period(p_municipality_id uuid, p_day date) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.points_periods p
		where p.municipality_id = p_municipality_id and p_day between p.period_start and p.period_end
	);
$$;
revoke all on function public.in_closed_points_period(uuid, date) from public, anon, authenticated;

-- The occurrences that earn points from p_from to p_to (local dates, inclusive), computed from
-- the activities as they are now: published, serving a goal, not skipped, created before the day
-- began, and before the day it was cancelled. Internal: points_report and close_points_period.
create or replace function public.live_points_occurrences(p_municipality_id uuid, p_from date, p_to date, p_centre_id uuid default null)
returns table (activity_id uuid, occurs_on date, social_goal_title text, points integer)
language sql stable security definer set search_path = '' as $$
	select a.id, o.d, g.title, g.points
	from public.activities a
	join public.social_goals g on g.id = a.social_goal_id
	cross join lateral (
		select (a.starts_at at time zone 'Europe/Amsterdam')::date + 7 * k as d
		from generate_series(
			0,
			case when a.recurrence = 'weekly'
				then (a.repeat_until - (a.starts_at at time zone 'Europe/Amsterdam')::date) / 7 else 0 end
		) k
	) o
	where a.municipality_id = p_municipality_id and a.published
		and (p_centre_id is null or a.community_centre_id = p_centre_id)
		and (a.starts_at at time zone 'Europe/Amsterdam')::date <= p_to
		and (a.series_ends_at at time zone 'Europe/Amsterdam')::date >= p_from
		and o.d between p_from and p_to
		and a.created_at < (o.d::timestamp at time zone 'Europe/Amsterdam')
		and (a.cancelled_at is null or o.d < (a.cancelled_at at time zone 'Europe/Amsterdam')::date)
		and not exists (
			select 1 from public.activity_exceptions e where e.activity_id = a.id and e.occurs_on = o.d
		);
$$;
revoke all on function public.live_points_occurrences(uuid, date, date, uuid) from public, anon, authenticated;

-- Points per activity serving a social goal, for the occurrences held from p_from to p_to (local
-- dates, inclusive): dates in a closed period as frozen when it closed, the others as they are
-- now (live_points_occurrences). One row per activity and goal; the report page sums them per
-- buurthuis. The caller's municipality only; at most two years.
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
	with held as (
		select l.activity_id, l.occurs_on, l.social_goal_title, l.points
		from public.live_points_occurrences(v_municipality, p_from, p_to, p_centre_id) l
		where not public.in_closed_points_period(v_municipality, l.occurs_on)
		union all
		select f.activity_id, f.occurs_on, f.social_goal_title, f.points
		from public.points_period_occurrences f
		join public.activities a on a.id = f.activity_id
		where f.municipality_id = v_municipality and f.occurs_on between p_from and p_to
			and (p_centre_id is null or a.community_centre_id = p_centre_id)
	)
	select c.id, c.slug, c.name, d.name, a.id, a.title, h.social_goal_title, h.points,
		count(*)::integer, sum(h.points)::integer
	from held h
	join public.activities a on a.id = h.activity_id
	join public.community_centres c on c.id = a.community_centre_id
	join public.districts d on d.id = c.district_id
	group by c.id, c.slug, c.name, d.name, a.id, a.title, h.social_goal_title, h.points
	order by c.name, a.title;
end;
$$;
revoke all on function public.points_report(date, date, uuid) from public, anon;
grant execute on function public.points_report(date, date, uuid) to authenticated;

-- The admin closes a period that is over: its occurrences and their points are frozen, and from
-- then on the report reads them from there and no date in it changes. Periods do not overlap.
-- Returns the period's id.
create or replace function public.close_points_period(p_start date, p_end date) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_id uuid;
	v_count integer;
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_start is null or p_end is null or p_end < p_start or p_end - p_start > 731 then
		raise exception 'invalid_period' using errcode = '22023';
	end if;
	if p_end >= (now() at time zone 'Europe/Amsterdam')::date then
		raise exception 'period_not_over' using errcode = 'PT409';
	end if;
	-- One closing at a time per municipality, so two overlapping periods cannot both pass the check.
	perform 1 from public.municipalities m where m.id = v_municipality for update;
	if exists (
		select 1 from public.points_periods p
		where p.municipality_id = v_municipality and p.period_start <= p_end and p.period_end >= p_start
	) then
		raise exception 'period_overlaps' using errcode = 'PT409';
	end if;
	insert into public.points_periods (municipality_id, period_start, period_end, closed_by)
	values (v_municipality, p_start, p_end, (select auth.uid()))
	returning id into v_id;
	insert into public.points_period_occurrences (municipality_id, period_id, activity_id, occurs_on, social_goal_title, points)
	select v_municipality, v_id, l.activity_id, l.occurs_on, l.social_goal_title, l.points
	from public.live_points_occurrences(v_municipality, p_start, p_end) l;
	get diagnostics v_count = row_count;
	perform public.log_audit(v_municipality, 'buurthuizen.points_period_closed', 'points_period', v_id,
		jsonb_build_object('period_start', p_start, 'period_end', p_end, 'occurrences', v_count));
	return v_id;
end;
$$;
revoke all on function public.close_points_period(date, date) from public, anon;
grant execute on function public.close_points_period(date, date) to authenticated;

-- The closed periods of the caller's municipality, newest first, for the points page.
create or replace function public.points_periods_page() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return coalesce((
		select jsonb_agg(jsonb_build_object(
			'id', p.id, 'period_start', p.period_start, 'period_end', p.period_end, 'closed_at', p.created_at,
			'closed_by_name', (select pr.display_name from public.profiles pr where pr.id = p.closed_by),
			'points', (select coalesce(sum(o.points), 0) from public.points_period_occurrences o where o.period_id = p.id)
		) order by p.period_start desc)
		from public.points_periods p where p.municipality_id = v_municipality
	), '[]'::jsonb);
end;
$$;
revoke all on function public.points_periods_page() from public, anon;
grant execute on function public.points_periods_page() to authenticated;
