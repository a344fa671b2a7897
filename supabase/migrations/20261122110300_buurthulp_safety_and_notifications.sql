-- Buurthulp, part 4: reports and moderation (every action logged with who and why), follow-up
-- questions after the help ("hoe ging het?"), invitations, and the notification outbox that the
-- app's mailer drains.

-- ---------------------------------------------------------------------------------------------
-- Notifications
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
	updated_at timestamptz not null default now()
);
create index notification_outbox_unsent_idx on public.notification_outbox (created_at) where sent_at is null;
create index notification_outbox_recipient_idx on public.notification_outbox (recipient_id, created_at desc);

alter table public.notification_outbox enable row level security;
create policy "People see their own notifications" on public.notification_outbox
	for select to authenticated using (recipient_id = (select auth.uid()));

create or replace function public.notify(p_municipality_id uuid, p_recipient_id uuid, p_kind text, p_payload jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
	insert into public.notification_outbox (municipality_id, recipient_id, kind, payload)
	select p_municipality_id, p_recipient_id, p_kind, p_payload where p_recipient_id is not null;
$$;
revoke all on function public.notify(uuid, uuid, text, jsonb) from public;

-- The mailer (service role only) claims unsent notifications with the recipient's address.
create or replace function public.claim_notifications(p_limit integer default 50)
returns table (id uuid, kind text, payload jsonb, email text, display_name text)
language sql
security definer
set search_path = ''
as $$
	with claimed as (
		update public.notification_outbox o set sent_at = now()
		where o.id in (
			select n.id from public.notification_outbox n where n.sent_at is null
			order by n.created_at limit p_limit for update skip locked
		)
		returning o.id, o.kind, o.payload, o.recipient_id
	)
	select c.id, c.kind, c.payload, u.email::text, p.display_name
	from claimed c join auth.users u on u.id = c.recipient_id left join public.profiles p on p.id = c.recipient_id;
$$;
revoke all on function public.claim_notifications(integer) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer) to service_role;

create or replace function public.notify_on_response() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_request public.help_requests%rowtype;
begin
	select * into v_request from public.help_requests where id = new.request_id;
	if tg_op = 'INSERT' then
		perform public.notify(new.municipality_id, v_request.created_by, 'response_received',
			jsonb_build_object('request_id', v_request.id, 'title', v_request.title));
	elsif new.status = 'accepted' and old.status <> 'accepted' then
		perform public.notify(new.municipality_id, new.volunteer_id, 'response_accepted',
			jsonb_build_object('request_id', v_request.id, 'title', v_request.title));
	end if;
	return new;
end;
$$;
create trigger responses_notify after insert or update of status on public.responses
	for each row execute function public.notify_on_response();

create or replace function public.notify_on_message() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_match public.matches%rowtype;
	v_poster uuid;
begin
	select * into v_match from public.matches where id = new.match_id;
	select created_by into v_poster from public.help_requests where id = v_match.request_id;
	perform public.notify(new.municipality_id,
		case when new.sender_id = v_match.volunteer_id then coalesce(v_match.requester_id, v_poster) else v_match.volunteer_id end,
		'message_received', jsonb_build_object('match_id', v_match.id));
	return new;
end;
$$;
create trigger match_messages_notify after insert on public.match_messages
	for each row execute function public.notify_on_message();

-- ---------------------------------------------------------------------------------------------
-- Invitations: a coordinator asks a suggested volunteer to look at a request
-- ---------------------------------------------------------------------------------------------

create table public.help_invitations (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	request_id uuid not null references public.help_requests (id) on delete cascade,
	volunteer_id uuid not null references public.profiles (id) on delete cascade,
	invited_by uuid not null references auth.users (id) on delete cascade,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (request_id, volunteer_id)
);
alter table public.help_invitations enable row level security;
create policy "Volunteers see their invitations" on public.help_invitations
	for select to authenticated using (volunteer_id = (select auth.uid()));
create policy "Coordinators see invitations in their municipality" on public.help_invitations
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create or replace function public.invite_volunteer(p_request_id uuid, p_volunteer_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_request public.help_requests%rowtype;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.has_role('coordinator', v_request.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_request.status <> 'open' then
		raise exception 'request_not_open' using errcode = 'P0001';
	end if;
	insert into public.help_invitations (municipality_id, request_id, volunteer_id, invited_by)
	values (v_request.municipality_id, p_request_id, p_volunteer_id, (select auth.uid()))
	on conflict (request_id, volunteer_id) do nothing;
	if found then
		perform public.notify(v_request.municipality_id, p_volunteer_id, 'invitation',
			jsonb_build_object('request_id', p_request_id, 'title', v_request.title));
	end if;
end;
$$;
revoke all on function public.invite_volunteer(uuid, uuid) from public;
grant execute on function public.invite_volunteer(uuid, uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Reports and moderation
-- ---------------------------------------------------------------------------------------------

create table public.reports (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	reporter_id uuid not null references auth.users (id) on delete cascade,
	target_type text not null check (target_type in ('help_request', 'help_offer', 'match_message')),
	target_id uuid not null,
	reason text not null check (char_length(reason) between 5 and 1000),
	status text not null default 'open' check (status in ('open', 'content_hidden', 'dismissed')),
	handled_by uuid references auth.users (id) on delete set null,
	handled_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index reports_queue_idx on public.reports (municipality_id, created_at) where status = 'open';
create trigger reports_set_updated_at before update on public.reports
	for each row execute function public.set_updated_at();
create trigger reports_rate_limit before insert on public.reports
	for each row execute function public.enforce_rate_limit('reporter_id', '10', '1 hour');

alter table public.reports enable row level security;
create policy "Reporters see their own reports" on public.reports
	for select to authenticated using (reporter_id = (select auth.uid()));
create policy "Coordinators see the reports of their municipality" on public.reports
	for select to authenticated using (public.has_role('coordinator', municipality_id));
create policy "Signed-in people report content" on public.reports
	for insert to authenticated
	with check (
		reporter_id = (select auth.uid()) and status = 'open' and handled_by is null
		and municipality_id = (select public.my_municipality_id())
	);

create table public.moderation_actions (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	actor_id uuid not null references auth.users (id),
	action text not null check (action in ('hide', 'unhide', 'block', 'unblock', 'dismiss_report')),
	target_type text not null check (target_type in ('help_request', 'help_offer', 'match_message', 'account', 'report')),
	target_id uuid not null,
	reason text not null check (char_length(reason) between 3 and 1000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index moderation_actions_municipality_idx on public.moderation_actions (municipality_id, created_at desc);
alter table public.moderation_actions enable row level security;
create policy "Coordinators read the moderation log of their municipality" on public.moderation_actions
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create or replace function public.hide_content(p_target_type text, p_target_id uuid, p_reason text, p_hide boolean default true)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_municipality uuid;
begin
	v_municipality := case p_target_type
		when 'help_request' then (select municipality_id from public.help_requests where id = p_target_id)
		when 'help_offer' then (select municipality_id from public.help_offers where id = p_target_id)
		when 'match_message' then (select municipality_id from public.match_messages where id = p_target_id)
	end;
	if v_municipality is null or not public.has_role('coordinator', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if char_length(coalesce(trim(p_reason), '')) < 3 then
		raise exception 'reason_required' using errcode = 'P0001';
	end if;
	if p_target_type = 'help_request' then
		update public.help_requests set hidden_at = case when p_hide then now() end where id = p_target_id;
	elsif p_target_type = 'help_offer' then
		update public.help_offers set hidden_at = case when p_hide then now() end where id = p_target_id;
	else
		update public.match_messages set hidden_at = case when p_hide then now() end where id = p_target_id;
	end if;
	if p_hide then
		update public.reports set status = 'content_hidden', handled_by = (select auth.uid()), handled_at = now()
			where target_type = p_target_type and target_id = p_target_id and status = 'open';
	end if;
	insert into public.moderation_actions (municipality_id, actor_id, action, target_type, target_id, reason)
	values (v_municipality, (select auth.uid()), case when p_hide then 'hide' else 'unhide' end, p_target_type, p_target_id, trim(p_reason));
end;
$$;
revoke all on function public.hide_content(text, uuid, text, boolean) from public;
grant execute on function public.hide_content(text, uuid, text, boolean) to authenticated;

create or replace function public.block_account(p_user_id uuid, p_reason text, p_block boolean default true)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_municipality uuid;
begin
	select municipality_id into v_municipality from public.profiles where id = p_user_id;
	if v_municipality is null or not public.has_role('coordinator', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_user_id = (select auth.uid()) then
		raise exception 'cannot_block_self' using errcode = 'P0001';
	end if;
	if char_length(coalesce(trim(p_reason), '')) < 3 then
		raise exception 'reason_required' using errcode = 'P0001';
	end if;
	if p_block then
		insert into public.account_blocks (user_id, municipality_id, blocked_by, reason)
		values (p_user_id, v_municipality, (select auth.uid()), trim(p_reason))
		on conflict (user_id) do nothing;
	else
		delete from public.account_blocks where user_id = p_user_id;
	end if;
	insert into public.moderation_actions (municipality_id, actor_id, action, target_type, target_id, reason)
	values (v_municipality, (select auth.uid()), case when p_block then 'block' else 'unblock' end, 'account', p_user_id, trim(p_reason));
end;
$$;
revoke all on function public.block_account(uuid, text, boolean) from public;
grant execute on function public.block_account(uuid, text, boolean) to authenticated;

create or replace function public.dismiss_report(p_report_id uuid, p_reason text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_report public.reports%rowtype;
begin
	select * into v_report from public.reports where id = p_report_id for update;
	if not found or not public.has_role('coordinator', v_report.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	update public.reports set status = 'dismissed', handled_by = (select auth.uid()), handled_at = now()
		where id = p_report_id;
	insert into public.moderation_actions (municipality_id, actor_id, action, target_type, target_id, reason)
	values (v_report.municipality_id, (select auth.uid()), 'dismiss_report', 'report', p_report_id, coalesce(nullif(trim(p_reason), ''), 'afgewezen'));
end;
$$;
revoke all on function public.dismiss_report(uuid, text) from public;
grant execute on function public.dismiss_report(uuid, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- "Hoe ging het?" — a short question to both sides a few days after the planned date
-- ---------------------------------------------------------------------------------------------

create table public.followups (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	match_id uuid not null references public.matches (id) on delete cascade,
	-- Null for a resident without an account: the coordinator who registered the request answers.
	respondent_id uuid references auth.users (id) on delete cascade,
	side text not null check (side in ('requester', 'volunteer')),
	answer text check (answer in ('good', 'okay', 'bad')),
	comment text not null default '' check (char_length(comment) <= 1000),
	answered_at timestamptz,
	escalated_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (match_id, side)
);
create index followups_unanswered_idx on public.followups (created_at) where answered_at is null;
create trigger followups_set_updated_at before update on public.followups
	for each row execute function public.set_updated_at();

alter table public.followups enable row level security;
create policy "Respondents see their follow-up questions" on public.followups
	for select to authenticated using (respondent_id = (select auth.uid()));
create policy "Coordinators see follow-ups in their municipality" on public.followups
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create or replace function public.answer_followup(p_followup_id uuid, p_answer text, p_comment text default '')
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_followup public.followups%rowtype;
begin
	select * into v_followup from public.followups where id = p_followup_id for update;
	if not found or v_followup.respondent_id is distinct from (select auth.uid()) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	update public.followups
		set answer = p_answer, comment = left(coalesce(p_comment, ''), 1000), answered_at = now()
		where id = p_followup_id;
end;
$$;
revoke all on function public.answer_followup(uuid, text, text) from public;
grant execute on function public.answer_followup(uuid, text, text) to authenticated;

-- Scheduled: asks both sides of matches whose planned date is 3 days past, and flags for
-- coordinators a bad answer, or no answer after 4 more days from a vulnerable requester.
create or replace function public.run_followups() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_new integer := 0;
	v_row record;
begin
	for v_row in
		select m.id, m.municipality_id, m.volunteer_id, coalesce(m.requester_id, r.created_by) as requester_side
		from public.matches m join public.help_requests r on r.id = m.request_id
		where m.status in ('active', 'done')
			and coalesce(r.ends_on, r.starts_on, m.created_at::date) <= current_date - 3
			and not exists (select 1 from public.followups f where f.match_id = m.id)
	loop
		insert into public.followups (municipality_id, match_id, respondent_id, side)
		values (v_row.municipality_id, v_row.id, v_row.requester_side, 'requester'),
			(v_row.municipality_id, v_row.id, v_row.volunteer_id, 'volunteer');
		perform public.notify(v_row.municipality_id, v_row.requester_side, 'followup', jsonb_build_object('match_id', v_row.id));
		perform public.notify(v_row.municipality_id, v_row.volunteer_id, 'followup', jsonb_build_object('match_id', v_row.id));
		v_new := v_new + 2;
	end loop;

	update public.followups f set escalated_at = now()
	from public.matches m join public.help_requests r on r.id = m.request_id
	where f.match_id = m.id and f.escalated_at is null and f.side = 'requester'
		and (f.answer = 'bad' or (f.answered_at is null and r.is_vulnerable and f.created_at < now() - interval '4 days'));
	update public.followups f set escalated_at = now()
	where f.escalated_at is null and f.side = 'volunteer' and f.answer = 'bad';
	return v_new;
end;
$$;
revoke all on function public.run_followups() from public;
grant execute on function public.run_followups() to service_role;
