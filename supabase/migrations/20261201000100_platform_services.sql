-- Platform services, owned by no area: account blocks, rate limits and the notification outbox.
-- An area uses them from its own migration (a rate-limit trigger on its table, is_blocked() in its
-- insert policies, notify() from its functions).

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

create table public.notification_outbox (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	recipient_id uuid not null references auth.users (id) on delete cascade,
	kind text not null check (
		kind in ('response_received', 'response_accepted', 'message_received', 'invitation', 'followup', 'escalation')
	),
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
