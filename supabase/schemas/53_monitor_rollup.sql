-- Monitor sociaal domein (issue 21): the rollup of the months that are over. Once a month is over,
-- the scheduled job close_monitor_months writes what every area function returns for it, once;
-- monitor_figures then reads those rows instead of computing the month again, so a year's page
-- reads one year of rows plus the open month, not the year's redemptions, requests and dates.
--
-- A month is over 8 days after its last day: a request posted on its last day counts as
-- unanswered only after 7 days. From then on its figures no longer change, also not when an
-- application or an account is deleted later (as the open data of a past month should not); a
-- merged wijk is followed (merge_districts moves every district_id column). The figures without
-- a month (the state functions: budget, shops taking part) are always computed.

-- ---------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------

-- The months written, per municipality: a month without any event is written too.
create table public.monitor_months (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	month date not null check (month = date_trunc('month', month)::date),
	-- How many rows the areas returned for it.
	events integer not null default 0,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (municipality_id, month)
);

create trigger monitor_months_set_timestamps before insert or update on public.monitor_months
	for each row execute function public.set_timestamps();

alter table public.monitor_months enable row level security;

create policy "Only the service role reads the monitor's closed months" on public.monitor_months
	for select to service_role using (true);

-- The rows the area functions returned for a closed month (those with a month), as they were.
-- item (what a 'distinct' figure counts: a shop, a volunteer) is kept as md5(salt || item) with
-- the municipality's salt, so the table holds no person's id.
create table public.monitor_month_events (
	id uuid primary key default gen_random_uuid(),
	month_id uuid not null references public.monitor_months (id) on delete cascade,
	metric text not null check (metric ~ '^[a-z][a-z0-9_]{1,62}$'),
	agg text not null check (agg in ('sum', 'distinct', 'median')),
	district_id uuid,
	subject text not null check (char_length(subject) <= 200),
	value numeric not null,
	item text check (char_length(item) = 32)
);

create index monitor_month_events_month_idx on public.monitor_month_events (month_id);

alter table public.monitor_month_events enable row level security;

create policy "Only the service role reads the monitor's rolled-up figures" on public.monitor_month_events
	for select to service_role using (true);

-- One random salt per municipality for the items of the rollup.
create table public.monitor_salts (
	municipality_id uuid primary key references public.municipalities (id) on delete cascade,
	salt text not null default md5(gen_random_uuid()::text),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger monitor_salts_set_timestamps before insert or update on public.monitor_salts
	for each row execute function public.set_timestamps();

alter table public.monitor_salts enable row level security;

create policy "Only the service role reads the monitor's salts" on public.monitor_salts
	for select to service_role using (true);

-- ---------------------------------------------------------------------------------------------
-- The job
-- ---------------------------------------------------------------------------------------------

-- Writes the months that are over and not yet written, newest first, at most 36 per municipality
-- per run (a new installation fills its history over a few runs). Months from the one the
-- municipality was created in, or from p_since when given (history imported or, in the bench,
-- generated in the past). p_closed_before replaces "8 days ago" (tests). Idempotent: a written
-- month is skipped, and two runs at once write a month once (the unique key). Returns the number
-- of months written.
create or replace function public.write_monitor_months(p_since date default null, p_closed_before date default null)
returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_before date := coalesce(p_closed_before, (now() at time zone 'Europe/Amsterdam')::date - 8);
	v_municipality record;
	v_month date;
	v_month_id uuid;
	v_salt text;
	v_written integer := 0;
	v_area public.monitor_areas%rowtype;
	v_events integer;
	v_total integer;
begin
	for v_municipality in
		select m.id, least(date_trunc('month', m.created_at at time zone 'Europe/Amsterdam')::date,
			date_trunc('month', p_since)::date) as first_month
		from public.municipalities m order by m.created_at, m.id
	loop
		insert into public.monitor_salts (municipality_id) values (v_municipality.id) on conflict do nothing;
		select k.salt into v_salt from public.monitor_salts k where k.municipality_id = v_municipality.id;
		for v_month in
			select g::date from generate_series(v_municipality.first_month, v_before, interval '1 month') g
			where (g + interval '1 month')::date <= v_before
				and not exists (
					select 1 from public.monitor_months r where r.municipality_id = v_municipality.id and r.month = g::date
				)
			order by g desc limit 36
		loop
			insert into public.monitor_months (municipality_id, month) values (v_municipality.id, v_month)
			on conflict do nothing returning id into v_month_id;
			if v_month_id is null then
				continue;
			end if;
			v_total := 0;
			for v_area in select * from public.monitor_areas a order by a.position, a.area loop
				execute format($q$
					insert into public.monitor_month_events (month_id, metric, agg, district_id, subject, value, item)
					select $5, x.metric, x.agg, x.district_id, x.subject, x.value, md5($4 || x.item)
					from public.%I($1, $2, $3) x
					where x.month is not null
				$q$, v_area.function_name)
				using v_municipality.id, v_month, (v_month + interval '1 month')::date - 1, v_salt, v_month_id;
				get diagnostics v_events = row_count;
				v_total := v_total + v_events;
			end loop;
			update public.monitor_months set events = v_total where id = v_month_id;
			v_written := v_written + 1;
		end loop;
	end loop;
	return v_written;
end;
$$;
revoke all on function public.write_monitor_months(date, date) from public, anon, authenticated;
grant execute on function public.write_monitor_months(date, date) to service_role;

-- The scheduled job (jobs take no arguments).
create or replace function public.close_monitor_months() returns integer language sql security definer set search_path = '' as $$
	select public.write_monitor_months();
$$;
revoke all on function public.close_monitor_months() from public, anon, authenticated;
grant execute on function public.close_monitor_months() to service_role;

-- Registered with the platform scheduler (06_platform_scheduler.sql).
insert into public.scheduled_jobs (name, area, every) values
	('close_monitor_months', 'monitor', interval '1 hour');
