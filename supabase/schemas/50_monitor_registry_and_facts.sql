-- Monitor sociaal domein (issue 21): the registry of the areas' monitor functions, the anonymous
-- facts of a cheque that outlive the retention of its application (cheque_facts), the carers'
-- answer to "Voel je je gewaardeerd?", the figures a municipality enters itself (baseline year,
-- population), and the indexes the monitor reads other areas' tables by. The area functions and
-- the aggregator are in 51_monitor_figures.sql, the open data in 52_monitor_open_data.sql.

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
	updated_at timestamptz not null default now(),
	-- The area's figures without a month (51_monitor_figures.sql), if it has any.
	state_function_name text unique check (state_function_name ~ '^monitor_[a-z_]{1,50}$')
);

create trigger monitor_areas_set_timestamps before insert or update on public.monitor_areas
	for each row execute function public.set_timestamps();

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

create trigger cheque_facts_set_timestamps before insert or update on public.cheque_facts
	for each row execute function public.set_timestamps();

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

create trigger carer_appreciation_answers_set_timestamps before insert or update on public.carer_appreciation_answers
	for each row execute function public.set_timestamps();

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

create trigger monitor_reference_figures_set_timestamps before insert or update on public.monitor_reference_figures
	for each row execute function public.set_timestamps();

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
