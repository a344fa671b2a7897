-- Buurthuizen board: create, update, copy, cancel, skip a week. Only the centre's board members
-- change activities, through these functions; the tables have no write policies.

-- A notification mail (its words in src/lib/server/buurthuizen/mail.ts) for residents registered
-- for what is called off.
insert into public.notification_kinds (kind, area) values ('activity_cancelled', 'buurthuizen');

-- The same, for one week of a weekly activity that takes place on another date or time.
insert into public.notification_kinds (kind, area) values ('activity_moved', 'buurthuizen');

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
-- A maximum needs registration: without it nobody is counted, so the maximum would be dropped.
create or replace function public.assert_activity_values(
	p_centre_id uuid, p_starts_at timestamptz, p_ends_at timestamptz, p_recurrence text,
	p_repeat_until date, p_cost_cents integer, p_needs_registration boolean, p_max_participants integer,
	p_social_goal_id uuid
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
	if p_max_participants is not null and not coalesce(p_needs_registration, false) then
		raise exception 'max_without_registration' using errcode = '22023';
	end if;
	if p_social_goal_id is not null and not exists (
		select 1 from public.social_goals g join public.community_centres c on c.district_id = g.district_id
		where g.id = p_social_goal_id and c.id = p_centre_id and g.active
	) then
		raise exception 'social_goal_not_found' using errcode = '22023';
	end if;
end;
$$;
revoke all on function public.assert_activity_values(uuid, timestamptz, timestamptz, text, date, integer, boolean, integer, uuid) from public, anon, authenticated;

-- When an activity takes place may change only from today on (issues 16.2 and 16.9): a new first
-- date is not before today (Amsterdam); a series that has begun keeps its first date, time and
-- recurrence, and its end date stays today or later, so no occurrence in the past appears or
-- disappears after the fact (the points for the ondersteuningsregeling count past occurrences).
create or replace function public.assert_activity_schedule(
	p_old public.activities, p_starts_at timestamptz, p_recurrence text, p_repeat_until date
) returns void language plpgsql stable set search_path = '' as $$
declare
	v_today date := (now() at time zone 'Europe/Amsterdam')::date;
begin
	if p_old.id is not null and p_old.starts_at < now() then
		if p_starts_at is distinct from p_old.starts_at or p_recurrence is distinct from p_old.recurrence
			or (p_recurrence = 'weekly' and p_repeat_until is distinct from p_old.repeat_until
				and least(p_repeat_until, p_old.repeat_until) < v_today) then
			raise exception 'series_started' using errcode = 'PT409';
		end if;
	elsif p_starts_at is not null and (p_starts_at at time zone 'Europe/Amsterdam')::date < v_today then
		raise exception 'starts_in_past' using errcode = '22023';
	end if;
end;
$$;
revoke all on function public.assert_activity_schedule(public.activities, timestamptz, text, date) from public, anon, authenticated;


-- An archived buurthuis (the municipality admin archived it) keeps its activities as history, but its
-- board can no longer add or change them: every board write below asks this first.
create or replace function public.assert_centre_not_archived(p_centre_id uuid) returns void language plpgsql stable set search_path = '' as $$
begin
	if exists (select 1 from public.community_centres c where c.id = p_centre_id and c.archived_at is not null) then
		raise exception 'centre_archived' using errcode = '42501';
	end if;
end;
$$;
revoke all on function public.assert_centre_not_archived(uuid) from public, anon, authenticated;

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
		raise exception 'activity_not_found' using errcode = 'PT404';
	end if;
	perform public.assert_centre_not_archived(v_activity.community_centre_id);
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
	perform public.assert_centre_not_archived(v_centre.id);
	perform public.assert_activity_values(
		p_centre_id, p_starts_at, p_ends_at, p_recurrence, p_repeat_until, p_cost_cents,
		p_needs_registration, p_max_participants, p_social_goal_id
	);
	perform public.assert_activity_schedule(null, p_starts_at, p_recurrence, p_repeat_until);
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
revoke all on function public.create_activity(uuid, text, text, text, text, timestamptz, timestamptz, text, date, integer, boolean, integer, uuid, boolean) from public, anon;
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
		p_cost_cents, p_needs_registration, p_max_participants, p_social_goal_id
	);
	perform public.assert_activity_schedule(v_activity, p_starts_at, p_recurrence, p_repeat_until);
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
revoke all on function public.update_activity(uuid, text, text, text, text, timestamptz, timestamptz, text, date, integer, boolean, integer, uuid, boolean) from public, anon;
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
	if v_new_on < (now() at time zone 'Europe/Amsterdam')::date then
		raise exception 'starts_in_past' using errcode = '22023';
	end if;
	if v_new_on > current_date + 1830 then
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
revoke all on function public.copy_activity(uuid, date) from public, anon;
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
revoke all on function public.cancel_activity(uuid, text, boolean) from public, anon;
grant execute on function public.cancel_activity(uuid, text, boolean) to authenticated;

-- Skips one week of a weekly activity, with the reason the activity page shows (or takes the skip
-- back). Registrations for that date lapse. A date in a closed points period stays as it is.
create or replace function public.skip_activity_date(p_activity_id uuid, p_occurs_on date, p_skip boolean default true, p_reason text default '')
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
	v_reason text := trim(coalesce(p_reason, ''));
begin
	perform public.assert_max_length(p_reason, 300, 'reason');
	v_activity := public.lock_activity_for_board(p_activity_id);
	if p_occurs_on is null then
		raise exception 'occurrence_not_found' using errcode = '22023';
	end if;
	if public.in_closed_points_period(v_activity.municipality_id, p_occurs_on) then
		raise exception 'period_closed' using errcode = 'PT409';
	end if;
	if coalesce(p_skip, true) then
		if not public.activity_occurs_on(v_activity, p_occurs_on) then
			raise exception 'occurrence_not_found' using errcode = '22023';
		end if;
		insert into public.activity_exceptions (municipality_id, activity_id, occurs_on, reason)
		values (v_activity.municipality_id, v_activity.id, p_occurs_on, v_reason)
		on conflict (activity_id, occurs_on) do nothing;
		-- Whoever registered for that date hears it, and the registration lapses.
		perform public.notify(r.municipality_id, r.user_id, 'activity_cancelled', jsonb_build_object(
			'activity_id', v_activity.id, 'title', v_activity.title, 'occurs_on', p_occurs_on, 'reason', v_reason
		))
		from public.activity_registrations r
		where r.activity_id = p_activity_id and r.occurs_on = p_occurs_on;
		delete from public.activity_registrations where activity_id = p_activity_id and occurs_on = p_occurs_on;
		delete from public.activity_occurrence_counts where activity_id = p_activity_id and occurs_on = p_occurs_on;
	else
		-- A week moved to another date keeps its registrations there: it cannot come back here.
		if exists (
			select 1 from public.activity_exceptions e
			where e.activity_id = p_activity_id and e.occurs_on = p_occurs_on and e.moved_to is not null
		) then
			raise exception 'occurrence_moved' using errcode = 'PT409';
		end if;
		delete from public.activity_exceptions where activity_id = p_activity_id and occurs_on = p_occurs_on;
	end if;
end;
$$;
revoke all on function public.skip_activity_date(uuid, date, boolean, text) from public, anon;
grant execute on function public.skip_activity_date(uuid, date, boolean, text) to authenticated;

-- "Andere datum of tijd voor deze keer": one week of a weekly activity takes place at another
-- date or time. Only a board member of the activity's buurthuis, in its municipality
-- (lock_activity_for_board). The week is skipped with a pointer to a one-off copy at the new time
-- (moved_to), which takes over that week's registrations; everyone registered hears it. Neither
-- date may lie in the past or in a closed points period. Returns the one-off's id.
create or replace function public.move_activity_date(
	p_activity_id uuid,
	p_occurs_on date,
	p_starts_at timestamptz,
	p_ends_at timestamptz,
	p_reason text default ''
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_activity public.activities%rowtype;
	v_reason text := trim(coalesce(p_reason, ''));
	v_new_on date := (p_starts_at at time zone 'Europe/Amsterdam')::date;
	v_id uuid;
	v_count integer;
begin
	perform public.assert_max_length(p_reason, 300, 'reason');
	v_activity := public.lock_activity_for_board(p_activity_id);
	if v_activity.recurrence <> 'weekly' then
		raise exception 'not_weekly' using errcode = '22023';
	end if;
	if v_activity.cancelled_at is not null then
		raise exception 'activity_cancelled' using errcode = '22023';
	end if;
	if p_occurs_on is null or not public.activity_occurs_on(v_activity, p_occurs_on)
		or public.activity_occurrence_start(v_activity, p_occurs_on) < now() then
		raise exception 'occurrence_not_found' using errcode = '22023';
	end if;
	if p_starts_at is null or p_ends_at is null or p_ends_at <= p_starts_at
		or p_ends_at > p_starts_at + interval '24 hours' then
		raise exception 'invalid_times' using errcode = '22023';
	end if;
	if p_starts_at < now() then
		raise exception 'starts_in_past' using errcode = '22023';
	end if;
	if v_new_on > (now() at time zone 'Europe/Amsterdam')::date + 1830 then
		raise exception 'invalid_times' using errcode = '22023';
	end if;
	if public.in_closed_points_period(v_activity.municipality_id, p_occurs_on)
		or public.in_closed_points_period(v_activity.municipality_id, v_new_on) then
		raise exception 'period_closed' using errcode = 'PT409';
	end if;
	if p_starts_at = public.activity_occurrence_start(v_activity, p_occurs_on)
		and p_ends_at - p_starts_at = v_activity.ends_at - v_activity.starts_at then
		raise exception 'nothing_changed' using errcode = '22023';
	end if;

	insert into public.activities (
		municipality_id, community_centre_id, district_id, title, description, category, audience,
		recurrence, starts_at, ends_at, repeat_until, series_ends_at, cost_cents, needs_registration,
		max_participants, social_goal_id, published
	) values (
		v_activity.municipality_id, v_activity.community_centre_id, v_activity.district_id,
		v_activity.title, v_activity.description, v_activity.category, v_activity.audience,
		'once', p_starts_at, p_ends_at, null, p_ends_at, v_activity.cost_cents,
		v_activity.needs_registration, v_activity.max_participants, v_activity.social_goal_id,
		v_activity.published
	) returning id into v_id;
	insert into public.activity_exceptions (municipality_id, activity_id, occurs_on, reason, moved_to)
	values (v_activity.municipality_id, v_activity.id, p_occurs_on, v_reason, v_id);

	-- The registrations (and their count) move along: nobody loses a place.
	update public.activity_registrations set activity_id = v_id, occurs_on = v_new_on
	where activity_id = p_activity_id and occurs_on = p_occurs_on;
	get diagnostics v_count = row_count;
	update public.activity_occurrence_counts set activity_id = v_id, occurs_on = v_new_on
	where activity_id = p_activity_id and occurs_on = p_occurs_on;
	perform public.notify(r.municipality_id, r.user_id, 'activity_moved', jsonb_build_object(
		'activity_id', v_id, 'title', v_activity.title, 'occurs_on', p_occurs_on,
		'starts_at', p_starts_at, 'ends_at', p_ends_at, 'reason', v_reason
	))
	from public.activity_registrations r
	where r.activity_id = v_id;
	perform public.log_audit(v_activity.municipality_id, 'buurthuizen.activity_date_moved', 'activity', v_activity.id,
		jsonb_build_object('occurs_on', p_occurs_on, 'moved_to', v_id, 'registrations', v_count));
	return v_id;
end;
$$;
revoke all on function public.move_activity_date(uuid, date, timestamptz, timestamptz, text) from public, anon;
grant execute on function public.move_activity_date(uuid, date, timestamptz, timestamptz, text) to authenticated;
