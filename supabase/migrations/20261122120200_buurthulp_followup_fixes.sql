-- Buurthulp, follow-up and notification fixes:
-- 1. An escalated "hoe ging het?" (a bad answer, or no answer from a vulnerable requester) now
--    actually reaches a coordinator: every coordinator of the municipality gets an 'escalation'
--    notification. Before, run_followups only set escalated_at and nobody was told.
-- 2. A bad answer escalates at once instead of waiting for the next run_followups.
-- 3. answer_followup refuses an unknown answer with a clear error (a CHECK violation is an HTTP 500
--    on lite) and a second answer to the same question.
-- 4. The mailer can report a failed delivery: claim_notifications marks a row as sent when it is
--    claimed, so without this a mail that failed (SMTP down) was silently lost. A failed row is
--    retried later with a growing pause, and given up after 5 attempts.
-- 5. The "your reaction was accepted" notification carries the match id, so its mail links to the
--    match page.

-- ---------------------------------------------------------------------------------------------
-- Escalation
-- ---------------------------------------------------------------------------------------------

-- Marks one follow-up escalated and tells the coordinators. The payload holds only what a
-- coordinator may see anyway: the match, the request title and why.
create or replace function public.escalate_followup(p_followup_id uuid, p_reason text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_followup public.followups%rowtype;
	v_title text;
	v_coordinator uuid;
begin
	update public.followups set escalated_at = now()
		where id = p_followup_id and escalated_at is null
		returning * into v_followup;
	if not found then
		return;
	end if;
	select r.title into v_title
		from public.matches m join public.help_requests r on r.id = m.request_id
		where m.id = v_followup.match_id;
	for v_coordinator in
		select distinct ms.user_id from public.memberships ms
		where ms.role = 'coordinator' and ms.municipality_id = v_followup.municipality_id
	loop
		perform public.notify(v_followup.municipality_id, v_coordinator, 'escalation',
			jsonb_build_object('match_id', v_followup.match_id, 'followup_id', v_followup.id,
				'title', v_title, 'side', v_followup.side, 'reason', p_reason));
	end loop;
end;
$$;
revoke all on function public.escalate_followup(uuid, text) from public, anon, authenticated;

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
	if p_answer is null or p_answer not in ('good', 'okay', 'bad') then
		raise exception 'invalid_answer' using errcode = 'P0001';
	end if;
	if v_followup.answered_at is not null then
		raise exception 'already_answered' using errcode = 'P0001';
	end if;
	update public.followups
		set answer = p_answer, comment = left(coalesce(p_comment, ''), 1000), answered_at = now()
		where id = p_followup_id;
	if p_answer = 'bad' then
		perform public.escalate_followup(p_followup_id, 'bad_answer');
	end if;
end;
$$;
revoke all on function public.answer_followup(uuid, text, text) from public;
grant execute on function public.answer_followup(uuid, text, text) to authenticated;

-- Scheduled: asks both sides of matches whose planned date is 3 days past, and escalates to the
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

	for v_row in
		select f.id, case when f.answer = 'bad' then 'bad_answer' else 'no_answer' end as reason
		from public.followups f
		join public.matches m on m.id = f.match_id
		join public.help_requests r on r.id = m.request_id
		where f.escalated_at is null
			and (f.answer = 'bad'
				or (f.side = 'requester' and f.answered_at is null and r.is_vulnerable
					and f.created_at < now() - interval '4 days'))
	loop
		perform public.escalate_followup(v_row.id, v_row.reason);
	end loop;
	return v_new;
end;
$$;
revoke all on function public.run_followups() from public, anon, authenticated;
grant execute on function public.run_followups() to service_role;

-- ---------------------------------------------------------------------------------------------
-- Failed deliveries
-- ---------------------------------------------------------------------------------------------

alter table public.notification_outbox
	add column attempts integer not null default 0,
	add column next_attempt_at timestamptz,
	add column failed_at timestamptz,
	add column last_error text check (char_length(last_error) <= 500);

-- Same as before, but a row waiting for its retry is skipped until its time has come.
create or replace function public.claim_notifications(p_limit integer default 50)
returns table (id uuid, kind text, payload jsonb, email text, display_name text)
language sql
security definer
set search_path = ''
as $$
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
create or replace function public.notification_failed(p_id uuid, p_error text) returns void
language sql
security definer
set search_path = ''
as $$
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
-- The "accepted" mail links straight to the match page
-- ---------------------------------------------------------------------------------------------

-- accept_response inserts the match before it marks the reaction accepted, so the match id is
-- known here.
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
			jsonb_build_object('request_id', v_request.id, 'title', v_request.title,
				'match_id', (select m.id from public.matches m where m.response_id = new.id)));
	end if;
	return new;
end;
$$;
