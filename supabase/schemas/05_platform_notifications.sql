-- Platform service, owned by no area: the notification outbox, written in the same transaction as
-- the change and drained by the mailer (src/lib/server/notifications/). An area registers each
-- mail it sends with a row in notification_kinds (in its own schema file; its words live in
-- src/lib/server/<area>/mail.ts) and calls notify() from its functions.

-- The kinds of notification mail, registered by each area's schema file.
create table public.notification_kinds (
	kind text primary key check (kind ~ '^[a-z][a-z_]{1,39}$'),
	area text not null check (area ~ '^[a-z][a-z_]{1,39}$'),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger notification_kinds_set_timestamps before insert or update on public.notification_kinds
	for each row execute function public.set_timestamps();

-- Only the migrations write the registry and only the service role reads it: the API shows
-- visitors and accounts nothing.
alter table public.notification_kinds enable row level security;

create policy "Only the service role reads the notification kinds" on public.notification_kinds
	for select to service_role using (true);

create table public.notification_outbox (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	-- The recipient is an account or, for invitations to people who may have none, an address.
	recipient_id uuid references auth.users (id) on delete cascade,
	kind text not null references public.notification_kinds (kind),
	payload jsonb not null default '{}'::jsonb,
	sent_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- A failed delivery is retried with a growing pause and given up after 5 attempts.
	attempts integer not null default 0,
	next_attempt_at timestamptz,
	failed_at timestamptz,
	last_error text check (char_length(last_error) <= 500),
	-- created_at is the transaction's start, so two notifications written in one transaction (or in
	-- two that started in the same microsecond) tie; seq is the order of writing. thread groups the
	-- mails about one match (or, before there is a match, one request) to one recipient.
	seq bigint generated always as identity,
	thread text generated always as (coalesce(payload ->> 'match_id', payload ->> 'request_id')) stored,
	recipient_email text check (
		recipient_email is null or (char_length(recipient_email) <= 320 and recipient_email ~ '^[^@\s]+@[^@\s]+$')
	),
	constraint notification_outbox_one_recipient check ((recipient_id is null) <> (recipient_email is null)),
	-- A claim is a lease: the worker confirms each mail once the SMTP server accepted it
	-- (notification_sent). A claim older than 10 minutes belongs to a worker that died, and the
	-- mail is claimed again (so a mail can, rarely, arrive twice; it is never lost).
	claimed_at timestamptz,
	claimed_by uuid
);

create trigger notification_outbox_set_timestamps before insert or update on public.notification_outbox
	for each row execute function public.set_timestamps();

create index notification_outbox_unsent_idx on public.notification_outbox (created_at) where sent_at is null;

create index notification_outbox_recipient_idx on public.notification_outbox (recipient_id, created_at desc);

create index notification_outbox_thread_idx on public.notification_outbox (recipient_id, thread, seq)
	where sent_at is null;

alter table public.notification_outbox enable row level security;

create policy "People see their own notifications" on public.notification_outbox
	for select to authenticated using (recipient_id = (select auth.uid()));

create or replace function public.notify(p_municipality_id uuid, p_recipient_id uuid, p_kind text, p_payload jsonb)
returns void language sql security definer set search_path = '' as $$
	insert into public.notification_outbox (municipality_id, recipient_id, kind, payload)
	select p_municipality_id, p_recipient_id, p_kind, p_payload where p_recipient_id is not null;
$$;
revoke all on function public.notify(uuid, uuid, text, jsonb) from public;

-- For a mail to an address: the same queue, retries and order as notify().
create or replace function public.notify_address(p_municipality_id uuid, p_email text, p_kind text, p_payload jsonb)
returns void language sql security definer set search_path = '' as $$
	insert into public.notification_outbox (municipality_id, recipient_email, kind, payload)
	select p_municipality_id, lower(trim(p_email)), p_kind, p_payload where p_email is not null;
$$;
revoke all on function public.notify_address(uuid, text, text, jsonb) from public, anon, authenticated;

-- The mailer (service role only) claims due notifications with the recipient's address, as a
-- lease (claimed_at, claimed_by). It claims, per recipient and thread, only the oldest unsent
-- notification: a later one waits while an earlier one is unsent, in another worker's hands or
-- waiting for its retry (a failed delivery is retried after 1, 4, 9 and 16 minutes, and after the
-- 5th attempt it no longer holds the others up). So "Je hebt een nieuw bericht" never arrives
-- before "Je hulp is aangenomen", also with a mail worker on every app server: one claim runs at a
-- time (an advisory lock), and a claimed row stays unsent until its worker confirms it. The rows
-- come back in the order they were written, and the worker sends them one after the other.
create or replace function public.claim_notifications(p_limit integer default 50, p_worker uuid default null)
returns table (id uuid, kind text, payload jsonb, email text, display_name text) language plpgsql security definer set search_path = '' as $$
begin
	perform pg_advisory_xact_lock(hashtext('public.claim_notifications'));
	return query
	with claimed as (
		update public.notification_outbox o
		set claimed_at = now(), claimed_by = p_worker, attempts = o.attempts + 1
		where o.id in (
			select n.id from public.notification_outbox n
			where n.sent_at is null and n.failed_at is null
				and (n.claimed_at is null or n.claimed_at < now() - interval '10 minutes')
				and (n.next_attempt_at is null or n.next_attempt_at <= now())
				and not exists (
					select 1 from public.notification_outbox e
					where e.recipient_id = n.recipient_id and e.thread = n.thread
						and e.sent_at is null and e.failed_at is null and e.seq < n.seq
				)
			order by n.seq limit least(greatest(coalesce(p_limit, 50), 0), 500) for update skip locked
		)
		returning o.id, o.kind, o.payload, o.recipient_id, o.recipient_email, o.seq
	)
	select c.id, c.kind, c.payload, coalesce(u.email::text, c.recipient_email), p.display_name
	from claimed c left join auth.users u on u.id = c.recipient_id left join public.profiles p on p.id = c.recipient_id
	where u.id is not null or c.recipient_email is not null
	order by c.seq;
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
-- its claims), or only the ones named.
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
