-- Monitor sociaal domein (issue 21): the municipality's figures in Zwolle's three layers (money,
-- numbers, what it achieved), per wijk and per month, computed from the operational tables.
--
-- A platform service like the notification kinds and the scheduled jobs: each area registers one
-- function in monitor_areas, public.monitor_<area>(municipality, from, to), which returns the
-- area's events for the period as rows (metric, agg, district_id, month, subject, value, item).
-- monitor_figures aggregates every registered area at the grains a caller asks for (per wijk,
-- per month, both, the whole period): 'sum' adds value, 'distinct' counts distinct items,
-- 'median' takes the median of value. The words for each metric live in
-- src/lib/server/<area>/monitor.ts; a test checks SQL and TypeScript name the same metrics.
--
-- Who reads what: monitor_page (municipality admins; the platform operator once issue 18 has
-- landed) and open_data_figures (anyone), which publishes a fixed list of counts per wijk per
-- month with small numbers suppressed. The area functions and the aggregator are not callable
-- through the API.
--
-- Also here: the anonymous facts of a cheque that outlive the retention of the application
-- (cheque_facts), the carers' answer to "Voel je je gewaardeerd?" (carer_appreciation_answers)
-- and the figures a municipality enters itself (monitor_reference_figures: its baseline year and
-- its population).

-- ---------------------------------------------------------------------------------------------
-- Closed value lists
-- ---------------------------------------------------------------------------------------------

create type public.appreciation_answer as enum ('yes', 'somewhat', 'no');

create type public.monitor_reference_key as enum (
	'population', 'carers_reached', 'young_carers_reached', 'shops_taking_part', 'budget_cents',
	'community_centres', 'help_requests_posted'
);

-- ---------------------------------------------------------------------------------------------
-- The registry: one function per area
-- ---------------------------------------------------------------------------------------------

create table public.monitor_areas (
	area text primary key check (area ~ '^[a-z][a-z_]{1,39}$'),
	function_name text not null unique check (function_name ~ '^monitor_[a-z_]{1,50}$'),
	position integer not null default 0,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

-- Only the migrations write the registry and only the service role reads it.
alter table public.monitor_areas enable row level security;

create policy "Only the service role reads the monitor areas" on public.monitor_areas
	for select to service_role using (true);

-- ---------------------------------------------------------------------------------------------
-- Cheque facts: the wijk of a cheque and whether it was a carer's first appreciation, kept
-- without any personal data, so the figures of a year survive the retention job that deletes its
-- applications (purge_expired_applications keeps the cheques but cuts their link to a person).
-- ---------------------------------------------------------------------------------------------

-- Only cheque_id is a foreign key (its row goes with the cheque): with a second one, to schemes
-- or municipalities, the API would see a many-to-many path from cheques and refuse embeds such as
-- cheques?select=schemes(year) as ambiguous.
create table public.cheque_facts (
	cheque_id uuid primary key references public.cheques (id) on delete cascade,
	municipality_id uuid not null,
	scheme_id uuid not null,
	-- The carer's wijk (from the application); null for a cheque made without one.
	district_id uuid,
	-- False for a cheque reissued in place of a blocked one: the same appreciation.
	is_original boolean not null,
	-- The carer's first appreciation in this scheme (a carer caring for two people gets two).
	first_for_carer boolean not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index cheque_facts_period_idx on public.cheque_facts (municipality_id, created_at) include (district_id);

create index cheque_facts_scheme_idx on public.cheque_facts (scheme_id) where is_original;

alter table public.cheque_facts enable row level security;

create policy "Municipality admins see the cheque facts of their municipality" on public.cheque_facts
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- Written as the cheque is inserted, in the same transaction (approve_application,
-- block_and_reissue_cheque, or maintenance).
create or replace function public.cheque_facts_on_insert() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
	v_original boolean;
begin
	if new.application_id is not null then
		select * into v_app from public.applications a where a.id = new.application_id;
	end if;
	v_original := new.application_id is null or not exists (
		select 1 from public.cheques c where c.application_id = new.application_id and c.id <> new.id
	);
	insert into public.cheque_facts (cheque_id, municipality_id, scheme_id, district_id, is_original, first_for_carer)
	values (
		new.id, new.municipality_id, new.scheme_id, v_app.district_id, v_original,
		v_original and (v_app.id is null or not exists (
			select 1 from public.applications a
			join public.cheques c on c.application_id = a.id
			where a.municipality_id = v_app.municipality_id and a.scheme_id = v_app.scheme_id
				and a.id <> v_app.id
				and lower(a.carer_last_name) = lower(v_app.carer_last_name)
				and a.carer_birth_date = v_app.carer_birth_date
				and lower(a.carer_first_name) = lower(v_app.carer_first_name)
		))
	);
	return null;
end;
$$;
revoke all on function public.cheque_facts_on_insert() from public, anon, authenticated;

create trigger cheques_facts after insert on public.cheques
	for each row execute function public.cheque_facts_on_insert();

-- The cheques issued before this migration.
insert into public.cheque_facts (cheque_id, municipality_id, scheme_id, district_id, is_original, first_for_carer, created_at, updated_at)
select x.id, x.municipality_id, x.scheme_id, x.district_id, x.is_original,
	x.is_original and (x.application_id is null or row_number() over (
		partition by x.scheme_id, x.is_original, x.carer_first, x.carer_last, x.carer_birth_date
		order by x.created_at, x.id
	) = 1),
	x.created_at, x.created_at
from (
	select c.id, c.municipality_id, c.scheme_id, c.created_at, a.id as application_id, a.district_id,
		lower(a.carer_first_name) as carer_first, lower(a.carer_last_name) as carer_last, a.carer_birth_date,
		not exists (select 1 from public.cheques o where o.replaced_by = c.id) as is_original
	from public.cheques c
	left join public.applications a on a.id = c.application_id
) x
on conflict (cheque_id) do nothing;

-- ---------------------------------------------------------------------------------------------
-- "Voel je je gewaardeerd?": one optional answer per cheque, given by its carer after a
-- redemption or on their page. Nobody but the carer reads a row: reports only count answers.
-- ---------------------------------------------------------------------------------------------

-- As in cheque_facts, the cheque is the only foreign key.
create table public.carer_appreciation_answers (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null,
	scheme_id uuid not null,
	cheque_id uuid not null unique references public.cheques (id) on delete cascade,
	district_id uuid,
	answer text not null check (answer = any (enum_range(null::public.appreciation_answer)::text[])),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index carer_appreciation_answers_period_idx on public.carer_appreciation_answers (municipality_id, created_at);

alter table public.carer_appreciation_answers enable row level security;

create policy "Carers see their own appreciation answers" on public.carer_appreciation_answers
	for select to authenticated using (
		cheque_id in (select c.id from public.cheques c where c.carer_user_id = (select auth.uid()))
	);

-- Gives or changes the answer for one of the caller's own cheques (a reissued cheque answers for
-- the appreciation it continues).
create or replace function public.answer_appreciation_question(p_cheque_id uuid, p_answer text) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_cheque public.cheques%rowtype;
begin
	perform public.assert_max_length(p_answer, 20, 'answer');
	select * into v_cheque from public.cheques c where c.id = p_cheque_id;
	if v_cheque.id is null or v_cheque.carer_user_id is distinct from (select auth.uid()) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_answer is null or not (p_answer = any (enum_range(null::public.appreciation_answer)::text[])) then
		raise exception 'invalid_answer' using errcode = '22023';
	end if;
	insert into public.carer_appreciation_answers (municipality_id, scheme_id, cheque_id, district_id, answer)
	select v_cheque.municipality_id, v_cheque.scheme_id, v_cheque.id, f.district_id, p_answer
	from (select 1) x left join public.cheque_facts f on f.cheque_id = v_cheque.id
	on conflict (cheque_id) do update set answer = excluded.answer;
end;
$$;
revoke all on function public.answer_appreciation_question(uuid, text) from public;
grant execute on function public.answer_appreciation_question(uuid, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Figures the municipality enters itself: its baseline year (Zaanstad: 2015) and its population
-- ---------------------------------------------------------------------------------------------

create table public.monitor_reference_figures (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	year integer not null check (year between 2000 and 2100),
	key text not null check (key = any (enum_range(null::public.monitor_reference_key)::text[])),
	value bigint not null check (value between 0 and 100000000000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (municipality_id, year, key)
);

alter table public.monitor_reference_figures enable row level security;

create policy "Municipality admins see the reference figures of their municipality" on public.monitor_reference_figures
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- Saves one year's figures: {"population": 157000, "carers_reached": 1583, …}; a key with null
-- removes that figure. Admins of the caller's municipality only.
create or replace function public.save_monitor_reference_figures(p_year integer, p_figures jsonb) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_key text;
	v_value jsonb;
	-- The embedded Supabase on PostgreSQL passes a jsonb argument as a JSON string holding it.
	v_figures jsonb := case when jsonb_typeof(p_figures) = 'string' then (p_figures #>> '{}')::jsonb else p_figures end;
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_year is null or p_year not between 2000 and 2100 or v_figures is null
		or jsonb_typeof(v_figures) <> 'object' or pg_column_size(v_figures) > 2000 then
		raise exception 'invalid_figures' using errcode = '22023';
	end if;
	for v_key, v_value in select * from jsonb_each(v_figures) loop
		if not (v_key = any (enum_range(null::public.monitor_reference_key)::text[])) then
			raise exception 'invalid_figures' using errcode = '22023';
		end if;
		if jsonb_typeof(v_value) = 'null' then
			delete from public.monitor_reference_figures f
			where f.municipality_id = v_municipality and f.year = p_year and f.key = v_key;
		elsif jsonb_typeof(v_value) <> 'number' or (v_value #>> '{}')::numeric not between 0 and 100000000000
			or (v_value #>> '{}')::numeric <> trunc((v_value #>> '{}')::numeric) then
			raise exception 'invalid_figures' using errcode = '22023';
		else
			insert into public.monitor_reference_figures (municipality_id, year, key, value)
			values (v_municipality, p_year, v_key, (v_value #>> '{}')::bigint)
			on conflict (municipality_id, year, key) do update
				set value = excluded.value;
		end if;
	end loop;
	perform public.log_audit(v_municipality, 'monitor.reference_figures_saved', 'monitor_reference_figures', null,
		jsonb_build_object('year', p_year));
end;
$$;
revoke all on function public.save_monitor_reference_figures(integer, jsonb) from public;
grant execute on function public.save_monitor_reference_figures(integer, jsonb) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Indexes the monitor reads by: one date range of one municipality each, so a year's page reads
-- one year whatever the years of history.
-- ---------------------------------------------------------------------------------------------

create index help_requests_monitor_created_idx on public.help_requests (municipality_id, created_at);

create index help_requests_monitor_matched_idx on public.help_requests (municipality_id, matched_at)
	where matched_at is not null;

create index help_requests_monitor_done_idx on public.help_requests (municipality_id, done_at)
	where done_at is not null;

create index help_requests_monitor_cancelled_idx on public.help_requests (municipality_id, cancelled_at)
	where cancelled_at is not null;

create index help_requests_monitor_last_day_idx on public.help_requests (municipality_id, (coalesce(ends_on, starts_on)))
	where status in ('open', 'expired');

create index responses_monitor_idx on public.responses (municipality_id, created_at);

create index followups_monitor_idx on public.followups (municipality_id, answered_at)
	where answered_at is not null;

create index redemptions_monitor_idx on public.redemptions (municipality_id, created_at)
	where undone_at is null;

create index cheques_monitor_expiry_idx on public.cheques (municipality_id, expires_on)
	where status = 'active' and remaining_cents > 0;

create index reimbursement_batches_monitor_idx on public.reimbursement_batches (municipality_id, exported_at)
	where exported_at is not null;

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
	), schemes as (
		select s.id, s.budget_cents from public.schemes s
		where s.municipality_id = p_municipality_id
			and s.year between extract(year from p_from)::integer and extract(year from p_to)::integer
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
	select 'mz_shops_approved', 'sum', s.district_id, null, '', count(*), null from public.shops s
	where s.municipality_id = p_municipality_id and s.status = 'approved' group by 3
	union all
	select 'mz_budget_cents', 'sum', null, null, '', sum(s.budget_cents), null from schemes s having count(*) > 0
	union all
	select 'mz_budget_used_cents', 'sum', f.district_id, null, '', sum(c.value_cents), null
	from schemes s
	join public.cheque_facts f on f.scheme_id = s.id and f.is_original
	join public.cheques c on c.id = f.cheque_id
	group by 3
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

create or replace function public.monitor_buurthulp(p_municipality_id uuid, p_from date, p_to date)
returns table (metric text, agg text, district_id uuid, month date, subject text, value numeric, item text)
language sql stable set search_path = '' as $$
	with b as (
		select (p_from::timestamp at time zone 'Europe/Amsterdam') as t0,
			((p_to + 1)::timestamp at time zone 'Europe/Amsterdam') as t1,
			(now() at time zone 'Europe/Amsterdam')::date as today
	), posted as (
		select r.district_id, date_trunc('month', r.created_at at time zone 'Europe/Amsterdam')::date as month,
			(r.requester_id is null or r.requester_id <> r.created_by) as via_coordinator,
			r.created_at < now() - interval '7 days'
				and (r.cancelled_at is null or r.cancelled_at >= r.created_at + interval '7 days')
				and not exists (
					select 1 from public.responses x
					where x.request_id = r.id and x.created_at < r.created_at + interval '7 days'
				) as unanswered
		from b, public.help_requests r
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

-- Occurrences are generated for the weeks inside the period only (as list_activity_occurrences
-- does), so their cost follows the period, not the years of activities. Held: took place before
-- now, not skipped, and not after the activity was cancelled. Called off: a skipped date, or a
-- date on or after the cancellation.
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
				select 1 from public.activity_exceptions e where e.activity_id = a.id and e.occurs_on = o.occurs_on offset 0
			) as skipped,
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
		select * from occurrences o where o.past and not o.skipped and not o.called_off
	)
	select 'bz_occurrences_held', 'sum', h.district_id, h.month, '', count(*), null::text from held h group by 3, 4
	union all
	select 'bz_occurrences_cancelled', 'sum', o.district_id, o.month, '', count(*), null from occurrences o
	where o.skipped or o.called_off group by 3, 4
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

insert into public.monitor_areas (area, function_name, position) values
	('mantelzorg', 'monitor_mantelzorg', 1),
	('buurthulp', 'monitor_buurthulp', 2),
	('buurthuizen', 'monitor_buurthuizen', 3);

-- ---------------------------------------------------------------------------------------------
-- The aggregator
-- ---------------------------------------------------------------------------------------------

-- Every registered area's events for the period, aggregated at the grains asked for:
--   'page'  per wijk, per month and the whole period (the monitor page)
--   'total' per wijk and the whole period (the comparison with the year before)
--   'open'  per wijk per month and per month (the open data)
-- district: a wijk's id, 'all' (every wijk together) or null (not attributable to a wijk);
-- month: 'YYYY-MM', 'all' (the whole period) or null (not tied to a month).
-- p_district_id keeps one wijk's events only. Internal: monitor_page and open_data_figures check
-- who asks.
create or replace function public.monitor_figures(
	p_municipality_id uuid,
	p_from date,
	p_to date,
	p_district_id uuid,
	p_grain text
) returns table (metric text, district text, month text, subject text, value numeric)
language plpgsql stable set search_path = '' as $$
declare
	v_events text;
	v_sets text := case p_grain
		when 'page' then '(e.metric, e.agg, e.subject, e.district_id), (e.metric, e.agg, e.subject, e.month), (e.metric, e.agg, e.subject)'
		when 'total' then '(e.metric, e.agg, e.subject, e.district_id), (e.metric, e.agg, e.subject)'
		when 'open' then '(e.metric, e.agg, e.subject, e.district_id, e.month), (e.metric, e.agg, e.subject, e.month)'
	end;
begin
	if v_sets is null then
		raise exception 'invalid_grain' using errcode = '22023';
	end if;
	select string_agg(format('select * from public.%I($1, $2, $3)', a.function_name), ' union all ' order by a.position, a.area)
		into v_events from public.monitor_areas a;
	if v_events is null then
		return;
	end if;
	return query execute format($q$
		with e as (%s)
		select e.metric,
			case when grouping(e.district_id) = 1 then 'all' else e.district_id::text end,
			%s,
			e.subject,
			case e.agg
				when 'sum' then sum(e.value)
				when 'distinct' then count(distinct e.item)::numeric
				else round(percentile_cont(0.5) within group (order by e.value)::numeric, 1)
			end
		from e
		where $4 is null or e.district_id = $4
		group by grouping sets (%s)
	$q$, v_events,
		case when p_grain = 'total' then $m$'all'$m$
			else $m$case when grouping(e.month) = 1 then 'all' else to_char(e.month, 'YYYY-MM') end$m$ end,
		v_sets) using p_municipality_id, p_from, p_to, p_district_id;
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

-- The period's figures per wijk, per month and in total; the same period a year earlier per wijk
-- and in total; the wijken; the names of the shops, buurthuizen and goals the figures name; the
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
-- Open data: counts per wijk per month, small numbers suppressed
-- ---------------------------------------------------------------------------------------------

-- What one (metric, month) group publishes: the wijken's counts and, as the last element, their
-- total. A count under 5 is shown as '<5'. Because the total is published too, the cells shown as
-- '<5' must not be recoverable from it: with S the suppressed cells and K = total − the shown
-- cells (which anyone can compute), each '<5' cell must be able to take two values.
--   * Two or more '<5' cells and no other suppression: the values lie in 0..4 and add up to K;
--     a cell is pinned only when K = 0 (all zero) or K = 4·m (all four). Otherwise nothing to do.
--   * Else one more cell is hidden (shown as 'x', known to be 5 or more): the smallest shown cell
--     with value ≥ 6 − k (k: the sum of the '<5' cells), so that K − 5 ≥ 1 and every '<5' cell can
--     be 0 and can be at least 1.
--   * If no cell qualifies, the total is hidden ('x') instead: then nothing links the cells.
--   * A total under 5 is shown as '<5' and so are all its cells.
-- Only this table is published per (metric, month); no yearly or per-wijk totals are, so no other
-- sum constrains these cells (tests/integration/monitor/open-data.test.ts tries every group).
create or replace function public.open_data_suppress(p_cells bigint[]) returns text[] language plpgsql immutable set search_path = '' as $$
declare
	v_n integer := coalesce(cardinality(p_cells), 0);
	v_total bigint := 0;
	v_small bigint := 0;
	v_small_count integer := 0;
	v_out text[] := '{}';
	v_pick integer;
begin
	perform public.assert_max_items(p_cells, 200, 'cells');
	for i in 1..v_n loop
		v_total := v_total + p_cells[i];
		v_out := v_out || p_cells[i]::text;
		if p_cells[i] < 5 then
			v_small := v_small + p_cells[i];
			v_small_count := v_small_count + 1;
			v_out[i] := '<5';
		end if;
	end loop;
	v_out := v_out || v_total::text;
	if v_total < 5 then
		return array_fill('<5'::text, array[v_n + 1]);
	end if;
	if v_small_count = 0 or (v_small_count >= 2 and v_small > 0 and v_small < 4 * v_small_count) then
		return v_out;
	end if;
	select i into v_pick from generate_subscripts(p_cells, 1) i
	where p_cells[i] >= 5 and p_cells[i] >= 6 - v_small
	order by p_cells[i], i limit 1;
	if v_pick is not null then
		v_out[v_pick] := 'x';
	else
		v_out[v_n + 1] := 'x';
	end if;
	return v_out;
end;
$$;
-- Callable by anyone: it computes only on the numbers it is given.
grant execute on function public.open_data_suppress(bigint[]) to anon, authenticated, service_role;

-- The counts open data publishes. Amounts of money are left out on purpose: they are counts times
-- a few fixed cheque values, and would give suppressed counts away.
create or replace function public.open_data_metrics() returns text[] language sql immutable set search_path = '' as $$
	select array[
		'mz_carers_reached', 'mz_young_carers_reached', 'mz_redemptions',
		'bh_requests_posted', 'bh_requests_matched', 'bh_requests_done', 'bh_requests_via_coordinator',
		'bh_followups_answered', 'bh_followups_good',
		'bz_occurrences_held', 'bz_occurrences_cancelled', 'bz_registrations'
	];
$$;
grant execute on function public.open_data_metrics() to anon, authenticated;

-- One calendar year of a municipality (by slug; the request's municipality when null), the months
-- that have ended only, every metric × month × wijk (and the total, district null), suppressed.
-- The wijk 'onbekend' appears when some events have no wijk (cheques issued without an
-- application).
create or replace function public.open_data_figures(p_year integer, p_municipality_slug text default null)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality public.municipalities%rowtype;
	v_from date;
	v_to date;
	v_rows jsonb;
begin
	perform public.assert_max_length(p_municipality_slug, 40, 'municipality');
	if p_year is null or p_year not between 2000 and 2100 then
		raise exception 'invalid_period' using errcode = '22023';
	end if;
	select * into v_municipality from public.municipalities m
	where case when p_municipality_slug is null then m.id = public.current_municipality_id()
		else m.slug = p_municipality_slug end
	order by m.created_at, m.id limit 1;
	if v_municipality.id is null then
		return null;
	end if;
	v_from := make_date(p_year, 1, 1);
	v_to := least(make_date(p_year, 12, 31),
		(date_trunc('month', (now() at time zone 'Europe/Amsterdam')::date) - interval '1 day')::date);
	if v_to < v_from then
		v_rows := '[]'::jsonb;
	else
		with f as (
			select * from public.monitor_figures(v_municipality.id, v_from, v_to, null, 'open') f
			where f.metric = any (public.open_data_metrics()) and f.subject = ''
		), places as (
			select d.id::text as key, d.slug, d.name, 0 as rank from public.districts d where d.municipality_id = v_municipality.id
			union all
			select null, 'onbekend', 'Onbekend', 1 where exists (select 1 from f where f.district is null)
		), months as (
			select to_char(g, 'YYYY-MM') as month from generate_series(v_from, v_to, interval '1 month') g
		), cells as (
			select mt.metric, mo.month, p.slug, p.name, p.rank,
				coalesce((select f.value from f where f.metric = mt.metric and f.month = mo.month
					and f.district is not distinct from p.key), 0)::bigint as value
			from unnest(public.open_data_metrics()) with ordinality mt(metric, n)
			cross join months mo
			cross join places p
		), groups as (
			select c.metric, c.month, array_agg(c.slug order by c.rank, c.name) as slugs,
				public.open_data_suppress(array_agg(c.value order by c.rank, c.name)) as shown
			from cells c group by c.metric, c.month
		)
		select coalesce(jsonb_agg(jsonb_build_array(g.month, g.slugs[x.i], g.metric, g.shown[x.i])
			order by g.month, g.metric, x.i), '[]'::jsonb)
		into v_rows
		from groups g
		cross join lateral generate_subscripts(g.shown, 1) x(i);
	end if;
	return jsonb_build_object(
		'municipality', jsonb_build_object('slug', v_municipality.slug, 'name', v_municipality.name),
		'year', p_year,
		'through', case when v_to >= v_from then to_char(v_to, 'YYYY-MM') end,
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('slug', d.slug, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = v_municipality.id
		), '[]'::jsonb),
		'metrics', to_jsonb(public.open_data_metrics()),
		'rows', v_rows
	);
end;
$$;
revoke all on function public.open_data_figures(integer, text) from public;
grant execute on function public.open_data_figures(integer, text) to anon, authenticated;

-- The years a municipality has figures for (its first event to this year), for the list of files.
create or replace function public.open_data_years(p_municipality_slug text default null) returns integer[]
language sql stable security definer set search_path = '' as $$
	with m as (
		select m.id from public.municipalities m
		where case when p_municipality_slug is null then m.id = public.current_municipality_id()
		else m.slug = p_municipality_slug end
			and char_length(coalesce(p_municipality_slug, '')) <= 40
		order by m.created_at, m.id limit 1
	), first as (
		select least(
			(select min(f.created_at) from public.cheque_facts f, m where f.municipality_id = m.id),
			(select min(r.created_at) from public.help_requests r, m where r.municipality_id = m.id),
			(select min(a.starts_at) from public.activities a, m where a.municipality_id = m.id and a.published)
		) as at
	)
	select coalesce(array_agg(y order by y desc), '{}')
	from first, generate_series(
		coalesce(extract(year from first.at at time zone 'Europe/Amsterdam')::integer, extract(year from now())::integer),
		extract(year from now() at time zone 'Europe/Amsterdam')::integer
	) y
	where exists (select 1 from m);
$$;
grant execute on function public.open_data_years(text) to anon, authenticated;

-- The buurthuizen and their current and coming activities as a GeoJSON FeatureCollection. Only
-- what the public map already shows; no phone or e-mail (a board may have given a private one).
create or replace function public.open_data_places(p_municipality_slug text default null) returns jsonb
language sql stable security definer set search_path = '' as $$
	with m as (
		select m.id from public.municipalities m
		where case when p_municipality_slug is null then m.id = public.current_municipality_id()
		else m.slug = p_municipality_slug end
			and char_length(coalesce(p_municipality_slug, '')) <= 40
		order by m.created_at, m.id limit 1
	)
	select jsonb_build_object(
		'type', 'FeatureCollection',
		'features', coalesce(jsonb_agg(jsonb_build_object(
			'type', 'Feature',
			'geometry', jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(c.longitude, c.latitude)),
			'properties', jsonb_build_object(
				'slug', c.slug, 'naam', c.name, 'adres', c.street_address, 'postcode', c.postcode, 'plaats', c.city,
				'wijk', d.slug, 'wijk_naam', d.name, 'toegankelijkheid', c.accessibility, 'website', c.website,
				'demo', c.is_demo,
				'activiteiten', coalesce((
					select jsonb_agg(jsonb_build_object(
						'titel', a.title, 'omschrijving', a.description, 'categorie', a.category, 'voor', a.audience,
						'herhaling', a.recurrence, 'eerste_keer', a.starts_at, 'einde_eerste_keer', a.ends_at,
						'herhaalt_tot', a.repeat_until, 'kosten_cent', a.cost_cents,
						'aanmelden', a.needs_registration
					) order by a.starts_at)
					from public.activities a
					where a.community_centre_id = c.id and a.published and a.cancelled_at is null
						and a.series_ends_at >= now()
				), '[]'::jsonb)
			)
		) order by c.name), '[]'::jsonb)
	)
	from m
	join public.community_centres c on c.municipality_id = m.id
	join public.districts d on d.id = c.district_id;
$$;
grant execute on function public.open_data_places(text) to anon, authenticated;

select public.add_timestamp_triggers();
