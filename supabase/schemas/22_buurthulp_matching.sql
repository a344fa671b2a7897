-- Buurthulp matching: a volunteer reacts to a request (responses), the requester (or a coordinator
-- for them) accepts one reaction, which makes the match and declines the others; the matched pair
-- writes messages, and the requester thanks the volunteer. Also who may see what once people are
-- matched (contact details open up for the matched pair only), the mails these events send, and
-- the coordinator's invitations to suggested volunteers.

-- ---------------------------------------------------------------------------------------------
-- Closed value lists and registrations
-- ---------------------------------------------------------------------------------------------

create type public.response_status as enum ('pending', 'accepted', 'declined', 'withdrawn');

create type public.match_status as enum ('active', 'done', 'cancelled');

-- Notification mails (their words in src/lib/server/buurthulp/mail.ts).
insert into public.notification_kinds (kind, area) values
	('response_received', 'buurthulp'),
	('response_accepted', 'buurthulp'),
	('message_received', 'buurthulp'),
	('invitation', 'buurthulp'),
	('thanks_received', 'buurthulp');

-- ---------------------------------------------------------------------------------------------
-- Reactions, matches, messages and thanks
-- ---------------------------------------------------------------------------------------------

-- Every status change of a request or match happens in a function below; there are no update
-- policies on those tables, so a client cannot skip a step.

create table public.responses (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	request_id uuid not null references public.help_requests (id) on delete cascade,
	-- Null once the volunteer deleted their account: an accepted reaction holds its match.
	volunteer_id uuid references public.profiles (id) on delete set null,
	message text not null check (char_length(message) between 2 and 500),
	status text not null default 'pending' check (status = any (enum_range(null::public.response_status)::text[])),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (request_id, volunteer_id)
);

create trigger responses_set_timestamps before insert or update on public.responses
	for each row execute function public.set_timestamps();

create index responses_volunteer_idx on public.responses (volunteer_id, created_at desc);

create trigger responses_rate_limit before insert on public.responses
	for each row execute function public.enforce_rate_limit('volunteer_id', '20', '1 hour');

create table public.matches (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	request_id uuid not null unique references public.help_requests (id) on delete cascade,
	response_id uuid not null unique references public.responses (id) on delete cascade,
	-- Null once that person deleted their account: the other keeps the match without the name.
	volunteer_id uuid references public.profiles (id) on delete set null,
	requester_id uuid references public.profiles (id) on delete set null,
	status text not null default 'active' check (status = any (enum_range(null::public.match_status)::text[])),
	done_at timestamptz,
	cancelled_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger matches_set_timestamps before insert or update on public.matches
	for each row execute function public.set_timestamps();

create index matches_volunteer_active_idx on public.matches (volunteer_id) where status = 'active';

create index matches_requester_idx on public.matches (requester_id);

create table public.match_messages (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	match_id uuid not null references public.matches (id) on delete cascade,
	sender_id uuid references auth.users (id) on delete set null,
	body text not null check (char_length(body) between 1 and 2000),
	hidden_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger match_messages_set_timestamps before insert or update on public.match_messages
	for each row execute function public.set_timestamps();

create index match_messages_match_idx on public.match_messages (match_id, created_at);

create trigger match_messages_rate_limit before insert on public.match_messages
	for each row execute function public.enforce_rate_limit('sender_id', '60', '1 hour');

create table public.thanks (
	match_id uuid primary key references public.matches (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	volunteer_id uuid not null references public.profiles (id) on delete cascade,
	created_by uuid references auth.users (id) on delete set null,
	message text not null default '' check (char_length(message) <= 1000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger thanks_set_timestamps before insert or update on public.thanks
	for each row execute function public.set_timestamps();

-- Help that comes back (every week, every two weeks, monthly): each time it was given is one row,
-- written by "Deze keer klaar" (mark_match_occurrence_done). The match stays active until someone
-- stops it ("Afspraak stoppen", complete_match). One row per day; no person's id (who marked it
-- follows from the match: the requester's side).
create table public.match_occurrences (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	match_id uuid not null references public.matches (id) on delete cascade,
	occurred_on date not null,
	created_at timestamptz not null default now(),
	constraint match_occurrences_once_a_day unique (match_id, occurred_on)
);

-- ---------------------------------------------------------------------------------------------
-- Who may see what
-- ---------------------------------------------------------------------------------------------

create or replace function public.is_match_participant(p_match_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.matches m
		join public.help_requests r on r.id = m.request_id
		where m.id = p_match_id
			and (m.volunteer_id = (select auth.uid())
				or m.requester_id = (select auth.uid())
				or r.created_by = (select auth.uid())
				or public.has_role('coordinator', m.municipality_id))
	);
$$;
revoke all on function public.is_match_participant(uuid) from public;
grant execute on function public.is_match_participant(uuid) to authenticated;

-- True when the signed-in user is the volunteer of a match with p_profile_id whose contact window
-- is open: the volunteer goes to the requester, so sees their address and phone.
create or replace function public.is_matched_volunteer_of(p_profile_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.matches m
		where public.contact_window_open(m.status, m.done_at)
			and m.volunteer_id = (select auth.uid()) and m.requester_id = p_profile_id
	);
$$;
revoke all on function public.is_matched_volunteer_of(uuid) from public;
grant execute on function public.is_matched_volunteer_of(uuid) to authenticated;

-- The other way round the match page shows only the volunteer's phone, so the requester (or the
-- coordinator who posted for a resident without an account) gets just that, from here, and
-- profile_contacts shows them nothing.
create or replace function public.matched_volunteer_phone(p_match_id uuid) returns text language sql stable security definer set search_path = '' as $$
	select pc.phone
	from public.matches m
	join public.help_requests r on r.id = m.request_id
	join public.profile_contacts pc on pc.profile_id = m.volunteer_id
	where m.id = p_match_id
		and public.contact_window_open(m.status, m.done_at)
		and (m.requester_id = (select auth.uid()) or r.created_by = (select auth.uid()));
$$;
revoke all on function public.matched_volunteer_phone(uuid) from public;
grant execute on function public.matched_volunteer_phone(uuid) to authenticated;

create or replace function public.is_matched_volunteer_for(p_request_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.matches m
		where m.request_id = p_request_id
			and m.volunteer_id = (select auth.uid())
			and public.contact_window_open(m.status, m.done_at)
	);
$$;
revoke all on function public.is_matched_volunteer_for(uuid) from public;
grant execute on function public.is_matched_volunteer_for(uuid) to authenticated;

create policy "The matched volunteer sees the requester's contact details" on public.profile_contacts
	for select to authenticated using (public.is_matched_volunteer_of(profile_id));

create policy "The matched volunteer sees the request's private details" on public.help_request_contacts
	for select to authenticated using (public.is_matched_volunteer_for(request_id));

create policy "The matched volunteer sees the request" on public.help_requests
	for select to authenticated using (
		exists (
			select 1 from public.matches m
			where m.request_id = help_requests.id and m.volunteer_id = (select auth.uid())
		)
	);

alter table public.responses enable row level security;

alter table public.matches enable row level security;

alter table public.match_messages enable row level security;

alter table public.thanks enable row level security;

alter table public.match_occurrences enable row level security;

-- A stranger may react to an open request of their municipality that is not their own, without
-- being able to select it (security definer).
create or replace function public.is_open_for_reactions(p_request_id uuid, p_municipality_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.help_requests r
		where r.id = p_request_id and r.status = 'open' and r.hidden_at is null
			and r.municipality_id = p_municipality_id
			and r.created_by <> (select auth.uid())
			and r.requester_id is distinct from (select auth.uid())
			-- A request for a vulnerable person takes reactions from verified volunteers only.
			and (not r.is_vulnerable or public.is_verified_volunteer((select auth.uid())))
	);
$$;
revoke all on function public.is_open_for_reactions(uuid, uuid) from public;
grant execute on function public.is_open_for_reactions(uuid, uuid) to authenticated;

create policy "Volunteers see their own reactions" on public.responses
	for select to authenticated using (volunteer_id = (select auth.uid()));

create policy "Requesters see reactions to their requests" on public.responses
	for select to authenticated using (public.is_acting_for(request_id));

create policy "Volunteers react to open requests" on public.responses
	for insert to authenticated
	with check (
		volunteer_id = (select auth.uid())
		and status = 'pending'
		and not public.is_blocked()
		and municipality_id = (select public.my_municipality_id())
		and public.is_open_for_reactions(request_id, municipality_id)
	);

create policy "Participants see their match" on public.matches
	for select to authenticated using (public.is_match_participant(id));

create policy "Participants read the messages of their match" on public.match_messages
	for select to authenticated using (
		public.is_match_participant(match_id)
		and (hidden_at is null or public.has_role('coordinator', municipality_id))
	);

create policy "Participants write in their open match" on public.match_messages
	for insert to authenticated
	with check (
		sender_id = (select auth.uid())
		and hidden_at is null
		and not public.is_blocked()
		and public.is_match_participant(match_id)
		and exists (
			select 1 from public.matches m
			where m.id = match_messages.match_id and m.municipality_id = match_messages.municipality_id
				and public.contact_window_open(m.status, m.done_at)
		)
	);

create policy "Participants see the thanks of their match" on public.thanks
	for select to authenticated using (public.is_match_participant(match_id));

create policy "Participants see the times their help was given" on public.match_occurrences
	for select to authenticated using (public.is_match_participant(match_id));

-- ---------------------------------------------------------------------------------------------
-- State changes
-- ---------------------------------------------------------------------------------------------

create or replace function public.active_match_count(p_volunteer_id uuid) returns integer language sql stable security definer set search_path = '' as $$
	select count(*)::integer from public.matches where volunteer_id = p_volunteer_id and status = 'active';
$$;
revoke all on function public.active_match_count(uuid) from public, anon, authenticated;

-- Accepting one reaction creates the match, marks the request matched and declines the other
-- reactions, all or nothing. The row lock makes simultaneous accepts queue: the second one finds
-- the request no longer open and fails with request_not_open.
create or replace function public.accept_response(p_response_id uuid) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_response public.responses%rowtype;
	v_request public.help_requests%rowtype;
	v_max integer;
	v_match_id uuid;
begin
	select * into v_response from public.responses where id = p_response_id;
	if not found then
		raise exception 'not_found' using errcode = 'PT404';
	end if;
	select * into v_request from public.help_requests where id = v_response.request_id for update;
	-- coalesce: for a resident without an account requester_id is null, the comparison is null,
	-- and "not null" would let anyone through.
	if not coalesce(v_request.requester_id = (select auth.uid())
		or v_request.created_by = (select auth.uid())
		or public.has_role('coordinator', v_request.municipality_id), false) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_request.status <> 'open' or v_request.hidden_at is not null then
		raise exception 'request_not_open' using errcode = 'PT409';
	end if;
	if v_response.status <> 'pending' then
		raise exception 'response_not_pending' using errcode = 'PT409';
	end if;
	if v_request.is_vulnerable and not public.is_verified_volunteer(v_response.volunteer_id) then
		raise exception 'volunteer_not_verified' using errcode = 'PT409';
	end if;
	-- Lock the volunteer's row too, so two requests cannot both push them over their maximum.
	select coalesce(max_active_matches, 3) into v_max
		from public.volunteer_profiles where user_id = v_response.volunteer_id for update;
	if public.active_match_count(v_response.volunteer_id) >= coalesce(v_max, 3) then
		raise exception 'volunteer_at_capacity' using errcode = 'PT409';
	end if;

	insert into public.matches (municipality_id, request_id, response_id, volunteer_id, requester_id)
	values (v_request.municipality_id, v_request.id, v_response.id, v_response.volunteer_id, v_request.requester_id)
	returning id into v_match_id;
	update public.help_requests set status = 'matched', matched_at = now() where id = v_request.id;
	update public.responses
		set status = case when id = p_response_id then 'accepted' else 'declined' end
		where request_id = v_request.id and status = 'pending';
	return v_match_id;
end;
$$;
revoke all on function public.accept_response(uuid) from public;
grant execute on function public.accept_response(uuid) to authenticated;

create or replace function public.complete_match(p_match_id uuid, p_thanks text default null) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_match public.matches%rowtype;
	v_request public.help_requests%rowtype;
begin
	perform public.assert_max_length(p_thanks, 1000, 'thanks');
	select * into v_match from public.matches where id = p_match_id for update;
	if not found then
		raise exception 'not_found' using errcode = 'PT404';
	end if;
	select * into v_request from public.help_requests where id = v_match.request_id;
	-- coalesce: for a resident without an account requester_id is null, the comparison is null,
	-- and "not null" would let anyone through.
	if not coalesce(v_request.requester_id = (select auth.uid())
		or v_request.created_by = (select auth.uid())
		or public.has_role('coordinator', v_request.municipality_id), false) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_match.status <> 'active' then
		raise exception 'match_not_active' using errcode = 'PT409';
	end if;
	update public.matches set status = 'done', done_at = now() where id = p_match_id;
	update public.help_requests set status = 'done', done_at = now() where id = v_match.request_id;
	if nullif(trim(p_thanks), '') is not null then
		insert into public.thanks (match_id, municipality_id, volunteer_id, created_by, message)
		values (p_match_id, v_match.municipality_id, v_match.volunteer_id, (select auth.uid()), left(trim(p_thanks), 1000));
	end if;
end;
$$;
revoke all on function public.complete_match(uuid, text) from public;
grant execute on function public.complete_match(uuid, text) to authenticated;

-- "Deze keer klaar": this time of help that comes back was given (today, in the Netherlands). The
-- same people as complete_match: the requester, whoever posted it for them, a coordinator of the
-- municipality. Only on an active match of recurring help; a second time on one day changes
-- nothing. Returns how many times the help was given so far.
create or replace function public.mark_match_occurrence_done(p_match_id uuid) returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_match public.matches%rowtype;
	v_request public.help_requests%rowtype;
	v_count integer;
begin
	select * into v_match from public.matches where id = p_match_id for update;
	if not found then
		raise exception 'not_found' using errcode = 'PT404';
	end if;
	select * into v_request from public.help_requests where id = v_match.request_id;
	-- coalesce: for a resident without an account requester_id is null, the comparison is null,
	-- and "not null" would let anyone through.
	if not coalesce(v_request.requester_id = (select auth.uid())
		or v_request.created_by = (select auth.uid())
		or public.has_role('coordinator', v_request.municipality_id), false) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_match.status <> 'active' then
		raise exception 'match_not_active' using errcode = 'PT409';
	end if;
	if v_request.recurrence = 'once' then
		raise exception 'match_not_recurring' using errcode = 'PT409';
	end if;
	insert into public.match_occurrences (municipality_id, match_id, occurred_on)
	values (v_match.municipality_id, p_match_id, (now() at time zone 'Europe/Amsterdam')::date)
	on conflict (match_id, occurred_on) do nothing;
	select count(*)::integer into v_count from public.match_occurrences where match_id = p_match_id;
	return v_count;
end;
$$;
revoke all on function public.mark_match_occurrence_done(uuid) from public, anon, authenticated;
grant execute on function public.mark_match_occurrence_done(uuid) to authenticated;

-- A count only: how many people this volunteer helped.
create or replace function public.volunteer_helped_count(p_volunteer_id uuid) returns integer language sql stable security definer set search_path = '' as $$
	select count(*)::integer from public.matches where volunteer_id = p_volunteer_id and status = 'done';
$$;
revoke all on function public.volunteer_helped_count(uuid) from public;
grant execute on function public.volunteer_helped_count(uuid) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Notifications
-- ---------------------------------------------------------------------------------------------

-- The "accepted" mail links straight to the match page. accept_response inserts the match before
-- it marks the reaction accepted, so the match id is known here.
create or replace function public.notify_on_response() returns trigger language plpgsql security definer set search_path = '' as $$
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

create trigger responses_notify after insert or update of status on public.responses
	for each row execute function public.notify_on_response();

create or replace function public.notify_on_message() returns trigger language plpgsql security definer set search_path = '' as $$
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

-- A volunteer hears about a bedankje. As with every notification, the mail holds no message
-- text: it links to the page.
create or replace function public.notify_on_thanks() returns trigger language plpgsql security definer set search_path = '' as $$
begin
	perform public.notify(new.municipality_id, new.volunteer_id, 'thanks_received',
		jsonb_build_object('match_id', new.match_id));
	return new;
end;
$$;
revoke all on function public.notify_on_thanks() from public, anon, authenticated;

create trigger thanks_notify after insert on public.thanks
	for each row execute function public.notify_on_thanks();

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

create trigger help_invitations_set_timestamps before insert or update on public.help_invitations
	for each row execute function public.set_timestamps();

alter table public.help_invitations enable row level security;

create policy "Volunteers see their invitations" on public.help_invitations
	for select to authenticated using (volunteer_id = (select auth.uid()));

create policy "Coordinators see invitations in their municipality" on public.help_invitations
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create or replace function public.invite_volunteer(p_request_id uuid, p_volunteer_id uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.has_role('coordinator', v_request.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_request.status <> 'open' then
		raise exception 'request_not_open' using errcode = 'PT409';
	end if;
	if v_request.is_vulnerable and not public.is_verified_volunteer(p_volunteer_id) then
		raise exception 'volunteer_not_verified' using errcode = 'PT409';
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
