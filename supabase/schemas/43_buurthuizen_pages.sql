-- Buurthuizen pages, one read each (an activity, a centre's board, its registrations), and the
-- iCalendar feeds.

-- One activity as this visitor may see it: null when it does not exist or is unpublished and the
-- visitor is not on its centre's board (or a municipality admin).
create or replace function public.activity_page(p_activity_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_activity public.activities%rowtype;
	v_manage boolean;
begin
	-- Only the site's own municipality's activities (issue 18): another municipality's activity,
	-- asked for by its id on this site, is not found here.
	select * into v_activity from public.activities
	where id = p_activity_id and municipality_id = public.current_municipality_id();
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
			-- The weeks still to come that do not go ahead, with the board's reason.
			'skipped', coalesce((
				select jsonb_agg(jsonb_build_object('occurs_on', e.occurs_on, 'reason', e.reason,
					'moved_to', (
						select jsonb_build_object('id', m.id, 'starts_at', m.starts_at, 'ends_at', m.ends_at)
						from public.activities m where m.id = e.moved_to and m.cancelled_at is null
					)) order by e.occurs_on)
				from public.activity_exceptions e
				where e.activity_id = v_activity.id and e.occurs_on >= (now() at time zone 'Europe/Amsterdam')::date
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
		'centre', jsonb_build_object(
			'id', v_centre.id, 'slug', v_centre.slug, 'name', v_centre.name,
			'archived', v_centre.archived_at is not null
		),
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
revoke all on function public.centre_board_page(uuid) from public, anon;
grant execute on function public.centre_board_page(uuid) to authenticated;

-- Who registered on the given dates (all dates when p_dates is null), as the pages show it, and
-- one processing-log line per person shown: a page logs only the people it shows. For the page
-- functions below only (they check the reader's role and pass it).
create or replace function public.activity_registrations_shown(
	p_activity public.activities, p_dates date[], p_actor_role text
) returns jsonb language plpgsql volatile security definer set search_path = '' as $$
begin
	perform public.log_processing_many(
		p_activity.municipality_id, 'buurthuizen.registration', 'read', 'registrations.viewed',
		array_agg(r.user_id), null, 'activity', array[p_activity.id], p_actor_role,
		case when p_actor_role = 'board_member' then p_activity.community_centre_id end
	)
	from public.activity_registrations r
	where r.activity_id = p_activity.id and (p_dates is null or r.occurs_on = any (p_dates));
	return coalesce((
		select jsonb_agg(jsonb_build_object('occurs_on', x.occurs_on, 'count', x.n, 'names', x.names) order by x.occurs_on)
		from (
			select r.occurs_on, count(*) as n, jsonb_agg(p.display_name order by r.created_at) as names
			from public.activity_registrations r join public.profiles p on p.id = r.user_id
			where r.activity_id = p_activity.id and (p_dates is null or r.occurs_on = any (p_dates))
			group by r.occurs_on
		) x
	), '[]'::jsonb);
end;
$$;
revoke all on function public.activity_registrations_shown(public.activities, date[], text) from public, anon, authenticated, service_role;

-- Who registered, per occurrence date (every date of the series), for the board of the centre and
-- municipality admins.
create or replace function public.activity_registrations_page(p_activity_id uuid) returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
	v_board boolean;
begin
	perform public.log_reads_without_waiting();
	select * into v_activity from public.activities where id = p_activity_id;
	if not found then
		return null;
	end if;
	v_board := public.has_role('board_member', v_activity.municipality_id, v_activity.community_centre_id);
	if not (v_board or public.has_role('municipality_admin', v_activity.municipality_id)) then
		return null;
	end if;
	return jsonb_build_object(
		'activity_id', v_activity.id,
		'title', v_activity.title,
		'max_participants', v_activity.max_participants,
		'dates', public.activity_registrations_shown(
			v_activity, null, case when v_board then 'board_member' else 'municipality_admin' end
		)
	);
end;
$$;
revoke all on function public.activity_registrations_page(uuid) from public, anon;
grant execute on function public.activity_registrations_page(uuid) to authenticated;

-- The board's page of one activity: what activity_page shows, its next 16 dates with how many
-- registered, the names of who registered on one of them (p_names_on, the page of that week; else
-- the next date that is not skipped), and the social goals of the centre's wijk for the form. Names
-- on one date only: the board needs them for the coming meeting, and each name shown is a line in
-- the processing log (a weekly activity can have 70 people on 16 dates). Null for anyone not on
-- the centre's board.
create or replace function public.activity_board_page(p_activity_id uuid, p_names_on date default null)
returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
	v_dates date[];
	v_names_on date;
begin
	perform public.log_reads_without_waiting();
	select * into v_activity from public.activities where id = p_activity_id;
	if not found or not public.has_role('board_member', v_activity.municipality_id, v_activity.community_centre_id) then
		return null;
	end if;
	-- The next 16 dates from today, skipped ones included so the board can restore them.
	select coalesce(array_agg(x.d order by x.d), '{}') into v_dates
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
	) x;
	select d into v_names_on
	from unnest(v_dates) as x (d)
	where case when p_names_on is null
		then not exists (select 1 from public.activity_exceptions e where e.activity_id = v_activity.id and e.occurs_on = x.d)
		else x.d = p_names_on end
	order by d
	limit 1;
	return jsonb_build_object(
		'activity', public.activity_page(p_activity_id),
		'centre_archived', exists (
			select 1 from public.community_centres c where c.id = v_activity.community_centre_id and c.archived_at is not null
		),
		'names_on', v_names_on,
		'registrations', case when v_names_on is null then '[]'::jsonb
			else public.activity_registrations_shown(v_activity, array[v_names_on], 'board_member') end,
		'dates', coalesce((
			select jsonb_agg(jsonb_build_object(
				'occurs_on', x.d,
				'skipped', exists (select 1 from public.activity_exceptions e where e.activity_id = v_activity.id and e.occurs_on = x.d),
				'moved_to', (
					select jsonb_build_object('id', m.id, 'starts_at', m.starts_at, 'ends_at', m.ends_at)
					from public.activity_exceptions e join public.activities m on m.id = e.moved_to
					where e.activity_id = v_activity.id and e.occurs_on = x.d
				),
				'registered_count', coalesce((
					select n.registered_count from public.activity_occurrence_counts n
					where n.activity_id = v_activity.id and n.occurs_on = x.d
				), 0)
			) order by x.d)
			from unnest(v_dates) as x (d)
		), '[]'::jsonb),
		'social_goals', coalesce((
			select jsonb_agg(jsonb_build_object('id', g.id, 'title', g.title, 'points', g.points) order by g.title)
			from public.social_goals g
			where g.district_id = v_activity.district_id and (g.active or g.id = v_activity.social_goal_id)
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.activity_board_page(uuid, date) from public, anon;
grant execute on function public.activity_board_page(uuid, date) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- iCalendar feeds: the published series themselves (the feed writes RRULE and EXDATE), for the
-- whole city, one buurthuis (p_centre_slug) or one wijk (p_district_slug). Null when the slug
-- names nothing. Series that ended more than half a year ago, or start more than a year ahead,
-- are left out.
-- ---------------------------------------------------------------------------------------------

create or replace function public.activity_feed(p_centre_slug text default null, p_district_slug text default null)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.current_municipality_id();
	v_name text := 'Buurthuizen';
	v_centre uuid;
	v_district uuid;
begin
	perform public.assert_max_length(p_centre_slug, 60, 'centre_slug');
	perform public.assert_max_length(p_district_slug, 60, 'district_slug');
	select 'Buurthuizen ' || m.name into v_name from public.municipalities m where m.id = v_municipality;
	if p_centre_slug is not null then
		select c.id, c.name into v_centre, v_name from public.community_centres c where c.slug = p_centre_slug and c.municipality_id = v_municipality;
		if v_centre is null then
			return null;
		end if;
	elsif p_district_slug is not null then
		select d.id, 'Buurthuizen in ' || d.name into v_district, v_name from public.districts d where d.slug = p_district_slug and d.municipality_id = v_municipality;
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
				where x.municipality_id = v_municipality and x.published and x.series_ends_at > now() - interval '183 days'
					and x.starts_at < now() + interval '1 year'
					and (v_centre is null or x.community_centre_id = v_centre)
					and (v_district is null or x.district_id = v_district)
				order by x.starts_at desc
				limit 5000
			) a
			join public.community_centres c on c.id = a.community_centre_id and c.archived_at is null
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.activity_feed(text, text) from public;
grant execute on function public.activity_feed(text, text) to anon, authenticated;
