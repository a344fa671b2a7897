-- Platform services, owned by no area: account blocks and rate limits. An area uses them from its
-- own schema file: is_blocked() in its insert policies, a rate-limit trigger on its table.

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

create trigger account_blocks_set_timestamps before insert or update on public.account_blocks
	for each row execute function public.set_timestamps();

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
			using errcode = 'PT429', hint = tg_table_name;
	end if;
	return new;
end;
$$;

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

create trigger attempt_counters_set_timestamps before insert or update on public.attempt_counters
	for each row execute function public.set_timestamps();

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
