-- Buurthulp follow-ups: "hoe ging het?" after the help, escalated to the coordinators when it
-- went wrong.

create type public.followup_side as enum ('requester', 'volunteer');

create type public.followup_answer as enum ('good', 'okay', 'bad');

-- The question and the escalation are mails (words in src/lib/server/buurthulp/mail.ts).
insert into public.notification_kinds (kind, area) values
	('followup', 'buurthulp'),
	('escalation', 'buurthulp');

-- A short question to both sides a few days after the planned date.
create table public.followups (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	match_id uuid not null references public.matches (id) on delete cascade,
	-- Null for a resident without an account: the coordinator who registered the request answers.
	respondent_id uuid references auth.users (id) on delete cascade,
	side text not null check (side = any (enum_range(null::public.followup_side)::text[])),
	answer text check (answer = any (enum_range(null::public.followup_answer)::text[])),
	comment text not null default '' check (char_length(comment) <= 1000),
	answered_at timestamptz,
	escalated_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (match_id, side)
);

create trigger followups_set_timestamps before insert or update on public.followups
	for each row execute function public.set_timestamps();

create index followups_unanswered_idx on public.followups (created_at) where answered_at is null;

alter table public.followups enable row level security;

create policy "Respondents see their follow-up questions" on public.followups
	for select to authenticated using (respondent_id = (select auth.uid()));

create policy "Coordinators see follow-ups in their municipality" on public.followups
	for select to authenticated using (public.has_role('coordinator', municipality_id));

-- Escalation: a bad answer (at once) or no answer from a vulnerable requester (run_followups)
-- reaches every coordinator of the municipality as an 'escalation' notification.
-- Marks one follow-up escalated and tells the coordinators. The payload holds only what a
-- coordinator may see anyway: the match, the request title and why.
create or replace function public.escalate_followup(p_followup_id uuid, p_reason text) returns void language plpgsql security definer set search_path = '' as $$
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
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_followup public.followups%rowtype;
begin
	perform public.assert_max_length(p_answer, 10, 'answer');
	perform public.assert_max_length(p_comment, 1000, 'comment');
	select * into v_followup from public.followups where id = p_followup_id for update;
	if not found or v_followup.respondent_id is distinct from (select auth.uid()) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_answer is null or not p_answer = any (enum_range(null::public.followup_answer)::text[]) then
		raise exception 'invalid_answer' using errcode = '22023';
	end if;
	if v_followup.answered_at is not null then
		raise exception 'already_answered' using errcode = 'PT409';
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
create or replace function public.run_followups() returns integer language plpgsql security definer set search_path = '' as $$
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

-- Registered with the platform scheduler (06_platform_scheduler.sql).
insert into public.scheduled_jobs (name, area, every) values
	('run_followups', 'buurthulp', interval '5 minutes');
