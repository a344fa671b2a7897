-- Platform services, owned by no area: account blocks, rate limits, the notification outbox and
-- the scheduler. An area uses them from its own migration: a rate-limit trigger on its table,
-- is_blocked() in its insert policies, notify() from its functions, a row in notification_kinds
-- for each mail it sends (its template lives in src/lib/server/<area>/mail.ts) and a row in
-- scheduled_jobs for each job. Adding an area touches no other area's files.

-- ---------------------------------------------------------------------------------------------
-- Account blocks: a blocked account can no longer post or react (checked in insert policies)
-- ---------------------------------------------------------------------------------------------

create table public.account_blocks (
	user_id uuid primary key references auth.users (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	blocked_by uuid references auth.users (id) on delete set null,
	reason text not null check (char_length(reason) between 3 and 1000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

alter table public.account_blocks enable row level security;

create policy "Blocked people see their own block" on public.account_blocks
	for select to authenticated using (user_id = (select auth.uid()));

create policy "Coordinators see blocks in their municipality" on public.account_blocks
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create or replace function public.is_blocked() returns boolean language sql stable security definer set search_path = '' as $$
	select exists (select 1 from public.account_blocks b where b.user_id = (select auth.uid()));
$$;
revoke all on function public.is_blocked() from public;
grant execute on function public.is_blocked() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Rate limits
-- ---------------------------------------------------------------------------------------------

-- At most TG_ARGV[1] rows per TG_ARGV[2] by the actor in column TG_ARGV[0].
-- A trigger holds for every client, including ones that skip the app's own checks.
create or replace function public.enforce_rate_limit() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_actor uuid;
	v_count integer;
begin
	v_actor := (to_jsonb(new) ->> tg_argv[0])::uuid;
	if v_actor is null then
		return new;
	end if;
	execute format(
		'select count(*) from %I.%I where %I = $1 and created_at > now() - $2::interval',
		tg_table_schema, tg_table_name, tg_argv[0]
	) into v_count using v_actor, tg_argv[2];
	if v_count >= tg_argv[1]::integer then
		raise exception 'rate_limited: % per %', tg_argv[1], tg_argv[2]
			using errcode = 'P0001', hint = tg_table_name;
	end if;
	return new;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Notification outbox: written in the same transaction as the change, drained by the mailer
-- ---------------------------------------------------------------------------------------------

-- The kinds of notification mail, registered by each area's migration.
create table public.notification_kinds (
	kind text primary key check (kind ~ '^[a-z][a-z_]{1,39}$'),
	area text not null check (area ~ '^[a-z][a-z_]{1,39}$'),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
-- Only the migrations write the registry and only the service role reads it: the API shows
-- visitors and accounts nothing.
alter table public.notification_kinds enable row level security;
create policy "Only the service role reads the notification kinds" on public.notification_kinds
	for select to service_role using (true);

create table public.notification_outbox (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	recipient_id uuid not null references auth.users (id) on delete cascade,
	kind text not null references public.notification_kinds (kind),
	payload jsonb not null default '{}'::jsonb,
	sent_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- A failed delivery is retried with a growing pause and given up after 5 attempts.
	attempts integer not null default 0,
	next_attempt_at timestamptz,
	failed_at timestamptz,
	last_error text check (char_length(last_error) <= 500)
);

create index notification_outbox_unsent_idx on public.notification_outbox (created_at) where sent_at is null;

create index notification_outbox_recipient_idx on public.notification_outbox (recipient_id, created_at desc);

alter table public.notification_outbox enable row level security;

create policy "People see their own notifications" on public.notification_outbox
	for select to authenticated using (recipient_id = (select auth.uid()));

create or replace function public.notify(p_municipality_id uuid, p_recipient_id uuid, p_kind text, p_payload jsonb)
returns void language sql security definer set search_path = '' as $$
	insert into public.notification_outbox (municipality_id, recipient_id, kind, payload)
	select p_municipality_id, p_recipient_id, p_kind, p_payload where p_recipient_id is not null;
$$;
revoke all on function public.notify(uuid, uuid, text, jsonb) from public;

-- The mailer (service role only) claims unsent notifications with the recipient's address. A
-- claimed row counts as sent; a row waiting for its retry is skipped until its time has come.
create or replace function public.claim_notifications(p_limit integer default 50)
returns table (id uuid, kind text, payload jsonb, email text, display_name text) language sql security definer set search_path = '' as $$
	with claimed as (
		update public.notification_outbox o set sent_at = now(), attempts = o.attempts + 1
		where o.id in (
			select n.id from public.notification_outbox n
			where n.sent_at is null and (n.next_attempt_at is null or n.next_attempt_at <= now())
			order by n.created_at limit p_limit for update skip locked
		)
		returning o.id, o.kind, o.payload, o.recipient_id
	)
	select c.id, c.kind, c.payload, u.email::text, p.display_name
	from claimed c join auth.users u on u.id = c.recipient_id left join public.profiles p on p.id = c.recipient_id;
$$;
revoke all on function public.claim_notifications(integer) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer) to service_role;

-- The mailer could not deliver a claimed notification: put it back for a retry after 1, 4, 9,
-- 16 minutes, and after the 5th attempt keep it as failed (sent_at stays set, failed_at says why
-- it never arrived).
create or replace function public.notification_failed(p_id uuid, p_error text) returns void language sql security definer set search_path = '' as $$
	update public.notification_outbox o
	set last_error = left(coalesce(p_error, ''), 500),
		sent_at = case when o.attempts < 5 then null else o.sent_at end,
		next_attempt_at = case when o.attempts < 5 then now() + make_interval(mins => o.attempts * o.attempts) end,
		failed_at = case when o.attempts >= 5 then now() end
	where o.id = p_id and o.sent_at is not null;
$$;
revoke all on function public.notification_failed(uuid, text) from public, anon, authenticated;
grant execute on function public.notification_failed(uuid, text) to service_role;

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
-- Only the migrations and the scheduler (service role) see the jobs.
alter table public.scheduled_jobs enable row level security;
create policy "Only the service role reads the scheduled jobs" on public.scheduled_jobs
	for select to service_role using (true);

-- Runs every due job in its own subtransaction: one failing job is recorded and the others still
-- run. skip locked keeps two app servers from running the same job at once.
create or replace function public.run_scheduled_jobs() returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_job public.scheduled_jobs%rowtype;
	v_result integer;
	v_report jsonb := '{}'::jsonb;
begin
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

select public.add_timestamp_triggers();
