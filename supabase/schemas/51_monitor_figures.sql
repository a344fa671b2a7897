-- Monitor sociaal domein (issue 21): each area's monitor function (registered in monitor_areas),
-- the aggregator over all of them, who may read, and the monitor page's one call.
--
-- A platform service like the notification kinds and the scheduled jobs: each area registers one
-- function in monitor_areas, public.monitor_<area>(municipality, from, to), which returns the
-- area's events for the days of the period as rows (metric, agg, district_id, month, subject,
-- value, item), each in the month it happened; and optionally a state function
-- (state_function_name, same signature), whose rows have no month: what the period's years hold
-- now (a budget, the shops taking part). monitor_figures aggregates every registered area at the
-- grains a caller asks for (per wijk, per month, both, the whole period): 'sum' adds value,
-- 'distinct' counts distinct items, 'median' takes the median of value. Months that are over are
-- read from the rollup (53_monitor_rollup.sql) instead of the area functions. The words for each
-- metric live in src/lib/server/<area>/monitor.ts; a test checks SQL and TypeScript name the same
-- metrics.
--
-- Who reads what: monitor_page (municipality admins; the platform operator once issue 18 has
-- landed) and open_data_figures (anyone), which publishes a fixed list of counts per wijk per
-- month with small numbers suppressed. The area functions and the aggregator are not callable
-- through the API.

-- ---------------------------------------------------------------------------------------------
-- The areas' functions. Each returns its events for the local dates p_from..p_to (inclusive,
-- Europe/Amsterdam), already added up per wijk and month where the metric allows it. district_id
-- null: not attributable to a wijk; month null: not tied to a month (e.g. a budget).
-- ---------------------------------------------------------------------------------------------

create or replace function public.monitor_mantelzorg(p_municipality_id uuid, p_from date, p_to date)
returns table (metric text, agg text, district_id uuid, month date, subject text, value numeric, item text)
language sql stable set search_path = '' as $$
	with b as (
		select (p_from::timestamp at time zone 'Europe/Amsterdam') as t0,
			((p_to + 1)::timestamp at time zone 'Europe/Amsterdam') as t1,
			(now() at time zone 'Europe/Amsterdam')::date as today
	), issued as (
		select f.district_id, date_trunc('month', f.created_at at time zone 'Europe/Amsterdam')::date as month,
			c.kind, c.value_cents, f.first_for_carer
		from b, public.cheque_facts f
		join public.cheques c on c.id = f.cheque_id
		where f.municipality_id = p_municipality_id and f.is_original
			and f.created_at >= b.t0 and f.created_at < b.t1
	), redeemed as (
		select f.district_id, date_trunc('month', r.created_at at time zone 'Europe/Amsterdam')::date as month,
			r.shop_id, s.district_id as shop_district_id, r.amount_cents
		from b, public.redemptions r
		left join public.cheque_facts f on f.cheque_id = r.cheque_id
		join public.shops s on s.id = r.shop_id
		where r.municipality_id = p_municipality_id and r.undone_at is null
			and r.created_at >= b.t0 and r.created_at < b.t1
	)
	select 'mz_issued_cents', 'sum', i.district_id, i.month, '', sum(i.value_cents), null::text from issued i group by 3, 4
	union all
	select 'mz_carers_reached', 'sum', i.district_id, i.month, '', count(*), null from issued i where i.first_for_carer group by 3, 4
	union all
	select 'mz_young_carers_reached', 'sum', i.district_id, i.month, '', count(*), null from issued i
	where i.first_for_carer and i.kind = 'pluim' group by 3, 4
	union all
	select 'mz_redeemed_cents', 'sum', r.district_id, r.month, '', sum(r.amount_cents), null from redeemed r group by 3, 4
	union all
	select 'mz_redemptions', 'sum', r.district_id, r.month, '', count(*), null from redeemed r group by 3, 4
	union all
	select 'mz_redeemed_by_shop_cents', 'sum', r.district_id, r.month, r.shop_id::text, sum(r.amount_cents), null
	from redeemed r group by 3, 4, 5
	union all
	select distinct 'mz_shops_taking_part', 'distinct', r.shop_district_id, r.month, '', 1::numeric, r.shop_id::text from redeemed r
	union all
	select 'mz_expired_cents', 'sum', f.district_id, date_trunc('month', c.expires_on)::date, '', sum(c.remaining_cents), null
	from b, public.cheques c
	left join public.cheque_facts f on f.cheque_id = c.id
	where c.municipality_id = p_municipality_id and c.status = 'active' and c.remaining_cents > 0
		and c.expires_on between p_from and p_to and c.expires_on < b.today
	group by 3, 4
	union all
	select 'mz_paid_out_cents', 'sum', f.district_id, date_trunc('month', rb.exported_at at time zone 'Europe/Amsterdam')::date, '',
		sum(r.amount_cents), null
	from b, public.reimbursement_batches rb
	join public.redemptions r on r.batch_id = rb.id
	left join public.cheque_facts f on f.cheque_id = r.cheque_id
	where rb.municipality_id = p_municipality_id and rb.exported_at >= b.t0 and rb.exported_at < b.t1
	group by 3, 4
	union all
	select 'mz_payout_batches', 'sum', null, date_trunc('month', rb.exported_at at time zone 'Europe/Amsterdam')::date, '', count(*), null
	from b, public.reimbursement_batches rb
	where rb.municipality_id = p_municipality_id and rb.exported_at >= b.t0 and rb.exported_at < b.t1
	group by 4
	union all
	select 'mz_appreciation_answers', 'sum', a.district_id, date_trunc('month', a.created_at at time zone 'Europe/Amsterdam')::date,
		a.answer, count(*), null
	from b, public.carer_appreciation_answers a
	where a.municipality_id = p_municipality_id and a.created_at >= b.t0 and a.created_at < b.t1
	group by 3, 4, 5;
$$;
revoke all on function public.monitor_mantelzorg(uuid, date, date) from public, anon, authenticated;

-- What the period's years hold rather than its days (month null): the shops taking part now, the
-- budget of the schemes of the period's years and how much of it the cheques of those schemes use.
-- These change after a month is over, so the monthly rollup never keeps them.
create or replace function public.monitor_mantelzorg_state(p_municipality_id uuid, p_from date, p_to date)
returns table (metric text, agg text, district_id uuid, month date, subject text, value numeric, item text)
language sql stable set search_path = '' as $$
	with schemes as (
		select s.id, s.budget_cents from public.schemes s
		where s.municipality_id = p_municipality_id
			and s.year between extract(year from p_from)::integer and extract(year from p_to)::integer
	)
	select 'mz_shops_approved', 'sum', s.district_id, null::date, '', count(*)::numeric, null::text from public.shops s
	where s.municipality_id = p_municipality_id and s.status = 'approved' group by 3
	union all
	select 'mz_budget_cents', 'sum', null, null, '', sum(s.budget_cents), null from schemes s having count(*) > 0
	union all
	select 'mz_budget_used_cents', 'sum', f.district_id, null, '', sum(c.value_cents), null
	from schemes s
	join public.cheque_facts f on f.scheme_id = s.id and f.is_original
	join public.cheques c on c.id = f.cheque_id
	group by 3;
$$;
revoke all on function public.monitor_mantelzorg_state(uuid, date, date) from public, anon, authenticated;

create or replace function public.monitor_buurthulp(p_municipality_id uuid, p_from date, p_to date)
returns table (metric text, agg text, district_id uuid, month date, subject text, value numeric, item text)
language sql stable set search_path = '' as $$
	with b as (
		select (p_from::timestamp at time zone 'Europe/Amsterdam') as t0,
			((p_to + 1)::timestamp at time zone 'Europe/Amsterdam') as t1,
			(now() at time zone 'Europe/Amsterdam')::date as today
	), first_responses as (
		-- A reaction comes after its request: the first one to a request of the period lies in the
		-- period or the 7 days after it. One range scan instead of a look-up per request.
		select x.request_id, min(x.created_at) as first_at
		from b, public.responses x
		where x.municipality_id = p_municipality_id
			and x.created_at >= b.t0 and x.created_at < b.t1 + interval '7 days'
		group by x.request_id
	), posted as (
		select r.district_id, date_trunc('month', r.created_at at time zone 'Europe/Amsterdam')::date as month,
			(r.requester_id is null or r.requester_id <> r.created_by) as via_coordinator,
			r.created_at < now() - interval '7 days'
				and (r.cancelled_at is null or r.cancelled_at >= r.created_at + interval '7 days')
				and (fr.first_at is null or fr.first_at >= r.created_at + interval '7 days') as unanswered
		from b, public.help_requests r
		left join first_responses fr on fr.request_id = r.id
		where r.municipality_id = p_municipality_id and r.hidden_at is null
			and r.created_at >= b.t0 and r.created_at < b.t1
	)
	select 'bh_requests_posted', 'sum', p.district_id, p.month, '', count(*), null::text from posted p group by 3, 4
	union all
	select 'bh_requests_via_coordinator', 'sum', p.district_id, p.month, '', count(*), null from posted p
	where p.via_coordinator group by 3, 4
	union all
	select 'bh_requests_unanswered_7d', 'sum', p.district_id, p.month, '', count(*), null from posted p
	where p.unanswered group by 3, 4
	union all
	select 'bh_requests_matched', 'sum', r.district_id, date_trunc('month', r.matched_at at time zone 'Europe/Amsterdam')::date, '',
		count(*), null
	from b, public.help_requests r
	where r.municipality_id = p_municipality_id and r.hidden_at is null
		and r.matched_at >= b.t0 and r.matched_at < b.t1
	group by 3, 4
	union all
	select 'bh_hours_to_match', 'median', r.district_id, date_trunc('month', r.matched_at at time zone 'Europe/Amsterdam')::date, '',
		round((extract(epoch from (r.matched_at - r.created_at)) / 3600)::numeric, 1), null
	from b, public.help_requests r
	where r.municipality_id = p_municipality_id and r.hidden_at is null
		and r.matched_at >= b.t0 and r.matched_at < b.t1
	union all
	select 'bh_requests_done', 'sum', r.district_id, date_trunc('month', r.done_at at time zone 'Europe/Amsterdam')::date, '', count(*), null
	from b, public.help_requests r
	where r.municipality_id = p_municipality_id and r.hidden_at is null and r.status = 'done'
		and r.done_at >= b.t0 and r.done_at < b.t1
	group by 3, 4
	union all
	select 'bh_requests_cancelled', 'sum', r.district_id, date_trunc('month', r.cancelled_at at time zone 'Europe/Amsterdam')::date, '',
		count(*), null
	from b, public.help_requests r
	where r.municipality_id = p_municipality_id and r.hidden_at is null and r.status = 'cancelled'
		and r.cancelled_at >= b.t0 and r.cancelled_at < b.t1
	group by 3, 4
	union all
	-- Expired on its last date: set by the scheduled job, or open past its date before the job ran.
	select 'bh_requests_expired', 'sum', r.district_id, date_trunc('month', coalesce(r.ends_on, r.starts_on))::date, '', count(*), null
	from b, public.help_requests r
	where r.municipality_id = p_municipality_id and r.hidden_at is null
		and r.status in ('open', 'expired')
		and coalesce(r.ends_on, r.starts_on) between p_from and p_to
		and coalesce(r.ends_on, r.starts_on) < b.today
	group by 3, 4
	union all
	select distinct 'bh_active_volunteers', 'distinct', v.home_district_id,
		date_trunc('month', x.created_at at time zone 'Europe/Amsterdam')::date, '', 1::numeric, x.volunteer_id::text
	from b, public.responses x
	left join public.volunteer_profiles v on v.user_id = x.volunteer_id
	where x.municipality_id = p_municipality_id and x.created_at >= b.t0 and x.created_at < b.t1
	union all
	select m.metric, 'sum', r.district_id, date_trunc('month', f.answered_at at time zone 'Europe/Amsterdam')::date,
		case when m.metric = 'bh_followup_answers' then f.side || ':' || f.answer else '' end, count(*), null
	from b, public.followups f
	join public.matches ma on ma.id = f.match_id
	join public.help_requests r on r.id = ma.request_id
	cross join lateral (
		select 'bh_followup_answers' as metric
		union all select 'bh_followups_answered'
		union all select 'bh_followups_good' where f.answer = 'good'
	) m
	where f.municipality_id = p_municipality_id and f.answered_at >= b.t0 and f.answered_at < b.t1
	group by 1, 3, 4, 5;
$$;
revoke all on function public.monitor_buurthulp(uuid, date, date) from public, anon, authenticated;

-- Volunteers whose verification (21_buurthulp_volunteers.sql) was valid on the period's last day,
-- or today when the period runs on: a state, not an event of a month.
create or replace function public.monitor_buurthulp_state(p_municipality_id uuid, p_from date, p_to date)
returns table (metric text, agg text, district_id uuid, month date, subject text, value numeric, item text)
language sql stable set search_path = '' as $$
	with b as (
		select least(p_to, (now() at time zone 'Europe/Amsterdam')::date) as on_day
	)
	select 'bh_verified_volunteers', 'sum', v.home_district_id, null::date, '', count(*)::numeric, null::text
	from b, public.volunteer_verifications x
	left join public.volunteer_profiles v on v.user_id = x.volunteer_id
	where x.municipality_id = p_municipality_id and x.verified_at is not null
		and (x.verified_at at time zone 'Europe/Amsterdam')::date <= b.on_day and x.expires_on >= b.on_day
	group by 3;
$$;
revoke all on function public.monitor_buurthulp_state(uuid, date, date) from public, anon, authenticated;

-- Occurrences are generated for the weeks inside the period only (as list_activity_occurrences
-- does), so their cost follows the period, not the years of activities. Held: took place before
-- now, not skipped, and not after the activity was cancelled. Called off: a skipped date, or a
-- date on or after the cancellation. A week moved to another date or time (an exception with
-- moved_to) is neither: the one-off activity that took it over is counted in its place.
create or replace function public.monitor_buurthuizen(p_municipality_id uuid, p_from date, p_to date)
returns table (metric text, agg text, district_id uuid, month date, subject text, value numeric, item text)
language sql stable set search_path = '' as $$
	with b as (
		select (p_from::timestamp at time zone 'Europe/Amsterdam') as t0,
			((p_to + 1)::timestamp at time zone 'Europe/Amsterdam') as t1
	), occurrences as (
		select a.district_id, a.community_centre_id, a.social_goal_id, o.occurs_on,
			date_trunc('month', o.occurs_on)::date as month,
			exists (
				select 1 from public.activity_exceptions e
				where e.activity_id = a.id and e.occurs_on = o.occurs_on and e.moved_to is null offset 0
			) as skipped,
			exists (
				select 1 from public.activity_exceptions e
				where e.activity_id = a.id and e.occurs_on = o.occurs_on and e.moved_to is not null offset 0
			) as moved,
			a.cancelled_at is not null and o.starts_at >= a.cancelled_at as called_off,
			o.starts_at < now() as past
		from b, public.activities a
		cross join lateral (
			select (a.starts_at at time zone 'Europe/Amsterdam')::date as first_on, a.starts_at at time zone 'Europe/Amsterdam' as local_start
		) l
		cross join lateral (
			select l.first_on + 7 * k as occurs_on,
				(l.local_start + make_interval(days => 7 * k)) at time zone 'Europe/Amsterdam' as starts_at
			from generate_series(
				greatest(0, (p_from - l.first_on + 6) / 7),
				case when a.recurrence = 'weekly' then least((a.repeat_until - l.first_on) / 7, (p_to - l.first_on) / 7) else 0 end
			) k
		) o
		where a.municipality_id = p_municipality_id and a.published
			and tstzrange(a.starts_at, a.series_ends_at, '[)') && tstzrange(b.t0, b.t1, '[)')
			and o.occurs_on between p_from and p_to
	), held as (
		select * from occurrences o where o.past and not o.skipped and not o.moved and not o.called_off
	)
	select 'bz_occurrences_held', 'sum', h.district_id, h.month, '', count(*), null::text from held h group by 3, 4
	union all
	select 'bz_occurrences_cancelled', 'sum', o.district_id, o.month, '', count(*), null from occurrences o
	where not o.moved and (o.skipped or o.called_off) group by 3, 4
	union all
	select 'bz_points', 'sum', h.district_id, h.month, h.community_centre_id::text, sum(g.points), null
	from held h join public.social_goals g on g.id = h.social_goal_id group by 3, 4, 5
	union all
	select 'bz_points_by_goal', 'sum', h.district_id, h.month, g.id::text, sum(g.points), null
	from held h join public.social_goals g on g.id = h.social_goal_id group by 3, 4, 5
	union all
	select 'bz_registrations', 'sum', c.district_id, date_trunc('month', r.occurs_on)::date, '', count(*), null
	from public.community_centres c
	join public.activity_registrations r on r.community_centre_id = c.id
	where c.municipality_id = p_municipality_id and r.occurs_on between p_from and p_to
	group by 3, 4;
$$;
revoke all on function public.monitor_buurthuizen(uuid, date, date) from public, anon, authenticated;

insert into public.monitor_areas (area, function_name, state_function_name, position) values
	('mantelzorg', 'monitor_mantelzorg', 'monitor_mantelzorg_state', 1),
	('buurthulp', 'monitor_buurthulp', 'monitor_buurthulp_state', 2),
	('buurthuizen', 'monitor_buurthuizen', null, 3);

-- ---------------------------------------------------------------------------------------------
-- The aggregator
-- ---------------------------------------------------------------------------------------------

-- Every registered area's events for the period, aggregated at the grains asked for:
--   'page'  per wijk, per month and the whole period (the monitor page)
--   'total' the whole municipality and period, figures without a subject only (the year
--           before on the page, the comparison between municipalities)
--   'open'  per wijk per month and per month (the open data)
-- district: a wijk's id, 'all' (every wijk together) or null (not attributable to a wijk);
-- month: 'YYYY-MM', 'all' (the whole period) or null (not tied to a month). A figure with a
-- subject (per shop, per buurthuis, per answer) is given for the whole period and every wijk
-- together only: nobody reads it per wijk or month, and it is most of the rows.
-- p_district_id keeps one wijk's events only. Internal: monitor_page and open_data_figures check
-- who asks.
--
-- The months of the period that are over and rolled up (monitor_months) are read from
-- monitor_month_events; the area functions run only for the days in between and after (the open
-- month), and the state functions once for the whole period. Items (what 'distinct' counts) are
-- compared as the rollup keeps them: hashed with the municipality's salt.
create or replace function public.monitor_figures(
	p_municipality_id uuid,
	p_from date,
	p_to date,
	p_district_id uuid,
	p_grain text
) returns table (metric text, district text, month text, subject text, value numeric)
language plpgsql stable set search_path = '' as $$
declare
	v_sets text := case p_grain
		when 'page' then '(e.metric, e.agg, e.subject, e.district_id), (e.metric, e.agg, e.subject, e.month), (e.metric, e.agg, e.subject)'
		when 'total' then '(e.metric, e.agg, e.subject)'
		when 'open' then '(e.metric, e.agg, e.subject, e.district_id, e.month), (e.metric, e.agg, e.subject, e.month)'
	end;
	v_months date[];
	v_month_ids uuid[];
	v_runs daterange[] := '{}';
	v_cursor date := p_from;
	v_month date;
	v_salt text;
	v_parts text[] := '{}';
	v_area public.monitor_areas%rowtype;
	v_run daterange;
begin
	if v_sets is null then
		raise exception 'invalid_grain' using errcode = '22023';
	end if;
	select coalesce(array_agg(r.month order by r.month), '{}'), coalesce(array_agg(r.id), '{}') into v_months, v_month_ids
	from public.monitor_months r
	where r.municipality_id = p_municipality_id and r.month >= p_from
		and (r.month + interval '1 month')::date - 1 <= p_to;
	-- The days no rolled-up month covers, as runs of consecutive days.
	foreach v_month in array v_months loop
		if v_month > v_cursor then
			v_runs := v_runs || daterange(v_cursor, v_month, '[)');
		end if;
		v_cursor := (v_month + interval '1 month')::date;
	end loop;
	if v_cursor <= p_to then
		v_runs := v_runs || daterange(v_cursor, p_to, '[]');
	end if;
	select k.salt into v_salt from public.monitor_salts k where k.municipality_id = p_municipality_id;
	if cardinality(v_months) > 0 then
		v_parts := v_parts || 'select r.metric, r.agg, r.district_id, m.month, r.subject, r.value, r.item
			from public.monitor_month_events r join public.monitor_months m on m.id = r.month_id
			where r.month_id = any ($6)'::text;
	end if;
	for v_area in select * from public.monitor_areas a order by a.position, a.area loop
		foreach v_run in array v_runs loop
			v_parts := v_parts || format('select x.metric, x.agg, x.district_id, x.month, x.subject, x.value, md5($5 || x.item) as item
				from public.%I($1, %L::date, %L::date) x', v_area.function_name, lower(v_run), upper(v_run) - 1);
		end loop;
		if v_area.state_function_name is not null then
			v_parts := v_parts || format('select x.metric, x.agg, x.district_id, x.month, x.subject, x.value, md5($5 || x.item) as item
				from public.%I($1, $2, $3) x', v_area.state_function_name);
		end if;
	end loop;
	if cardinality(v_parts) = 0 then
		return;
	end if;
	return query execute format($q$
		with e as (
			select * from (%s) x where $4 is null or x.district_id = $4
		)
		select e.metric,
			%s,
			%s,
			e.subject,
			case e.agg
				when 'sum' then sum(e.value)
				when 'distinct' then count(distinct e.item)::numeric
				else round(percentile_cont(0.5) within group (order by e.value)::numeric, 1)
			end
		from e
		where e.subject = ''
		group by grouping sets (%s)
		union all
		select e.metric, 'all', 'all', e.subject,
			case e.agg
				when 'sum' then sum(e.value)
				when 'distinct' then count(distinct e.item)::numeric
				else round(percentile_cont(0.5) within group (order by e.value)::numeric, 1)
			end
		from e
		where e.subject <> '' and not $7
		group by e.metric, e.agg, e.subject
	$q$, array_to_string(v_parts, ' union all '),
		case when p_grain = 'total' then $m$'all'$m$
			else $m$case when grouping(e.district_id) = 1 then 'all' else e.district_id::text end$m$ end,
		case when p_grain = 'total' then $m$'all'$m$
			else $m$case when grouping(e.month) = 1 then 'all' else to_char(e.month, 'YYYY-MM') end$m$ end,
		v_sets) using p_municipality_id, p_from, p_to, p_district_id, coalesce(v_salt, ''), v_month_ids, p_grain = 'total';
end;
$$;
revoke all on function public.monitor_figures(uuid, date, date, uuid, text) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Who may read the monitor of a municipality: its admins and the platform operator
-- ---------------------------------------------------------------------------------------------

create or replace function public.monitor_may_read(p_municipality_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select p_municipality_id is not null
		and (public.has_role('municipality_admin', p_municipality_id) or public.is_platform_operator());
$$;
revoke all on function public.monitor_may_read(uuid) from public;
grant execute on function public.monitor_may_read(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The monitor page: one call
-- ---------------------------------------------------------------------------------------------

-- The period's figures per wijk, per month and in total; the same period a year earlier in total; the wijken; the names of the shops, buurthuizen and goals the figures name; the
-- figures the municipality entered. At most three years at a time.
create or replace function public.monitor_page(
	p_from date,
	p_to date,
	p_district_slug text default null,
	p_municipality_id uuid default null
) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := coalesce(p_municipality_id, public.my_municipality_id());
	v_district_id uuid;
	v_figures jsonb;
	v_previous jsonb;
begin
	perform public.assert_max_length(p_district_slug, 60, 'district');
	if not public.monitor_may_read(v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 1100 then
		raise exception 'invalid_period' using errcode = '22023';
	end if;
	if p_district_slug is not null then
		select d.id into v_district_id from public.districts d
		where d.slug = p_district_slug and d.municipality_id = v_municipality;
		if v_district_id is null then
			raise exception 'district_not_found' using errcode = '22023';
		end if;
	end if;
	select coalesce(jsonb_agg(jsonb_build_array(f.metric, f.district, f.month, f.subject, f.value)), '[]'::jsonb)
		into v_figures
		from public.monitor_figures(v_municipality, p_from, p_to, v_district_id, 'page') f;
	select coalesce(jsonb_agg(jsonb_build_array(f.metric, f.district, f.month, f.subject, f.value)), '[]'::jsonb)
		into v_previous
		from public.monitor_figures(
			v_municipality, (p_from - interval '1 year')::date, (p_to - interval '1 year')::date, v_district_id, 'total'
		) f;
	return jsonb_build_object(
		'district_id', v_district_id,
		'centres', (select count(*) from public.community_centres c where c.municipality_id = v_municipality),
		'municipality', (select jsonb_build_object('id', m.id, 'name', m.name, 'slug', m.slug)
			from public.municipalities m where m.id = v_municipality),
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'slug', d.slug, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = v_municipality
		), '[]'::jsonb),
		'figures', v_figures,
		'previous', v_previous,
		'names', coalesce((
			select jsonb_object_agg(x.id, x.name) from (
				select s.id::text as id, s.name from public.shops s where s.municipality_id = v_municipality
				union all
				select c.id::text, c.name from public.community_centres c where c.municipality_id = v_municipality
				union all
				select g.id::text, g.title from public.social_goals g where g.municipality_id = v_municipality
			) x
		), '{}'::jsonb),
		'references', coalesce((
			select jsonb_agg(jsonb_build_object('year', r.year, 'key', r.key, 'value', r.value) order by r.year, r.key)
			from public.monitor_reference_figures r where r.municipality_id = v_municipality
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.monitor_page(date, date, text, uuid) from public;
grant execute on function public.monitor_page(date, date, text, uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The comparison between municipalities (platform operator only)
-- ---------------------------------------------------------------------------------------------

-- Per municipality: its whole-municipality totals for the period (no wijk, no subject) and its
-- population as entered for the period's last year, or the latest year before it. The page
-- divides by the population; figures that are not counts (a median) it shows as they are.
create or replace function public.monitor_comparison(p_from date, p_to date) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
	if not public.is_platform_operator() then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 1100 then
		raise exception 'invalid_period' using errcode = '22023';
	end if;
	return coalesce((
		select jsonb_agg(jsonb_build_object(
			'id', m.id, 'slug', m.slug, 'name', m.name, 'is_demo', m.is_demo,
			'population', p.value, 'population_year', p.year,
			'figures', coalesce((
				select jsonb_object_agg(f.metric, f.value)
				from public.monitor_figures(m.id, p_from, p_to, null, 'total') f
				where f.district = 'all' and f.subject = ''
			), '{}'::jsonb)
		) order by m.is_demo, m.name)
		from public.municipalities m
		left join lateral (
			select r.value, r.year from public.monitor_reference_figures r
			where r.municipality_id = m.id and r.key = 'population' and r.year <= extract(year from p_to)
			order by r.year desc limit 1
		) p on true
	), '[]'::jsonb);
end;
$$;
revoke all on function public.monitor_comparison(date, date) from public;
grant execute on function public.monitor_comparison(date, date) to authenticated;
