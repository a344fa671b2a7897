-- Buurthulp moderation: people report content, coordinators hide it, block accounts and dismiss
-- reports, every action in the moderation log; the author of hidden content is told, and reads
-- the coordinator's reason on their own pages.

-- ---------------------------------------------------------------------------------------------
-- Closed value lists and registrations
-- ---------------------------------------------------------------------------------------------

create type public.report_status as enum ('open', 'content_hidden', 'dismissed');

create type public.report_target_type as enum ('help_request', 'help_offer', 'match_message');

create type public.moderation_action as enum ('hide', 'unhide', 'block', 'unblock', 'dismiss_report');

create type public.moderation_target_type as enum (
	'help_request', 'help_offer', 'match_message', 'account', 'report'
);

-- The author of a request or offer that a coordinator hid hears that it was hidden and where to
-- read why (words in src/lib/server/buurthulp/mail.ts).
insert into public.notification_kinds (kind, area) values ('content_hidden', 'buurthulp');

-- ---------------------------------------------------------------------------------------------
-- Reports and moderation
-- ---------------------------------------------------------------------------------------------

create table public.reports (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	reporter_id uuid not null references auth.users (id) on delete cascade,
	target_type text not null check (target_type = any (enum_range(null::public.report_target_type)::text[])),
	target_id uuid not null,
	reason text not null check (char_length(reason) between 5 and 1000),
	status text not null default 'open' check (status = any (enum_range(null::public.report_status)::text[])),
	handled_by uuid references auth.users (id) on delete set null,
	handled_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger reports_set_timestamps before insert or update on public.reports
	for each row execute function public.set_timestamps();

create index reports_queue_idx on public.reports (municipality_id, created_at) where status = 'open';

create trigger reports_rate_limit before insert on public.reports
	for each row execute function public.enforce_rate_limit('reporter_id', '10', '1 hour');

alter table public.reports enable row level security;

create policy "Reporters see their own reports" on public.reports
	for select to authenticated using (reporter_id = (select auth.uid()));

create policy "Coordinators see the reports of their municipality" on public.reports
	for select to authenticated using (public.has_role('coordinator', municipality_id));

-- What the reporter is reporting, as far as they may see it: the same rules as the pages (an open
-- request or offer of their municipality, or one they are involved in; a message of their own
-- match). security definer, with the rules written out, because an open request is not
-- selectable from the table by strangers. Null when it does not exist or is not visible to them.
-- The reports insert policy applies it too, so a direct insert obeys the same rule.
create or replace function public.report_target_page(p_target_type text, p_target_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select case p_target_type
		when 'help_request' then (
			select jsonb_build_object('type', p_target_type, 'id', r.id, 'title', r.title,
				'excerpt', left(r.description, 200), 'back', '/hulp/vraag/' || r.id)
			from public.help_requests r
			where r.id = p_target_id
				and ((r.status = 'open' and r.hidden_at is null
						and r.municipality_id = (select public.my_municipality_id()))
					or public.is_acting_for(r.id)
					or exists (
						select 1 from public.matches m
						where m.request_id = r.id and m.volunteer_id = (select auth.uid())
					))
		)
		when 'help_offer' then (
			select jsonb_build_object('type', p_target_type, 'id', o.id, 'title', o.title,
				'excerpt', left(o.description, 200), 'back', '/hulp/vrijwilligers/' || o.volunteer_id)
			from public.help_offers o
			where o.id = p_target_id
				and ((o.status = 'open' and o.hidden_at is null)
					or o.volunteer_id = (select auth.uid())
					or public.has_role('coordinator', o.municipality_id))
		)
		when 'match_message' then (
			select jsonb_build_object('type', p_target_type, 'id', m.id, 'title', 'Bericht',
				'excerpt', left(m.body, 200), 'back', '/hulp/match/' || m.match_id)
			from public.match_messages m
			where m.id = p_target_id
				and public.is_match_participant(m.match_id)
				and (m.hidden_at is null or public.has_role('coordinator', m.municipality_id))
		)
	end
	where (select auth.uid()) is not null;
$$;
revoke all on function public.report_target_page(text, uuid) from public;
grant execute on function public.report_target_page(text, uuid) to authenticated;

create policy "Signed-in people report content" on public.reports
	for insert to authenticated
	with check (
		reporter_id = (select auth.uid()) and status = 'open' and handled_by is null
		and municipality_id = (select public.my_municipality_id())
		and public.report_target_page(target_type, target_id) is not null
	);

create table public.moderation_actions (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	actor_id uuid not null references auth.users (id),
	action text not null check (action = any (enum_range(null::public.moderation_action)::text[])),
	target_type text not null check (target_type = any (enum_range(null::public.moderation_target_type)::text[])),
	target_id uuid not null,
	reason text not null check (char_length(reason) between 3 and 1000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger moderation_actions_set_timestamps before insert or update on public.moderation_actions
	for each row execute function public.set_timestamps();

create index moderation_actions_municipality_idx on public.moderation_actions (municipality_id, created_at desc);

alter table public.moderation_actions enable row level security;

create policy "Coordinators read the moderation log of their municipality" on public.moderation_actions
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create or replace function public.hide_content(p_target_type text, p_target_id uuid, p_reason text, p_hide boolean default true)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid;
begin
	perform public.assert_max_length(p_target_type, 40, 'target_type');
	perform public.assert_max_length(p_reason, 1000, 'reason');
	v_municipality := case p_target_type
		when 'help_request' then (select municipality_id from public.help_requests where id = p_target_id)
		when 'help_offer' then (select municipality_id from public.help_offers where id = p_target_id)
		when 'match_message' then (select municipality_id from public.match_messages where id = p_target_id)
	end;
	if v_municipality is null or not public.has_role('coordinator', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if char_length(coalesce(trim(p_reason), '')) < 3 then
		raise exception 'reason_required' using errcode = '22023';
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
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid;
begin
	perform public.assert_max_length(p_reason, 1000, 'reason');
	select municipality_id into v_municipality from public.profiles where id = p_user_id;
	if v_municipality is null or not public.has_role('coordinator', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_user_id = (select auth.uid()) then
		raise exception 'cannot_block_self' using errcode = '22023';
	end if;
	if char_length(coalesce(trim(p_reason), '')) < 3 then
		raise exception 'reason_required' using errcode = '22023';
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

create or replace function public.dismiss_report(p_report_id uuid, p_reason text) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_report public.reports%rowtype;
begin
	perform public.assert_max_length(p_reason, 1000, 'reason');
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

-- Files a report about content the reporter can see. security invoker: RLS hides what they may
-- not see (so ids cannot be probed), and the insert policy and rate-limit trigger hold.
create or replace function public.report_content(p_target_type text, p_target_id uuid, p_reason text)
returns uuid language plpgsql security invoker set search_path = '' as $$
declare
	v_id uuid;
begin
	perform public.assert_max_length(p_target_type, 40, 'target_type');
	perform public.assert_max_length(p_reason, 1000, 'reason');
	if (select auth.uid()) is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	if public.report_target_page(p_target_type, p_target_id) is null then
		raise exception 'not_found' using errcode = 'PT404';
	end if;
	insert into public.reports (municipality_id, reporter_id, target_type, target_id, reason)
	values ((select public.my_municipality_id()), (select auth.uid()), p_target_type, p_target_id, trim(p_reason))
	returning id into v_id;
	return v_id;
end;
$$;
revoke all on function public.report_content(text, uuid, text) from public;
grant execute on function public.report_content(text, uuid, text) to authenticated;

-- A trigger on the log, so every path that hides (today one function) sends the mail. Only a
-- hide of a request or an offer is told to its author; unhiding and messages are not. The mail
-- holds no text written by others: it links to the page.
create or replace function public.notify_on_hide() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_author uuid;
	v_title text;
begin
	if new.action <> 'hide' then
		return new;
	end if;
	if new.target_type = 'help_request' then
		select coalesce(r.requester_id, r.created_by), r.title into v_author, v_title
		from public.help_requests r where r.id = new.target_id;
	elsif new.target_type = 'help_offer' then
		select o.volunteer_id, o.title into v_author, v_title
		from public.help_offers o where o.id = new.target_id;
	else
		return new;
	end if;
	perform public.notify(new.municipality_id, v_author, 'content_hidden',
		jsonb_build_object('target_type', new.target_type, 'title', v_title));
	return new;
end;
$$;
revoke all on function public.notify_on_hide() from public, anon, authenticated;

create trigger moderation_actions_notify after insert on public.moderation_actions
	for each row execute function public.notify_on_hide();

-- ---------------------------------------------------------------------------------------------
-- Hidden content: its author reads why
-- ---------------------------------------------------------------------------------------------

-- The author of a hidden request or offer gets a mail without the reason (mails carry no text
-- written by others). Their pages show the coordinator's reason of the last hide: the request
-- page to whoever acts for the requester (the author, or a coordinator), "Mijn aanbod" to the
-- volunteer. The coordination page tells the coordinator that the author reads it.

-- The reason of the last hide of a request or offer, for its author (or a coordinator of its
-- municipality); null for anyone else, and when it is not hidden. security definer, because only
-- coordinators select moderation_actions; the check is here.
create or replace function public.hidden_reason(p_target_type text, p_target_id uuid) returns text language plpgsql stable security definer set search_path = '' as $$
declare
	v_hidden boolean;
	v_allowed boolean;
begin
	perform public.assert_max_length(p_target_type, 40, 'target_type');
	if p_target_type = 'help_request' then
		select r.hidden_at is not null, public.is_acting_for(r.id) into v_hidden, v_allowed
		from public.help_requests r where r.id = p_target_id;
	elsif p_target_type = 'help_offer' then
		select o.hidden_at is not null,
			o.volunteer_id = (select auth.uid()) or coalesce(public.has_role('coordinator', o.municipality_id), false)
		into v_hidden, v_allowed
		from public.help_offers o where o.id = p_target_id;
	end if;
	if not coalesce(v_hidden and v_allowed, false) then
		return null;
	end if;
	return (
		select a.reason from public.moderation_actions a
		where a.target_type = p_target_type and a.target_id = p_target_id and a.action = 'hide'
		order by a.created_at desc limit 1
	);
end;
$$;
revoke all on function public.hidden_reason(text, uuid) from public;
grant execute on function public.hidden_reason(text, uuid) to authenticated;
