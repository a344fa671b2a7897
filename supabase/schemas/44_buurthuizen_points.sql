-- Buurthuizen points: the wijken's maatschappelijke opgaven and the points per held occurrence,
-- which feed the municipality's ondersteuningsregeling.

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
