-- Platform service, owned by no area: the scheduler. An area registers each job with a row in
-- scheduled_jobs, in its own schema file, next to the job's function.

-- ---------------------------------------------------------------------------------------------
-- Scheduler: each area registers its jobs; the app's worker calls run_scheduled_jobs() every
-- minute as service role, which runs whatever is due
-- ---------------------------------------------------------------------------------------------

-- A job is a function public.<name>() returning integer (how many rows it handled), run at most
-- once per "every". Only the service role may run the scheduler.
create table public.scheduled_jobs (
	name text primary key check (name ~ '^[a-z][a-z_]{1,62}$'),
	area text not null check (area ~ '^[a-z][a-z_]{1,39}$'),
	every interval not null check (every >= interval '1 minute'),
	last_started_at timestamptz,
	last_finished_at timestamptz,
	last_result integer,
	last_error text check (char_length(last_error) <= 500),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger scheduled_jobs_set_timestamps before insert or update on public.scheduled_jobs
	for each row execute function public.set_timestamps();

-- Only the migrations and the scheduler (service role) see the jobs.
alter table public.scheduled_jobs enable row level security;

create policy "Only the service role reads the scheduled jobs" on public.scheduled_jobs
	for select to service_role using (true);

-- Runs every due job in its own subtransaction: one failing job is recorded and the others still
-- run. Every app server calls this every minute: the advisory lock lets one run at a time (a
-- server that finds it taken returns at once, and the next caller sees those jobs as no longer
-- due), and skip locked keeps a job that is still running from starting twice.
create or replace function public.run_scheduled_jobs() returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_job public.scheduled_jobs%rowtype;
	v_result integer;
	v_report jsonb := '{}'::jsonb;
begin
	if not pg_try_advisory_xact_lock(hashtext('public.run_scheduled_jobs')) then
		return v_report;
	end if;
	for v_job in
		select * from public.scheduled_jobs j
		where j.last_started_at is null or j.last_started_at + j.every <= now()
		order by j.name
		for update skip locked
	loop
		update public.scheduled_jobs set last_started_at = now() where name = v_job.name;
		begin
			execute format('select public.%I()', v_job.name) into v_result;
			update public.scheduled_jobs
				set last_finished_at = now(), last_result = v_result, last_error = null
				where name = v_job.name;
			v_report := v_report || jsonb_build_object(v_job.name, v_result);
		exception when others then
			update public.scheduled_jobs set last_error = left(sqlerrm, 500) where name = v_job.name;
			v_report := v_report || jsonb_build_object(v_job.name, jsonb_build_object('error', left(sqlerrm, 500)));
		end;
	end loop;
	return v_report;
end;
$$;
revoke all on function public.run_scheduled_jobs() from public, anon, authenticated;
grant execute on function public.run_scheduled_jobs() to service_role;

-- The platform's own jobs.
insert into public.scheduled_jobs (name, area, every) values
	('purge_attempt_counters', 'platform', interval '1 hour');
