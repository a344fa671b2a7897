-- Production is several app servers on one database (issue 19): nothing that decides may live in
-- one server's memory. This migration moves the sign-in and code limits into the database, lets
-- several mail workers send one recipient's mails in order, runs each due job once across
-- servers, and tells a readiness probe which migration the database is at.

-- ---------------------------------------------------------------------------------------------
-- Readiness: the newest applied migration, for GET /readyz (service role only)
-- ---------------------------------------------------------------------------------------------

create or replace function public.readiness() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_version text;
begin
	-- The Supabase CLI and the embedded Supabase both record migrations in this table.
	if to_regclass('supabase_migrations.schema_migrations') is not null then
		execute 'select max(version)::text from supabase_migrations.schema_migrations' into v_version;
	end if;
	return jsonb_build_object('migration', v_version);
end;
$$;
revoke all on function public.readiness() from public, anon, authenticated;
grant execute on function public.readiness() to service_role;

-- ---------------------------------------------------------------------------------------------
-- Attempt limits (sign-in, typed codes): counted here so every app server shares one count.
-- Keys are HMACs made by the app server (never an address or an e-mail address in clear); only
-- the service role (the app server, acting for nobody) takes and gives back attempts.
-- ---------------------------------------------------------------------------------------------

create table public.attempt_counters (
	id uuid primary key default gen_random_uuid(),
	bucket text not null check (bucket ~ '^[a-z][a-z_]{1,39}$'),
	key_hash text not null check (key_hash ~ '^[0-9a-f]{16,128}$'),
	points integer not null default 0 check (points >= 0),
	window_ends_at timestamptz not null,
	locked_until timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (bucket, key_hash)
);

create index attempt_counters_window_idx on public.attempt_counters (window_ends_at);

alter table public.attempt_counters enable row level security;
create policy "Only the service role reads the attempt counters" on public.attempt_counters
	for select to service_role using (true);

-- Takes one attempt for every key (each with its own limit) in one window. A key over its limit
-- is locked for a whole window, and while locked it takes no more points. When any key refuses,
-- the keys that still had room get their point back, so a refused attempt costs nothing there.
-- Answers {"allowed": true} or {"allowed": false, "retry_after_seconds": n}.
create or replace function public.take_attempt(p_bucket text, p_keys text[], p_limits integer[], p_window_seconds integer)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_now timestamptz := now();
	v_window interval;
	v_row public.attempt_counters;
	v_allowed text[] := '{}';
	v_retry integer := 0;
	i integer;
begin
	perform public.assert_max_items(p_keys, 4, 'keys');
	if p_bucket is null or p_bucket !~ '^[a-z][a-z_]{1,39}$'
		or coalesce(array_length(p_keys, 1), 0) = 0
		or array_length(p_keys, 1) <> coalesce(array_length(p_limits, 1), 0)
		or p_window_seconds is null or p_window_seconds not between 1 and 86400 then
		raise exception 'invalid_attempt' using errcode = '22023';
	end if;
	v_window := make_interval(secs => p_window_seconds);
	for i in 1 .. array_length(p_keys, 1) loop
		if p_limits[i] is null or p_limits[i] not between 0 and 10000 then
			raise exception 'invalid_attempt' using errcode = '22023';
		end if;
		insert into public.attempt_counters as c (bucket, key_hash, points, window_ends_at, locked_until)
		values (p_bucket, p_keys[i], 1, v_now + v_window, case when 1 > p_limits[i] then v_now + v_window end)
		on conflict (bucket, key_hash) do update set
			points = case
				when c.locked_until > v_now then c.points
				when c.window_ends_at <= v_now then 1
				else c.points + 1 end,
			window_ends_at = case
				when c.locked_until > v_now then c.window_ends_at
				when c.window_ends_at <= v_now then v_now + v_window
				else c.window_ends_at end,
			locked_until = case
				when c.locked_until > v_now then c.locked_until
				when (case when c.window_ends_at <= v_now then 1 else c.points + 1 end) > p_limits[i]
					then v_now + v_window
				end
		returning * into v_row;
		if v_row.locked_until > v_now then
			v_retry := greatest(v_retry, ceil(extract(epoch from v_row.locked_until - v_now))::integer);
		else
			v_allowed := v_allowed || p_keys[i];
		end if;
	end loop;
	if v_retry > 0 then
		update public.attempt_counters c set points = greatest(c.points - 1, 0)
		where c.bucket = p_bucket and c.key_hash = any (v_allowed);
		return jsonb_build_object('allowed', false, 'retry_after_seconds', greatest(v_retry, 1));
	end if;
	return jsonb_build_object('allowed', true);
end;
$$;
revoke all on function public.take_attempt(text, text[], integer[], integer) from public, anon, authenticated;
grant execute on function public.take_attempt(text, text[], integer[], integer) to service_role;

-- Gives points back after an attempt that said nothing about the secret (p_reward), and forgets
-- keys entirely after a success (p_reset: a successful sign-in clears the account's count).
-- A locked key stays locked: only its window ends a lock.
create or replace function public.give_back_attempts(p_bucket text, p_reward text[], p_reset text[])
returns void language plpgsql security definer set search_path = '' as $$
begin
	perform public.assert_max_items(p_reward, 4, 'reward');
	perform public.assert_max_items(p_reset, 4, 'reset');
	update public.attempt_counters c set points = greatest(c.points - 1, 0)
	where c.bucket = p_bucket and c.key_hash = any (coalesce(p_reward, '{}'))
		and (c.locked_until is null or c.locked_until <= now());
	delete from public.attempt_counters c
	where c.bucket = p_bucket and c.key_hash = any (coalesce(p_reset, '{}'))
		and (c.locked_until is null or c.locked_until <= now());
end;
$$;
revoke all on function public.give_back_attempts(text, text[], text[]) from public, anon, authenticated;
grant execute on function public.give_back_attempts(text, text[], text[]) to service_role;

-- Counters whose window and lock are over say nothing any more.
create or replace function public.purge_attempt_counters() returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_count integer;
begin
	delete from public.attempt_counters c
	where c.window_ends_at < now() and (c.locked_until is null or c.locked_until < now());
	get diagnostics v_count = row_count;
	return v_count;
end;
$$;
revoke all on function public.purge_attempt_counters() from public, anon, authenticated;
grant execute on function public.purge_attempt_counters() to service_role;

insert into public.scheduled_jobs (name, area, every) values
	('purge_attempt_counters', 'platform', interval '1 hour');

-- ---------------------------------------------------------------------------------------------
-- Notification outbox with several mail workers
-- ---------------------------------------------------------------------------------------------

-- A claim is a lease: the worker confirms each mail once the SMTP server accepted it
-- (notification_sent). A claim older than 10 minutes belongs to a worker that died; the mail is
-- claimed again (so a mail can, rarely, arrive twice; it is never lost).
alter table public.notification_outbox
	add column claimed_at timestamptz,
	add column claimed_by uuid;

create index notification_outbox_pending_idx on public.notification_outbox (recipient_id, created_at)
	where sent_at is null and failed_at is null;

drop function public.claim_notifications(integer);

-- Claims due mails, oldest first, but never one that would overtake an older mail of the same
-- recipient that is still in another worker's hands or waiting for its retry. One claim at a time
-- (an advisory lock), so two workers never both see a recipient's older mail as free.
create or replace function public.claim_notifications(p_limit integer default 50, p_worker uuid default null)
returns table (id uuid, recipient_id uuid, kind text, payload jsonb, email text, display_name text)
language plpgsql security definer set search_path = '' as $$
begin
	perform pg_advisory_xact_lock(hashtext('public.claim_notifications'));
	return query
	with claimable as (
		select n.id from public.notification_outbox n
		where n.sent_at is null and n.failed_at is null
			and (n.claimed_at is null or n.claimed_at < now() - interval '10 minutes')
			and (n.next_attempt_at is null or n.next_attempt_at <= now())
			and not exists (
				select 1 from public.notification_outbox e
				where e.recipient_id = n.recipient_id and e.sent_at is null and e.failed_at is null
					and (e.created_at, e.id) < (n.created_at, n.id)
					and ((e.claimed_at is not null and e.claimed_at >= now() - interval '10 minutes')
						or e.next_attempt_at > now())
			)
		order by n.created_at, n.id
		limit least(greatest(coalesce(p_limit, 50), 0), 500)
		for update skip locked
	), claimed as (
		update public.notification_outbox o
		set claimed_at = now(), claimed_by = p_worker, attempts = o.attempts + 1
		from claimable c where o.id = c.id
		returning o.id, o.recipient_id, o.kind, o.payload, o.created_at
	)
	select c.id, c.recipient_id, c.kind, c.payload, u.email::text, p.display_name
	from claimed c join auth.users u on u.id = c.recipient_id left join public.profiles p on p.id = c.recipient_id
	order by c.created_at, c.id;
end;
$$;
revoke all on function public.claim_notifications(integer, uuid) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer, uuid) to service_role;

-- The SMTP server accepted the mail.
create or replace function public.notification_sent(p_id uuid) returns void language sql security definer set search_path = '' as $$
	update public.notification_outbox o set sent_at = now(), last_error = null
	where o.id = p_id and o.sent_at is null;
$$;
revoke all on function public.notification_sent(uuid) from public, anon, authenticated;
grant execute on function public.notification_sent(uuid) to service_role;

-- The mailer could not deliver a claimed notification: put it back for a retry after 1, 4, 9,
-- 16 minutes; after the 5th attempt keep it as failed (failed_at says why it never arrived).
-- While it waits, the recipient's later mails wait too.
create or replace function public.notification_failed(p_id uuid, p_error text) returns void language sql security definer set search_path = '' as $$
	update public.notification_outbox o
	set last_error = left(coalesce(p_error, ''), 500),
		claimed_at = null,
		claimed_by = null,
		next_attempt_at = case when o.attempts < 5 then now() + make_interval(mins => o.attempts * o.attempts) end,
		failed_at = case when o.attempts >= 5 then now() end
	where o.id = p_id and o.sent_at is null and o.failed_at is null;
$$;
revoke all on function public.notification_failed(uuid, text) from public, anon, authenticated;
grant execute on function public.notification_failed(uuid, text) to service_role;

-- Gives claimed, unsent mails back without counting an attempt: a worker that shuts down (all
-- its claims), or one that skips a recipient's later mails after an earlier one failed (p_ids).
create or replace function public.release_notifications(p_worker uuid, p_ids uuid[] default null)
returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_count integer;
begin
	perform public.assert_max_items(p_ids, 500, 'ids');
	update public.notification_outbox o
	set claimed_at = null, claimed_by = null, attempts = greatest(o.attempts - 1, 0)
	where o.claimed_by = p_worker and o.sent_at is null and o.failed_at is null
		and o.claimed_at is not null and (p_ids is null or o.id = any (p_ids));
	get diagnostics v_count = row_count;
	return v_count;
end;
$$;
revoke all on function public.release_notifications(uuid, uuid[]) from public, anon, authenticated;
grant execute on function public.release_notifications(uuid, uuid[]) to service_role;

-- ---------------------------------------------------------------------------------------------
-- Scheduler: one run at a time across all servers
-- ---------------------------------------------------------------------------------------------

-- Every server calls this every minute. The advisory lock lets one run at a time; a server that
-- finds it taken returns at once, and the next one then sees the jobs it ran as no longer due.
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

select public.add_timestamp_triggers();
