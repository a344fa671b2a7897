-- Buurthulp: the neighbourhood help marketplace. Volunteers, help requests (hulpvragen) and offers
-- (aanbod); reactions, matches, messages and thanks; who may see what; the state changes; the
-- board, search and "Voor jou" ranking; notifications, invitations, reports and moderation,
-- follow-ups ("hoe ging het?"); and one read function per page.
--
-- Weekly availability is a 21-bit mask: bit (day * 3 + part), day 0 = Monday, part 0 = morning,
-- 1 = afternoon, 2 = evening. A request gets the same mask from its date(s) and day part, so
-- "availability overlap" is one AND.

-- ---------------------------------------------------------------------------------------------
-- Closed value lists (see the note on enums in the platform migration)
-- ---------------------------------------------------------------------------------------------

create type public.help_category as enum (
	'groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other'
);
create type public.help_request_status as enum ('open', 'matched', 'done', 'cancelled', 'expired');
create type public.help_request_when_kind as enum ('date', 'range', 'flexible');
-- 'any' first: the request form offers "hele dag" as its default.
create type public.day_part as enum ('any', 'morning', 'afternoon', 'evening');
create type public.help_request_recurrence as enum ('once', 'weekly', 'every_two_weeks', 'monthly');
create type public.help_offer_status as enum ('open', 'closed');
create type public.response_status as enum ('pending', 'accepted', 'declined', 'withdrawn');
create type public.match_status as enum ('active', 'done', 'cancelled');
create type public.report_status as enum ('open', 'content_hidden', 'dismissed');
create type public.report_target_type as enum ('help_request', 'help_offer', 'match_message');
create type public.moderation_action as enum ('hide', 'unhide', 'block', 'unblock', 'dismiss_report');
create type public.moderation_target_type as enum (
	'help_request', 'help_offer', 'match_message', 'account', 'report'
);
create type public.followup_side as enum ('requester', 'volunteer');
create type public.followup_answer as enum ('good', 'okay', 'bad');

-- ---------------------------------------------------------------------------------------------
-- Registered with the platform services: notification mails (templates in
-- src/lib/server/buurthulp/mail.ts) and scheduled jobs (defined below)
-- ---------------------------------------------------------------------------------------------

insert into public.notification_kinds (kind, area) values
	('response_received', 'buurthulp'),
	('response_accepted', 'buurthulp'),
	('message_received', 'buurthulp'),
	('invitation', 'buurthulp'),
	('followup', 'buurthulp'),
	('escalation', 'buurthulp');

insert into public.scheduled_jobs (name, area, every) values
	('expire_help_requests', 'buurthulp', interval '5 minutes'),
	('run_followups', 'buurthulp', interval '5 minutes');

-- ---------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------

create or replace function public.availability_mask_for(
	p_when_kind text,
	p_starts_on date,
	p_ends_on date,
	p_day_part text
) returns integer language plpgsql immutable set search_path = '' as $$
declare
	v_parts integer := case p_day_part when 'morning' then 1 when 'afternoon' then 2 when 'evening' then 4 else 7 end;
	v_mask integer := 0;
	v_day date;
begin
	if p_when_kind = 'flexible' or p_starts_on is null then
		for i in 0..6 loop
			v_mask := v_mask | (v_parts << (i * 3));
		end loop;
		return v_mask;
	end if;
	v_day := p_starts_on;
	-- A range longer than a week covers every weekday.
	while v_day <= least(coalesce(p_ends_on, p_starts_on), p_starts_on + 6) loop
		v_mask := v_mask | (v_parts << ((extract(isodow from v_day)::integer - 1) * 3));
		v_day := v_day + 1;
	end loop;
	return v_mask;
end;
$$;

-- An open request whose last date has passed counts as expired on read, before the scheduled
-- job marks it, so nothing stale shows in between.
create or replace function public.help_request_effective_status(p_status text, p_starts_on date, p_ends_on date)
returns text language sql stable set search_path = '' as $$
	select case
		when p_status = 'open' and coalesce(p_ends_on, p_starts_on) < current_date then 'expired'
		else p_status
	end;
$$;
revoke all on function public.help_request_effective_status(text, date, date) from public;
grant execute on function public.help_request_effective_status(text, date, date) to anon, authenticated;

-- Contact details open up with the match and close this long after the help is done.
create or replace function public.contact_window_open(p_status text, p_done_at timestamptz) returns boolean language sql stable set search_path = '' as $$
	select p_status = 'active' or (p_status = 'done' and p_done_at > now() - interval '14 days');
$$;

-- ---------------------------------------------------------------------------------------------
-- Volunteers
-- ---------------------------------------------------------------------------------------------

create table public.volunteer_profiles (
	user_id uuid primary key references public.profiles (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	home_district_id uuid not null references public.districts (id),
	categories text[] not null default '{}' check (
		categories <@ enum_range(null::public.help_category)::text[] and cardinality(categories) <= 8
	),
	district_ids uuid[] not null default '{}' check (cardinality(district_ids) <= 30),
	radius_km integer not null default 3 check (radius_km between 1 and 30),
	availability_mask integer not null default 2097151 check (availability_mask between 0 and 2097151),
	max_active_matches integer not null default 3 check (max_active_matches between 1 and 10),
	is_paused boolean not null default false,
	about text not null default '' check (char_length(about) <= 500),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index volunteer_profiles_municipality_idx on public.volunteer_profiles (municipality_id) where not is_paused;

alter table public.volunteer_profiles enable row level security;

-- The wijken a volunteer picks must be wijken of their municipality, however the row is written
-- (save_volunteer_profile checks the same, with a clearer message).
create or replace function public.volunteer_profiles_before_write() returns trigger language plpgsql set search_path = '' as $$
begin
	if exists (
		select 1 from unnest(new.district_ids || new.home_district_id) x(id)
		where not exists (
			select 1 from public.districts d where d.id = x.id and d.municipality_id = new.municipality_id
		)
	) then
		raise exception 'district_not_found' using errcode = '22023';
	end if;
	return new;
end;
$$;
create trigger volunteer_profiles_before_write before insert or update on public.volunteer_profiles
	for each row execute function public.volunteer_profiles_before_write();

create policy "Volunteers see their own volunteer profile" on public.volunteer_profiles
	for select to authenticated using (user_id = (select auth.uid()));

create policy "Coordinators see volunteers in their municipality" on public.volunteer_profiles
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create policy "People create their own volunteer profile" on public.volunteer_profiles
	for insert to authenticated
	with check (user_id = (select auth.uid()) and municipality_id = (select public.my_municipality_id()) and not public.is_blocked());

create policy "Volunteers update their own volunteer profile" on public.volunteer_profiles
	for update to authenticated
	using (user_id = (select auth.uid()))
	with check (user_id = (select auth.uid()) and municipality_id = (select public.my_municipality_id()));

-- ---------------------------------------------------------------------------------------------
-- Help requests (hulpvragen)
-- ---------------------------------------------------------------------------------------------

create table public.help_requests (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	district_id uuid not null references public.districts (id),
	-- Null when a coordinator registered it for a resident without an account.
	requester_id uuid references public.profiles (id) on delete cascade,
	created_by uuid not null references auth.users (id) on delete cascade,
	category text not null check (category = any (enum_range(null::public.help_category)::text[])),
	title text not null check (char_length(title) between 5 and 100),
	description text not null check (char_length(description) between 10 and 2000),
	-- Only the 4 digits of the postcode and a rounded point are public, never the address.
	postcode_area text check (postcode_area ~ '^[1-9][0-9]{3}$'),
	latitude double precision not null check (latitude between -90 and 90),
	longitude double precision not null check (longitude between -180 and 180),
	when_kind text not null check (when_kind = any (enum_range(null::public.help_request_when_kind)::text[])),
	starts_on date,
	ends_on date,
	day_part text not null default 'any' check (day_part = any (enum_range(null::public.day_part)::text[])),
	duration_minutes integer not null check (duration_minutes between 15 and 600),
	recurrence text not null default 'once' check (recurrence = any (enum_range(null::public.help_request_recurrence)::text[])),
	availability_mask integer not null default 2097151,
	is_vulnerable boolean not null default false,
	status text not null default 'open' check (status = any (enum_range(null::public.help_request_status)::text[])),
	hidden_at timestamptz,
	matched_at timestamptz,
	done_at timestamptz,
	cancelled_at timestamptz,
	search tsvector generated always as (
		setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', description), 'B')
	) stored,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint help_requests_when_is_consistent check (
		(when_kind = 'flexible' and starts_on is null and ends_on is null)
		or (when_kind = 'date' and starts_on is not null and ends_on is null)
		or (when_kind = 'range' and starts_on is not null and ends_on is not null and ends_on >= starts_on)
	)
);

-- The board, the ranking and search only ever look at open, visible requests: partial indexes keep
-- their cost independent of how many requests were ever closed.
create index help_requests_open_board_idx on public.help_requests (municipality_id, created_at desc)
	where status = 'open' and hidden_at is null;

create index help_requests_open_district_idx on public.help_requests (district_id, category, starts_on)
	where status = 'open' and hidden_at is null;

create index help_requests_open_search_idx on public.help_requests using gin (search)
	where status = 'open' and hidden_at is null;

create index help_requests_requester_idx on public.help_requests (requester_id, created_at desc);

create index help_requests_created_by_idx on public.help_requests (created_by, created_at desc);

create index help_requests_expiry_idx on public.help_requests ((coalesce(ends_on, starts_on)))
	where status = 'open';

-- Covering partial indexes (measured with `npm run bench:match` at 100,000 requests of which
-- 30,000 open): the board's count and the choice of a page are index-only scans over open,
-- visible requests, so closed requests never cost anything.
create index help_requests_open_category_idx on public.help_requests (category, district_id)
	include (created_at, starts_on, ends_on)
	where status = 'open' and hidden_at is null;

create index help_requests_open_district_cover_idx on public.help_requests (district_id)
	include (category, created_at, starts_on, ends_on)
	where status = 'open' and hidden_at is null;

create index help_requests_open_recent_idx on public.help_requests (created_at desc)
	include (starts_on, ends_on, district_id, category)
	where status = 'open' and hidden_at is null;

-- "Voor jou" visits (wijk, category) groups: the open requests of one group in date order.
create index help_requests_open_group_idx on public.help_requests (district_id, category, starts_on, created_at, id)
	include (availability_mask, ends_on)
	where status = 'open' and hidden_at is null;

-- The public point of a request is always its wijk's rounded point, set here on every write:
-- a direct insert through the API could otherwise store any coordinates, an exact home among
-- them. The same trigger keeps the availability mask in step with the dates.
create or replace function public.help_requests_before_write() returns trigger language plpgsql set search_path = '' as $$
begin
	new.availability_mask := public.availability_mask_for(new.when_kind, new.starts_on, new.ends_on, new.day_part);
	select round(d.latitude::numeric, 2)::double precision, round(d.longitude::numeric, 2)::double precision
		into new.latitude, new.longitude
		from public.districts d where d.id = new.district_id;
	return new;
end;
$$;

create trigger help_requests_before_write
	before insert or update of when_kind, starts_on, ends_on, day_part, district_id, latitude, longitude
	on public.help_requests for each row execute function public.help_requests_before_write();

create trigger help_requests_rate_limit before insert on public.help_requests
	for each row execute function public.enforce_rate_limit('created_by', '10', '1 hour');

-- Private details of a request: the exact address, and for a resident without an account their
-- name and phone. Visible to the poster, coordinators, and the matched volunteer (see matches).
create table public.help_request_contacts (
	request_id uuid primary key references public.help_requests (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	created_by uuid not null references auth.users (id) on delete cascade,
	resident_name text check (resident_name is null or char_length(resident_name) between 1 and 80),
	phone text check (phone is null or phone ~ '^\+?[0-9 ()-]{6,20}$'),
	street_address text check (street_address is null or char_length(street_address) <= 120),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create or replace function public.is_acting_for(p_request_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	-- The requester, or a coordinator acting for a resident in their municipality.
	select exists (
		select 1 from public.help_requests r
		where r.id = p_request_id
			and (r.requester_id = (select auth.uid())
				or r.created_by = (select auth.uid())
				or public.has_role('coordinator', r.municipality_id))
	);
$$;
revoke all on function public.is_acting_for(uuid) from public;
grant execute on function public.is_acting_for(uuid) to authenticated;

alter table public.help_requests enable row level security;

alter table public.help_request_contacts enable row level security;

-- Nobody selects another person's request from the table: the board, the request page and
-- "Voor jou" serve its public fields through functions, since a row also holds is_vulnerable and
-- who asked. The table shows a request only to those involved (below and in "Who may see what").
create policy "Requesters and posters see their own requests" on public.help_requests
	for select to authenticated using (requester_id = (select auth.uid()) or created_by = (select auth.uid()));

create policy "Coordinators see every request in their municipality" on public.help_requests
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create policy "Residents post their own requests" on public.help_requests
	for insert to authenticated
	with check (
		created_by = (select auth.uid())
		and not public.is_blocked()
		and status = 'open' and hidden_at is null
		and municipality_id = (select public.my_municipality_id())
		and (requester_id = (select auth.uid())
			or (requester_id is null and public.has_role('coordinator', municipality_id)))
	);

create policy "Posters manage the private details of their request" on public.help_request_contacts
	for all to authenticated
	using (created_by = (select auth.uid()) or public.has_role('coordinator', municipality_id))
	with check (
		created_by = (select auth.uid())
		and public.is_acting_for(request_id)
		and municipality_id = (select public.my_municipality_id())
	);

-- ---------------------------------------------------------------------------------------------
-- Offers (aanbod)
-- ---------------------------------------------------------------------------------------------

create table public.help_offers (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	volunteer_id uuid not null references public.profiles (id) on delete cascade,
	district_id uuid not null references public.districts (id),
	category text not null check (category = any (enum_range(null::public.help_category)::text[])),
	title text not null check (char_length(title) between 5 and 100),
	description text not null check (char_length(description) between 10 and 2000),
	when_text text not null default '' check (char_length(when_text) <= 200),
	status text not null default 'open' check (status = any (enum_range(null::public.help_offer_status)::text[])),
	hidden_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index help_offers_open_idx on public.help_offers (municipality_id, created_at desc)
	where status = 'open' and hidden_at is null;

create index help_offers_volunteer_idx on public.help_offers (volunteer_id);

create trigger help_offers_rate_limit before insert on public.help_offers
	for each row execute function public.enforce_rate_limit('volunteer_id', '10', '1 hour');

alter table public.help_offers enable row level security;

create policy "Open offers are public" on public.help_offers
	for select to anon, authenticated using (status = 'open' and hidden_at is null);

create policy "Volunteers see their own offers" on public.help_offers
	for select to authenticated using (volunteer_id = (select auth.uid()));

create policy "Coordinators see every offer in their municipality" on public.help_offers
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create policy "Volunteers post their own offers" on public.help_offers
	for insert to authenticated
	with check (
		volunteer_id = (select auth.uid()) and not public.is_blocked() and hidden_at is null
		and municipality_id = (select public.my_municipality_id())
	);

create policy "Volunteers close their own offers" on public.help_offers
	for update to authenticated
	using (volunteer_id = (select auth.uid()) and hidden_at is null)
	with check (volunteer_id = (select auth.uid()) and hidden_at is null);

-- ---------------------------------------------------------------------------------------------
-- Reactions, matches, messages and thanks
-- ---------------------------------------------------------------------------------------------

-- Every status change of a request or match happens in a function below; there are no update
-- policies on those tables, so a client cannot skip a step.

create table public.responses (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	request_id uuid not null references public.help_requests (id) on delete cascade,
	volunteer_id uuid not null references public.profiles (id) on delete cascade,
	message text not null check (char_length(message) between 2 and 500),
	status text not null default 'pending' check (status = any (enum_range(null::public.response_status)::text[])),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (request_id, volunteer_id)
);

create index responses_volunteer_idx on public.responses (volunteer_id, created_at desc);

create trigger responses_rate_limit before insert on public.responses
	for each row execute function public.enforce_rate_limit('volunteer_id', '20', '1 hour');

create table public.matches (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	request_id uuid not null unique references public.help_requests (id) on delete cascade,
	response_id uuid not null unique references public.responses (id) on delete cascade,
	volunteer_id uuid not null references public.profiles (id) on delete cascade,
	requester_id uuid references public.profiles (id) on delete cascade,
	status text not null default 'active' check (status = any (enum_range(null::public.match_status)::text[])),
	done_at timestamptz,
	cancelled_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index matches_volunteer_active_idx on public.matches (volunteer_id) where status = 'active';

create index matches_requester_idx on public.matches (requester_id);

create table public.match_messages (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	match_id uuid not null references public.matches (id) on delete cascade,
	sender_id uuid not null references auth.users (id) on delete cascade,
	body text not null check (char_length(body) between 1 and 2000),
	hidden_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index match_messages_match_idx on public.match_messages (match_id, created_at);

create trigger match_messages_rate_limit before insert on public.match_messages
	for each row execute function public.enforce_rate_limit('sender_id', '60', '1 hour');

create table public.thanks (
	match_id uuid primary key references public.matches (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	volunteer_id uuid not null references public.profiles (id) on delete cascade,
	created_by uuid not null references auth.users (id) on delete cascade,
	message text not null default '' check (char_length(message) <= 1000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
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

-- A stranger may react to an open request of their municipality that is not their own, without
-- being able to select it (security definer).
create or replace function public.is_open_for_reactions(p_request_id uuid, p_municipality_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.help_requests r
		where r.id = p_request_id and r.status = 'open' and r.hidden_at is null
			and r.municipality_id = p_municipality_id
			and r.created_by <> (select auth.uid())
			and r.requester_id is distinct from (select auth.uid())
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

-- ---------------------------------------------------------------------------------------------
-- State changes
-- ---------------------------------------------------------------------------------------------

create or replace function public.active_match_count(p_volunteer_id uuid) returns integer language sql stable security definer set search_path = '' as $$
	select count(*)::integer from public.matches where volunteer_id = p_volunteer_id and status = 'active';
$$;
-- Only for the security definer functions below; nobody counts another volunteer's matches.
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
		raise exception 'not_found' using errcode = 'P0002';
	end if;
	select * into v_request from public.help_requests where id = v_response.request_id for update;
	if not (v_request.requester_id = (select auth.uid())
		or v_request.created_by = (select auth.uid())
		or public.has_role('coordinator', v_request.municipality_id)) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_request.status <> 'open' or v_request.hidden_at is not null then
		raise exception 'request_not_open' using errcode = 'P0001';
	end if;
	if v_response.status <> 'pending' then
		raise exception 'response_not_pending' using errcode = 'P0001';
	end if;
	-- Lock the volunteer's row too, so two requests cannot both push them over their maximum.
	select coalesce(max_active_matches, 3) into v_max
		from public.volunteer_profiles where user_id = v_response.volunteer_id for update;
	if public.active_match_count(v_response.volunteer_id) >= coalesce(v_max, 3) then
		raise exception 'volunteer_at_capacity' using errcode = 'P0001';
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
		raise exception 'not_found' using errcode = 'P0002';
	end if;
	select * into v_request from public.help_requests where id = v_match.request_id;
	if not (v_request.requester_id = (select auth.uid())
		or v_request.created_by = (select auth.uid())
		or public.has_role('coordinator', v_request.municipality_id)) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_match.status <> 'active' then
		raise exception 'match_not_active' using errcode = 'P0001';
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

create or replace function public.cancel_help_request(p_request_id uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
begin
	select * into v_request from public.help_requests where id = p_request_id for update;
	if not found or not public.is_acting_for(p_request_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_request.status not in ('open', 'matched') then
		raise exception 'request_not_open' using errcode = 'P0001';
	end if;
	update public.help_requests set status = 'cancelled', cancelled_at = now() where id = p_request_id;
	update public.matches set status = 'cancelled', cancelled_at = now()
		where request_id = p_request_id and status = 'active';
	update public.responses set status = 'declined' where request_id = p_request_id and status = 'pending';
end;
$$;
revoke all on function public.cancel_help_request(uuid) from public;
grant execute on function public.cancel_help_request(uuid) to authenticated;

-- Open requests whose last date has passed become expired. Called by the app's scheduler; the
-- board and the ranking also filter such requests out on read, so nothing stale shows meanwhile.
create or replace function public.expire_help_requests() returns integer language sql security definer set search_path = '' as $$
	with expired as (
		update public.help_requests set status = 'expired'
		where status = 'open' and coalesce(ends_on, starts_on) < current_date
		returning 1
	)
	select count(*)::integer from expired;
$$;
revoke all on function public.expire_help_requests() from public, anon, authenticated;
grant execute on function public.expire_help_requests() to service_role;

-- A count only: how many people this volunteer helped.
create or replace function public.volunteer_helped_count(p_volunteer_id uuid) returns integer language sql stable security definer set search_path = '' as $$
	select count(*)::integer from public.matches where volunteer_id = p_volunteer_id and status = 'done';
$$;
revoke all on function public.volunteer_helped_count(uuid) from public;
grant execute on function public.volunteer_helped_count(uuid) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Posting a request
-- ---------------------------------------------------------------------------------------------

-- The caps shared by posting and editing a request: the form's texts, before any work.
create or replace function public.assert_help_request_fits(
	p_category text, p_title text, p_description text, p_postcode_area text, p_when_kind text,
	p_day_part text, p_recurrence text, p_street_address text
) returns void language plpgsql immutable set search_path = '' as $$
begin
	perform public.assert_max_length(p_category, 40, 'category');
	perform public.assert_max_length(p_title, 100, 'title');
	perform public.assert_max_length(p_description, 2000, 'description');
	perform public.assert_max_length(p_postcode_area, 7, 'postcode_area');
	perform public.assert_max_length(p_when_kind, 20, 'when_kind');
	perform public.assert_max_length(p_day_part, 20, 'day_part');
	perform public.assert_max_length(p_recurrence, 40, 'recurrence');
	perform public.assert_max_length(p_street_address, 120, 'street_address');
end;
$$;
revoke all on function public.assert_help_request_fits(text, text, text, text, text, text, text, text) from public;
grant execute on function public.assert_help_request_fits(text, text, text, text, text, text, text, text) to authenticated;

-- The request and its private details in one transaction, as the caller (security invoker: the
-- insert policies decide, including "blocked accounts cannot post" and "only coordinators post
-- for someone else"). The public location is the wijk's rounded point, which the help_requests
-- trigger sets; the exact address goes to help_request_contacts only.
create or replace function public.post_help_request(
	p_district_id uuid,
	p_category text,
	p_title text,
	p_description text,
	p_postcode_area text,
	p_when_kind text,
	p_starts_on date,
	p_ends_on date,
	p_day_part text,
	p_duration_minutes integer,
	p_recurrence text,
	p_street_address text default null,
	p_on_behalf boolean default false,
	p_resident_name text default null,
	p_resident_phone text default null,
	p_is_vulnerable boolean default false
) returns uuid language plpgsql security invoker set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_municipality uuid := public.my_municipality_id();
	v_district public.districts%rowtype;
	v_id uuid;
begin
	perform public.assert_help_request_fits(
		p_category, p_title, p_description, p_postcode_area, p_when_kind, p_day_part, p_recurrence,
		p_street_address
	);
	perform public.assert_max_length(p_resident_name, 80, 'resident_name');
	perform public.assert_max_length(p_resident_phone, 20, 'resident_phone');
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	if public.is_blocked() then
		raise exception 'account_blocked' using errcode = '42501';
	end if;
	select * into v_district from public.districts where id = p_district_id and municipality_id = v_municipality;
	if not found then
		raise exception 'district_not_found' using errcode = '22023';
	end if;
	if p_on_behalf and not public.has_role('coordinator', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_on_behalf and (nullif(trim(p_resident_name), '') is null or nullif(trim(p_resident_phone), '') is null) then
		raise exception 'resident_contact_required' using errcode = '22023';
	end if;

	insert into public.help_requests (
		municipality_id, district_id, requester_id, created_by, category, title, description,
		postcode_area, when_kind, starts_on, ends_on, day_part,
		duration_minutes, recurrence, is_vulnerable
	) values (
		v_municipality, v_district.id, case when p_on_behalf then null else v_uid end, v_uid,
		p_category, trim(p_title), trim(p_description), nullif(p_postcode_area, ''),
		p_when_kind, p_starts_on, p_ends_on, coalesce(p_day_part, 'any'), p_duration_minutes,
		coalesce(p_recurrence, 'once'), coalesce(p_is_vulnerable, false)
	) returning id into v_id;

	if p_on_behalf or nullif(trim(p_street_address), '') is not null then
		insert into public.help_request_contacts (request_id, municipality_id, created_by, resident_name, phone, street_address)
		values (
			v_id, v_municipality, v_uid,
			case when p_on_behalf then trim(p_resident_name) end,
			case when p_on_behalf then trim(p_resident_phone) end,
			nullif(trim(p_street_address), '')
		);
	end if;
	return v_id;
end;
$$;
revoke all on function public.post_help_request(uuid, text, text, text, text, text, date, date, text, integer, text, text, boolean, text, text, boolean) from public;
grant execute on function public.post_help_request(uuid, text, text, text, text, text, date, date, text, integer, text, text, boolean, text, text, boolean) to authenticated;

-- Editing: the poster (or a coordinator acting for a resident) corrects an open request: a
-- typo, another date, another wijk. One read for the form and one atomic write. There is no
-- UPDATE policy on help_requests on purpose: through the API a poster could otherwise set any
-- column (status, hidden_at, the public point); this function changes only what the form shows.

-- Who may edit: the requester, whoever posted it, and for a resident without an account any
-- coordinator of the municipality (they act for that resident). A coordinator does not rewrite
-- the words of a resident who has an account: they hide a post instead, which is logged.
create or replace function public.may_edit_help_request(
	p_requester_id uuid,
	p_created_by uuid,
	p_municipality_id uuid
) returns boolean language sql stable security definer set search_path = '' as $$
	select (select auth.uid()) is not null and (
		p_requester_id = (select auth.uid())
		or p_created_by = (select auth.uid())
		or (p_requester_id is null and public.has_role('coordinator', p_municipality_id))
	);
$$;
revoke all on function public.may_edit_help_request(uuid, uuid, uuid) from public;
grant execute on function public.may_edit_help_request(uuid, uuid, uuid) to authenticated;

-- Changes what the poster wrote; status, who posted it and moderation stay as they are. The
-- public point follows the wijk through the trigger. The row lock makes an edit and an accept of a
-- reaction at the same moment queue: whichever comes second sees the other's result.
create or replace function public.update_help_request(
	p_request_id uuid,
	p_district_id uuid,
	p_category text,
	p_title text,
	p_description text,
	p_postcode_area text,
	p_when_kind text,
	p_starts_on date,
	p_ends_on date,
	p_day_part text,
	p_duration_minutes integer,
	p_recurrence text,
	p_street_address text default null
) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
	v_district public.districts%rowtype;
begin
	perform public.assert_help_request_fits(
		p_category, p_title, p_description, p_postcode_area, p_when_kind, p_day_part, p_recurrence,
		p_street_address
	);
	select * into v_request from public.help_requests where id = p_request_id for update;
	if not found or not public.may_edit_help_request(v_request.requester_id, v_request.created_by, v_request.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if public.is_blocked() then
		raise exception 'account_blocked' using errcode = '42501';
	end if;
	if v_request.hidden_at is not null then
		raise exception 'request_hidden' using errcode = 'P0001';
	end if;
	if v_request.status <> 'open' then
		raise exception 'request_not_open' using errcode = 'P0001';
	end if;
	select * into v_district from public.districts
		where id = p_district_id and municipality_id = v_request.municipality_id;
	if not found then
		raise exception 'district_not_found' using errcode = '22023';
	end if;

	update public.help_requests set
		district_id = v_district.id,
		category = p_category,
		title = trim(p_title),
		description = trim(p_description),
		postcode_area = nullif(p_postcode_area, ''),
		when_kind = p_when_kind,
		starts_on = p_starts_on,
		ends_on = p_ends_on,
		day_part = coalesce(p_day_part, 'any'),
		duration_minutes = p_duration_minutes,
		recurrence = coalesce(p_recurrence, 'once')
	where id = p_request_id;

	-- The exact address lives only in the private details; a resident without an account keeps
	-- the name and phone the coordinator registered.
	insert into public.help_request_contacts (request_id, municipality_id, created_by, street_address)
	values (p_request_id, v_request.municipality_id, v_request.created_by, nullif(trim(p_street_address), ''))
	on conflict (request_id) do update set street_address = excluded.street_address;
end;
$$;
revoke all on function public.update_help_request(uuid, uuid, text, text, text, text, text, date, date, text, integer, text, text) from public;
grant execute on function public.update_help_request(uuid, uuid, text, text, text, text, text, date, date, text, integer, text, text) to authenticated;

-- Creates or updates my volunteer profile. security invoker: the insert and update policies
-- decide (own row, own municipality, not blocked), and the CHECK constraints hold the limits.
create or replace function public.save_volunteer_profile(
	p_home_district_id uuid,
	p_categories text[],
	p_district_ids uuid[],
	p_radius_km integer,
	p_availability_mask integer,
	p_max_active_matches integer,
	p_is_paused boolean,
	p_about text
) returns void language plpgsql security invoker set search_path = '' as $$
declare
	v_municipality uuid := (select public.my_municipality_id());
begin
	perform public.assert_max_items(p_categories, 8, 'categories');
	perform public.assert_max_items(p_district_ids, 30, 'district_ids');
	perform public.assert_max_length(p_about, 500, 'about');
	if (select auth.uid()) is null or v_municipality is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	-- Wijken of another municipality would never match anything: refuse them plainly.
	if not exists (select 1 from public.districts where id = p_home_district_id and municipality_id = v_municipality)
		or exists (
			select 1 from unnest(coalesce(p_district_ids, '{}')) x(id)
			where not exists (select 1 from public.districts d where d.id = x.id and d.municipality_id = v_municipality)
		) then
		raise exception 'district_not_found' using errcode = 'P0001';
	end if;
	insert into public.volunteer_profiles (
		user_id, municipality_id, home_district_id, categories, district_ids, radius_km,
		availability_mask, max_active_matches, is_paused, about
	) values (
		(select auth.uid()), v_municipality, p_home_district_id, coalesce(p_categories, '{}'),
		coalesce(p_district_ids, '{}'), p_radius_km, p_availability_mask, p_max_active_matches,
		p_is_paused, coalesce(p_about, '')
	)
	on conflict (user_id) do update set
		home_district_id = excluded.home_district_id,
		categories = excluded.categories,
		district_ids = excluded.district_ids,
		radius_km = excluded.radius_km,
		availability_mask = excluded.availability_mask,
		max_active_matches = excluded.max_active_matches,
		is_paused = excluded.is_paused,
		about = excluded.about;
end;
$$;
revoke all on function public.save_volunteer_profile(uuid, text[], uuid[], integer, integer, integer, boolean, text) from public;
grant execute on function public.save_volunteer_profile(uuid, text[], uuid[], integer, integer, integer, boolean, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Board, search and ranking
-- ---------------------------------------------------------------------------------------------

-- A suggestion while the ranking is being built.
create type public.voor_jou_candidate as (
	id uuid,
	score numeric,
	starts_on date,
	created_at timestamptz,
	distance_km double precision,
	category_fit boolean,
	available boolean
);

-- The board and its text search. PL/pgSQL that builds only the filters that apply (EXECUTE plans
-- with the real values; a SQL function with catch-all filters is planned without them and could
-- use no index), with the tsquery computed once. A text search costs about the same however many
-- open requests match: it lists matches newest first, like the board itself, so the planner
-- walks the newest open requests and stops at the page (ranking every match by ts_rank cost three
-- times as much among 30,000 open requests as among 3,000), and it counts matches up to 500,
-- after which the page says "more than 500" and asks for a sharper search. Without a search word
-- the count stays exact (an index-only count of open requests).

create or replace function public.search_help_requests(
	p_district_id uuid default null,
	p_category text default null,
	p_from date default null,
	p_to date default null,
	p_query text default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb language plpgsql stable security definer set search_path = ''
-- The open requests fit in memory: random reads cost little more than sequential ones.
set random_page_cost = 1.1 as $$
declare
	c_count_cap constant integer := 500;
	v_query text := nullif(trim(p_query), '');
	v_tsquery tsquery;
	v_where text := 'r.status = ''open'' and r.hidden_at is null
		and coalesce(r.ends_on, r.starts_on, current_date) >= current_date';
	v_result jsonb;
begin
	perform public.assert_max_length(p_category, 40, 'category');
	-- A web search of a few words; thousands of terms once left PGlite unable to answer anything.
	perform public.assert_max_length(p_query, 200, 'query');
	if cardinality(regexp_split_to_array(trim(coalesce(p_query, '')), '\s+')) > 20 then
		raise exception 'search_too_long' using errcode = '22001';
	end if;
	-- Only the filters that apply, so each call is planned for its own values. Values are
	-- always passed as parameters ($1..$8), never written into the SQL text.
	if v_query is not null then
		v_tsquery := websearch_to_tsquery('dutch', v_query);
		v_where := v_where || ' and r.search @@ $5';
	end if;
	if p_district_id is not null then
		v_where := v_where || ' and r.district_id = $1';
	end if;
	if p_category is not null then
		v_where := v_where || ' and r.category = $2';
	end if;
	if p_from is not null then
		v_where := v_where || ' and (coalesce(r.ends_on, r.starts_on) is null or coalesce(r.ends_on, r.starts_on) >= $3)';
	end if;
	if p_to is not null then
		v_where := v_where || ' and (r.starts_on is null or r.starts_on <= $4)';
	end if;

	execute format($sql$
		with filtered as not materialized (
			select r.id, r.created_at
			from public.help_requests r
			where %1$s
		),
		counted as (
			select count(*) as n from (select 1 from filtered %2$s) f
		)
		select jsonb_build_object(
			'total', least((select n from counted), $8),
			'more', (select n from counted) > $8,
			'items', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', r.id, 'title', r.title, 'description', r.description, 'category', r.category,
					'district_id', r.district_id, 'district_name', d.name, 'postcode_area', r.postcode_area,
					'when_kind', r.when_kind, 'starts_on', r.starts_on, 'ends_on', r.ends_on,
					'day_part', r.day_part, 'duration_minutes', r.duration_minutes,
					'recurrence', r.recurrence, 'created_at', r.created_at
				) order by p.created_at desc, p.id desc)
				from (
					select f.id, f.created_at from filtered f
					order by f.created_at desc, f.id desc
					limit $6 offset $7
				) p
				join public.help_requests r on r.id = p.id
				join public.districts d on d.id = r.district_id
			), '[]'::jsonb)
		)$sql$, v_where, case when v_query is null then '' else 'limit $8 + 1' end)
	into v_result
	using p_district_id, p_category, p_from, p_to, v_tsquery,
		least(greatest(p_limit, 1), 100), greatest(p_offset, 0),
		case when v_query is null then 2147483646 else c_count_cap end;
	return v_result;
end;
$$;
revoke all on function public.search_help_requests(uuid, text, date, date, text, integer, integer) from public;
grant execute on function public.search_help_requests(uuid, text, date, date, text, integer, integer) to anon, authenticated;

create or replace function public.suggest_requests_for_me(p_limit integer default 20) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_all_categories constant text[] := array[
		'groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other'
	];
	v_limit integer := least(greatest(p_limit, 1), 50);
	v_me public.volunteer_profiles%rowtype;
	v_active integer;
	v_lat double precision;
	v_lng double precision;
	v_cos double precision;
	v_dlat double precision;
	v_dlng double precision;
	v_skip uuid[];
	v_group record;
	v_pool public.voor_jou_candidate[] := '{}';
	-- The score of the v_limit-th best suggestion so far; null while there are fewer.
	v_last numeric;
	v_items jsonb;
begin
	select * into v_me from public.volunteer_profiles where user_id = (select auth.uid());
	if not found then
		return jsonb_build_object('status', 'no_profile', 'items', '[]'::jsonb);
	end if;
	v_active := public.active_match_count(v_me.user_id);
	if v_me.is_paused then
		return jsonb_build_object('status', 'paused', 'active', v_active, 'max', v_me.max_active_matches, 'items', '[]'::jsonb);
	end if;
	if v_active >= v_me.max_active_matches then
		return jsonb_build_object('status', 'at_capacity', 'active', v_active, 'max', v_me.max_active_matches, 'items', '[]'::jsonb);
	end if;
	select latitude, longitude into v_lat, v_lng from public.districts where id = v_me.home_district_id;
	v_cos := cos(radians(v_lat));
	v_dlat := v_me.radius_km / 111.2;
	v_dlng := v_me.radius_km / (111.2 * v_cos);
	-- The requests this volunteer reacted to and their own: a handful of ids, left out up front.
	select coalesce(array_agg(x.request_id), '{}') into v_skip
		from public.responses x where x.volunteer_id = v_me.user_id;
	v_skip := v_skip || array(
		select r.id from public.help_requests r
		where r.created_by = v_me.user_id or r.requester_id = v_me.user_id
	);

	for v_group in
		with near as (
			select d.id,
				111.2 * sqrt((p.lat - v_lat) * (p.lat - v_lat) + ((p.lng - v_lng) * v_cos) * ((p.lng - v_lng) * v_cos))
					as distance_km
			from public.districts d
			cross join lateral (
				select round(d.latitude::numeric, 2)::double precision as lat,
					round(d.longitude::numeric, 2)::double precision as lng
			) p
			where d.municipality_id = v_me.municipality_id
				and (d.id = any (v_me.district_ids)
					or (p.lat between v_lat - v_dlat and v_lat + v_dlat
						and p.lng between v_lng - v_dlng and v_lng + v_dlng))
		),
		groups as (
			select n.id as district_id, c.category, n.distance_km,
				greatest(0, 1 - n.distance_km / greatest(v_me.radius_km, 1)) as distance_score,
				case when cardinality(v_me.categories) = 0 or c.category = any (v_me.categories) then 1 else 0 end
					as category_score
			from near n cross join unnest(v_all_categories) c(category)
		)
		select g.*,
			-- What the best possible request of this group would score (+0.0001 against float noise).
			round((0.35 * g.distance_score + 0.30 * g.category_score + 0.35)::numeric, 4) + 0.0001 as ceiling
		from groups g
		order by ceiling desc
	loop
		-- Groups come best first: once the suggestions so far beat this ceiling, they beat every
		-- later group's too.
		exit when v_last is not null and v_last > v_group.ceiling;

		v_pool := array(
			select (c.id, c.score, c.starts_on, c.created_at, c.distance_km, c.category_fit, c.available)::public.voor_jou_candidate
			from (
				select p.* from unnest(v_pool) p
				union all
				select x.id,
					round((0.35 * v_group.distance_score + 0.30 * v_group.category_score + 0.20 * x.available::int
						+ 0.15 * (case when x.starts_on is null then 0.3
							else least(1, greatest(0, 1 - (x.starts_on - current_date) / 14.0)) end))::numeric, 4),
					x.starts_on, x.created_at, v_group.distance_km, v_group.category_score = 1, x.available
				from (
					-- Each of these four runs down the group index in ranking order and stops at
					-- v_limit: a group's best v_limit are among their union.
					(select r.id, r.starts_on, r.created_at, true as available from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is not null and coalesce(r.ends_on, r.starts_on) >= current_date
							and (r.availability_mask & v_me.availability_mask) <> 0 and r.id <> all (v_skip)
						order by r.starts_on, r.created_at, r.id limit v_limit)
					union all
					(select r.id, r.starts_on, r.created_at, false from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is not null and coalesce(r.ends_on, r.starts_on) >= current_date
							and (r.availability_mask & v_me.availability_mask) = 0 and r.id <> all (v_skip)
						order by r.starts_on, r.created_at, r.id limit v_limit)
					union all
					(select r.id, r.starts_on, r.created_at, true from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is null
							and (r.availability_mask & v_me.availability_mask) <> 0 and r.id <> all (v_skip)
						order by r.created_at, r.id limit v_limit)
					union all
					(select r.id, r.starts_on, r.created_at, false from public.help_requests r
						where r.status = 'open' and r.hidden_at is null
							and r.district_id = v_group.district_id and r.category = v_group.category
							and r.starts_on is null
							and (r.availability_mask & v_me.availability_mask) = 0 and r.id <> all (v_skip)
						order by r.created_at, r.id limit v_limit)
				) x
			) c
			order by c.score desc, c.starts_on nulls last, c.created_at, c.id
			limit v_limit
		);
		if cardinality(v_pool) = v_limit then
			v_last := v_pool[v_limit].score;
		end if;
	end loop;

	select coalesce(jsonb_agg(jsonb_build_object(
			'id', r.id, 'title', r.title, 'description', r.description, 'category', r.category,
			'district_id', r.district_id, 'district_name', d.name, 'when_kind', r.when_kind,
			'starts_on', r.starts_on, 'ends_on', r.ends_on, 'day_part', r.day_part,
			'duration_minutes', r.duration_minutes, 'distance_km', round(k.distance_km::numeric, 1),
			'score', k.score, 'category_fit', k.category_fit, 'available', k.available
		) order by k.ord), '[]'::jsonb)
	into v_items
	from unnest(v_pool) with ordinality k (id, score, starts_on, created_at, distance_km, category_fit, available, ord)
	join public.help_requests r on r.id = k.id
	join public.districts d on d.id = r.district_id;

	return jsonb_build_object('status', 'ok', 'active', v_active, 'max', v_me.max_active_matches, 'items', v_items);
end;
$$;
revoke all on function public.suggest_requests_for_me(integer) from public;
grant execute on function public.suggest_requests_for_me(integer) to authenticated;

-- For a coordinator: volunteers ranked the same way for one request, leaving out paused
-- volunteers, those at their maximum, and those who already reacted.
create or replace function public.suggest_volunteers_for_request(p_request_id uuid, p_limit integer default 10)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
	v_items jsonb;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.has_role('coordinator', v_request.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	with volunteers as (
		select v.*, p.display_name, d.latitude as lat, d.longitude as lng,
			public.active_match_count(v.user_id) as active
		from public.volunteer_profiles v
		join public.profiles p on p.id = v.user_id
		join public.districts d on d.id = v.home_district_id
		where v.municipality_id = v_request.municipality_id
			and not v.is_paused
			and v.user_id is distinct from v_request.requester_id
			and v.user_id <> v_request.created_by
			and not exists (select 1 from public.account_blocks b where b.user_id = v.user_id)
			and not exists (
				select 1 from public.responses x where x.request_id = p_request_id and x.volunteer_id = v.user_id
			)
	),
	scored as (
		select w.*,
			111.2 * sqrt(power(v_request.latitude - w.lat, 2)
				+ power((v_request.longitude - w.lng) * cos(radians(w.lat)), 2)) as distance_km
		from volunteers w
		where w.active < w.max_active_matches
	),
	ranked as (
		select s.*,
			round((0.35 * greatest(0, 1 - s.distance_km / greatest(s.radius_km, 1))
				+ 0.30 * (case when cardinality(s.categories) = 0 or v_request.category = any (s.categories) then 1 else 0 end)
				+ 0.20 * (case when (v_request.availability_mask & s.availability_mask) <> 0 then 1 else 0 end)
				+ case when v_request.district_id = any (s.district_ids) then 0.15 else 0 end)::numeric, 4) as score
		from scored s
		order by score desc, s.active, s.display_name
		limit least(greatest(p_limit, 1), 50)
	)
	select coalesce(jsonb_agg(jsonb_build_object(
		'volunteer_id', r.user_id, 'display_name', r.display_name, 'score', r.score,
		'distance_km', round(r.distance_km::numeric, 1), 'active', r.active, 'max', r.max_active_matches
	) order by r.score desc, r.active, r.display_name), '[]'::jsonb)
	into v_items from ranked r;
	return v_items;
end;
$$;
revoke all on function public.suggest_volunteers_for_request(uuid, integer) from public;
grant execute on function public.suggest_volunteers_for_request(uuid, integer) to authenticated;

-- For coordinators: who is at or near their maximum ("pas op voor overbelasting").
create or replace function public.volunteer_load() returns jsonb language sql stable security definer set search_path = '' as $$
	select coalesce(jsonb_agg(jsonb_build_object(
		'volunteer_id', v.user_id, 'display_name', p.display_name, 'active', a.active,
		'max', v.max_active_matches, 'paused', v.is_paused
	) order by a.active::numeric / v.max_active_matches desc, p.display_name), '[]'::jsonb)
	from public.volunteer_profiles v
	join public.profiles p on p.id = v.user_id
	cross join lateral (select public.active_match_count(v.user_id) as active) a
	where public.has_role('coordinator', v.municipality_id)
		and a.active >= v.max_active_matches - 1;
$$;
revoke all on function public.volunteer_load() from public;
grant execute on function public.volunteer_load() to authenticated;

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

create or replace function public.invite_volunteer(p_request_id uuid, p_volunteer_id uuid) returns void language plpgsql security definer set search_path = '' as $$
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
	target_type text not null check (target_type = any (enum_range(null::public.report_target_type)::text[])),
	target_id uuid not null,
	reason text not null check (char_length(reason) between 5 and 1000),
	status text not null default 'open' check (status = any (enum_range(null::public.report_status)::text[])),
	handled_by uuid references auth.users (id) on delete set null,
	handled_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

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
		raise exception 'not_found' using errcode = 'P0001';
	end if;
	insert into public.reports (municipality_id, reporter_id, target_type, target_id, reason)
	values ((select public.my_municipality_id()), (select auth.uid()), p_target_type, p_target_id, trim(p_reason))
	returning id into v_id;
	return v_id;
end;
$$;
revoke all on function public.report_content(text, uuid, text) from public;
grant execute on function public.report_content(text, uuid, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Follow-ups: "hoe ging het?" after the help, escalated to the coordinators when it went wrong
-- ---------------------------------------------------------------------------------------------

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

-- ---------------------------------------------------------------------------------------------
-- Pages: one read-only function per page (hooks already spend two calls of the three-call page
-- budget). None of them return contact details except the match page, where RLS decides.
-- ---------------------------------------------------------------------------------------------

-- ---------------------------------------------------------------------------------------------
-- The public board and the printable notice board
-- ---------------------------------------------------------------------------------------------

-- The wijken to filter on, the chosen wijk, and one page of search_help_requests. security
-- invoker: districts are public, and search_help_requests returns public fields only.
create or replace function public.help_board_page(
	p_district_slug text default null,
	p_category text default null,
	p_from date default null,
	p_to date default null,
	p_query text default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb language plpgsql stable security invoker set search_path = '' as $$
declare
	v_district public.districts%rowtype;
	v_districts jsonb;
begin
	perform public.assert_max_length(p_district_slug, 60, 'district');
	perform public.assert_max_length(p_category, 40, 'category');
	perform public.assert_max_length(p_query, 200, 'query');
	-- One municipality per install for now: the first municipality's wijken, like sign-up does.
	select coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'slug', d.slug, 'name', d.name) order by d.name), '[]'::jsonb)
	into v_districts
	from public.districts d
	where d.municipality_id = (select m.id from public.municipalities m order by m.created_at limit 1);

	if nullif(trim(p_district_slug), '') is not null then
		select d.* into v_district from public.districts d
		where d.slug = trim(p_district_slug)
			and d.municipality_id = (select m.id from public.municipalities m order by m.created_at limit 1);
		if not found then
			return jsonb_build_object('districts', v_districts, 'district', null, 'unknown_district', true,
				'result', jsonb_build_object('total', 0, 'items', '[]'::jsonb));
		end if;
	end if;

	return jsonb_build_object(
		'districts', v_districts,
		'district', case when v_district.id is null then null
			else jsonb_build_object('id', v_district.id, 'slug', v_district.slug, 'name', v_district.name) end,
		'unknown_district', false,
		'result', public.search_help_requests(
			v_district.id, nullif(p_category, ''), p_from, p_to, nullif(trim(p_query), ''), p_limit, p_offset
		)
	);
end;
$$;
revoke all on function public.help_board_page(text, text, date, date, text, integer, integer) from public;
grant execute on function public.help_board_page(text, text, date, date, text, integer, integer) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- One request: what this visitor may see and do
-- ---------------------------------------------------------------------------------------------

-- security definer, because anonymous visitors cannot select help_requests. Explicit checks:
-- the public fields only for open, visible requests (or for people involved in the request);
-- reactions only for whoever acts for the requester; no contact details at all (those are on
-- the match page, where RLS decides). Returns null when the visitor may not see the request.
create or replace function public.help_request_page(p_request_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_request public.help_requests%rowtype;
	v_status text;
	v_acting boolean := false;
	v_own boolean := false;
	v_is_volunteer boolean := false;
	v_blocked boolean := false;
	v_my_response jsonb;
	v_match public.matches%rowtype;
	v_in_match boolean := false;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found then
		return null;
	end if;
	v_status := public.help_request_effective_status(v_request.status, v_request.starts_on, v_request.ends_on);

	if v_uid is not null then
		-- requester_id is null for a resident without an account: compare null-safely.
		v_own := v_request.requester_id is not distinct from v_uid or v_request.created_by = v_uid;
		v_acting := v_own or coalesce(public.has_role('coordinator', v_request.municipality_id), false);
		v_is_volunteer := exists (select 1 from public.volunteer_profiles v where v.user_id = v_uid);
		v_blocked := exists (select 1 from public.account_blocks b where b.user_id = v_uid);
		select jsonb_build_object('id', x.id, 'status', x.status, 'message', x.message, 'created_at', x.created_at)
		into v_my_response
		from public.responses x where x.request_id = p_request_id and x.volunteer_id = v_uid;
		select * into v_match from public.matches m where m.request_id = p_request_id;
		v_in_match := v_match.id is not null and (v_acting or v_match.volunteer_id = v_uid);
	end if;

	-- Hidden requests are gone for everyone but the people acting for the requester.
	if not v_acting and not (v_status = 'open' and v_request.hidden_at is null)
		and not (v_my_response is not null and v_request.hidden_at is null)
		and not v_in_match then
		return null;
	end if;

	return jsonb_build_object(
		'request', jsonb_build_object(
			'id', v_request.id, 'title', v_request.title, 'description', v_request.description,
			'category', v_request.category, 'district_name', (select d.name from public.districts d where d.id = v_request.district_id),
			'district_slug', (select d.slug from public.districts d where d.id = v_request.district_id),
			'postcode_area', v_request.postcode_area, 'when_kind', v_request.when_kind,
			'starts_on', v_request.starts_on, 'ends_on', v_request.ends_on, 'day_part', v_request.day_part,
			'duration_minutes', v_request.duration_minutes, 'recurrence', v_request.recurrence,
			'status', v_status, 'hidden', v_request.hidden_at is not null, 'created_at', v_request.created_at
		),
		'viewer', jsonb_build_object(
			'signed_in', v_uid is not null,
			'acting', v_acting,
			'own', v_own,
			'on_behalf', v_acting and v_request.requester_id is null,
			'is_volunteer', v_is_volunteer,
			'blocked', v_blocked,
			'can_react', coalesce(v_uid is not null and not v_own and not v_blocked and v_my_response is null
				and v_status = 'open' and v_request.hidden_at is null
				and v_request.municipality_id = (select p.municipality_id from public.profiles p where p.id = v_uid), false),
			'can_cancel', v_acting and v_status in ('open', 'matched')
		),
		'my_response', v_my_response,
		-- The resident's name when a coordinator posted for them: only for whoever acts for them.
		'on_behalf_name', case when v_acting and v_request.requester_id is null then (
			select c.resident_name from public.help_request_contacts c where c.request_id = v_request.id
		) end,
		'responses', case when v_acting then coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', x.id, 'status', x.status, 'message', x.message, 'created_at', x.created_at,
				'volunteer_name', p.display_name,
				'helped_count', public.volunteer_helped_count(x.volunteer_id)
			) order by x.created_at)
			from public.responses x join public.profiles p on p.id = x.volunteer_id
			where x.request_id = v_request.id and x.status <> 'withdrawn'
		), '[]'::jsonb) else '[]'::jsonb end,
		'match', case when v_in_match then jsonb_build_object('id', v_match.id, 'status', v_match.status) end
	);
end;
$$;
revoke all on function public.help_request_page(uuid) from public;
grant execute on function public.help_request_page(uuid) to anon, authenticated;

-- The form's values and wijken, or null when the caller may not edit this request. 'editable'
-- is false (with the reason) for a request that is matched, closed or hidden by a coordinator.
create or replace function public.help_request_edit_page(p_request_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
	v_street text;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.may_edit_help_request(v_request.requester_id, v_request.created_by, v_request.municipality_id) then
		return null;
	end if;
	select c.street_address into v_street from public.help_request_contacts c where c.request_id = p_request_id;
	return jsonb_build_object(
		'request', jsonb_build_object(
			'id', v_request.id, 'category', v_request.category, 'title', v_request.title,
			'description', v_request.description, 'district_id', v_request.district_id,
			'postcode_area', v_request.postcode_area, 'street_address', v_street,
			'when_kind', v_request.when_kind, 'starts_on', v_request.starts_on, 'ends_on', v_request.ends_on,
			'day_part', v_request.day_part, 'duration_minutes', v_request.duration_minutes,
			'recurrence', v_request.recurrence, 'on_behalf', v_request.requester_id is null
		),
		'editable', v_request.status = 'open' and v_request.hidden_at is null,
		'reason', case
			when v_request.hidden_at is not null then 'hidden'
			when v_request.status <> 'open' then 'not_open'
		end,
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = v_request.municipality_id
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.help_request_edit_page(uuid) from public;
grant execute on function public.help_request_edit_page(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- My requests, my reactions, my matches
-- ---------------------------------------------------------------------------------------------

-- security definer, with every row tied to auth.uid() explicitly: a volunteer still sees the
-- title of a request they reacted to after it was matched to someone else (RLS would hide it).
-- No contact details.
create or replace function public.my_help_page() returns jsonb language sql stable security definer set search_path = '' as $$
	with me as (select (select auth.uid()) as id)
	select jsonb_build_object(
		'requests', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', r.id, 'title', r.title, 'category', r.category,
				'status', public.help_request_effective_status(r.status, r.starts_on, r.ends_on),
				'hidden', r.hidden_at is not null,
				'when_kind', r.when_kind, 'starts_on', r.starts_on, 'ends_on', r.ends_on,
				'created_at', r.created_at,
				'on_behalf', r.requester_id is null,
				'pending_responses', (select count(*) from public.responses x where x.request_id = r.id and x.status = 'pending'),
				'match_id', (select m.id from public.matches m where m.request_id = r.id)
			) order by r.created_at desc)
			from public.help_requests r, me
			where me.id is not null and (r.requester_id = me.id or r.created_by = me.id)
		), '[]'::jsonb),
		'responses', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', x.id, 'status', x.status, 'message', x.message, 'created_at', x.created_at,
				'request_id', r.id, 'title', r.title,
				'request_status', public.help_request_effective_status(r.status, r.starts_on, r.ends_on),
				'match_id', (select m.id from public.matches m where m.response_id = x.id)
			) order by x.created_at desc)
			from public.responses x join public.help_requests r on r.id = x.request_id, me
			where me.id is not null and x.volunteer_id = me.id
		), '[]'::jsonb),
		'matches', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', m.id, 'status', m.status, 'created_at', m.created_at, 'done_at', m.done_at,
				'request_id', r.id, 'title', r.title,
				'role', case when m.volunteer_id = me.id then 'volunteer' else 'requester' end,
				'other_name', case when m.volunteer_id = me.id
					then coalesce((select p.display_name from public.profiles p where p.id = m.requester_id), 'Een inwoner')
					else (select p.display_name from public.profiles p where p.id = m.volunteer_id) end,
				'followup_pending', exists (
					select 1 from public.followups f
					where f.match_id = m.id and f.respondent_id = me.id and f.answered_at is null
				)
			) order by (m.status = 'active') desc, m.created_at desc)
			from public.matches m join public.help_requests r on r.id = m.request_id, me
			where me.id is not null
				and (m.volunteer_id = me.id or m.requester_id = me.id or r.created_by = me.id)
		), '[]'::jsonb)
	);
$$;
revoke all on function public.my_help_page() from public;
grant execute on function public.my_help_page() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The match page
-- ---------------------------------------------------------------------------------------------

-- security invoker: RLS decides who sees the match (participants), the other party's contact
-- details (only the matched pair, only while the contact window is open) and the messages.
-- The window check is repeated here so a future policy change cannot widen it by accident.
-- Returns null when the match is not visible to the caller.
create or replace function public.help_match_page(p_match_id uuid) returns jsonb language plpgsql stable security invoker set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_match public.matches%rowtype;
	v_request public.help_requests%rowtype;
	v_role text;
	v_window boolean;
	v_contact jsonb;
begin
	select * into v_match from public.matches where id = p_match_id;
	if not found or v_uid is null then
		return null;
	end if;
	select * into v_request from public.help_requests where id = v_match.request_id;
	if not found then
		return null;
	end if;
	v_role := case
		when v_match.volunteer_id = v_uid then 'volunteer'
		when v_match.requester_id = v_uid or v_request.created_by = v_uid then 'requester'
		else 'coordinator'
	end;
	v_window := public.contact_window_open(v_match.status, v_match.done_at);

	if v_window and v_role = 'volunteer' then
		-- The requester's own details, and the request's private details (exact address; for a
		-- resident without an account their name and phone).
		select jsonb_build_object(
			'name', coalesce(hc.resident_name, p.display_name),
			'phone', coalesce(hc.phone, pc.phone),
			'street_address', coalesce(hc.street_address, pc.street_address),
			'postcode', case when hc.street_address is null then pc.postcode end,
			'city', case when hc.street_address is null then pc.city end
		)
		into v_contact
		from (select 1) one
		left join public.help_request_contacts hc on hc.request_id = v_request.id
		left join public.profiles p on p.id = v_match.requester_id
		left join public.profile_contacts pc on pc.profile_id = v_match.requester_id;
	elsif v_window and v_role = 'requester' then
		select jsonb_build_object(
			'name', p.display_name, 'phone', public.matched_volunteer_phone(v_match.id),
			'street_address', null, 'postcode', null, 'city', null
		)
		into v_contact
		from public.profiles p
		where p.id = v_match.volunteer_id;
	end if;

	return jsonb_build_object(
		'match', jsonb_build_object(
			'id', v_match.id, 'status', v_match.status, 'created_at', v_match.created_at,
			'done_at', v_match.done_at, 'cancelled_at', v_match.cancelled_at
		),
		'request', jsonb_build_object(
			'id', v_request.id, 'title', v_request.title, 'category', v_request.category,
			'when_kind', v_request.when_kind, 'starts_on', v_request.starts_on, 'ends_on', v_request.ends_on,
			'day_part', v_request.day_part, 'duration_minutes', v_request.duration_minutes,
			'recurrence', v_request.recurrence
		),
		'role', v_role,
		'volunteer_name', (select p.display_name from public.profiles p where p.id = v_match.volunteer_id),
		'requester_name', coalesce(
			(select p.display_name from public.profiles p where p.id = v_match.requester_id),
			'Een inwoner'
		),
		'contact_window_open', v_window,
		'contact', v_contact,
		'can_complete', v_match.status = 'active' and v_role in ('requester', 'coordinator'),
		'can_message', v_window and v_role in ('requester', 'volunteer', 'coordinator'),
		'messages', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', mm.id, 'body', mm.body, 'created_at', mm.created_at,
				'mine', mm.sender_id = v_uid,
				'sender_name', coalesce((select p.display_name from public.profiles p where p.id = mm.sender_id), 'Coördinator'),
				'hidden', mm.hidden_at is not null
			) order by mm.created_at)
			from public.match_messages mm where mm.match_id = v_match.id
		), '[]'::jsonb),
		'thanks', (select t.message from public.thanks t where t.match_id = v_match.id),
		'followup', (
			select jsonb_build_object('id', f.id, 'side', f.side)
			from public.followups f
			where f.match_id = v_match.id and f.respondent_id = v_uid and f.answered_at is null
			limit 1
		)
	);
end;
$$;
revoke all on function public.help_match_page(uuid) from public;
grant execute on function public.help_match_page(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- My volunteer profile
-- ---------------------------------------------------------------------------------------------

-- The form's wijken, my profile (null before I made one), and how busy I am. security invoker:
-- RLS shows me my own volunteer profile only.
create or replace function public.volunteer_profile_page() returns jsonb language sql stable security invoker set search_path = '' as $$
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = (select public.my_municipality_id())
		), '[]'::jsonb),
		'profile', (
			select jsonb_build_object(
				'home_district_id', v.home_district_id, 'categories', to_jsonb(v.categories),
				'district_ids', to_jsonb(v.district_ids), 'radius_km', v.radius_km,
				'availability_mask', v.availability_mask, 'max_active_matches', v.max_active_matches,
				'is_paused', v.is_paused, 'about', v.about
			)
			from public.volunteer_profiles v where v.user_id = (select auth.uid())
		),
		'home_district_id', (select p.district_id from public.profiles p where p.id = (select auth.uid())),
		'active', (
			select count(*) from public.matches m
			where m.volunteer_id = (select auth.uid()) and m.status = 'active'
		),
		'helped', public.volunteer_helped_count((select auth.uid()))
	);
$$;
revoke all on function public.volunteer_profile_page() from public;
grant execute on function public.volunteer_profile_page() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- "Voor jou"
-- ---------------------------------------------------------------------------------------------

-- suggest_requests_for_me plus what the page needs to explain the ranking in words (my wijken)
-- and the open requests a coordinator invited me to look at. security definer (the invited
-- request is not selectable by the volunteer); every row is tied to auth.uid() explicitly.
create or replace function public.voor_jou_page(p_limit integer default 20) returns jsonb language sql stable security definer set search_path = '' as $$
	select public.suggest_requests_for_me(p_limit) || jsonb_build_object(
		'my_district_ids', coalesce((
			select to_jsonb(array(
				select distinct x from unnest(v.district_ids || v.home_district_id) x
			))
			from public.volunteer_profiles v where v.user_id = (select auth.uid())
		), '[]'::jsonb),
		'invitations', coalesce((
			select jsonb_agg(jsonb_build_object(
				'request_id', r.id, 'title', r.title, 'category', r.category, 'district_name', d.name,
				'invited_at', i.created_at
			) order by i.created_at desc)
			from public.help_invitations i
			join public.help_requests r on r.id = i.request_id
			join public.districts d on d.id = r.district_id
			where i.volunteer_id = (select auth.uid())
				and r.status = 'open' and r.hidden_at is null
				and coalesce(r.ends_on, r.starts_on, current_date) >= current_date
				and not exists (
					select 1 from public.responses x where x.request_id = r.id and x.volunteer_id = i.volunteer_id
				)
		), '[]'::jsonb)
	);
$$;
revoke all on function public.voor_jou_page(integer) from public;
grant execute on function public.voor_jou_page(integer) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- A volunteer's public profile
-- ---------------------------------------------------------------------------------------------

-- Public: categories, wijken, how many people they helped (a count only) and open aanbod.
-- Anonymous visitors see only the first name; signed-in people of the same municipality see the
-- display name. Never contact details. Null when there is no such volunteer.
create or replace function public.volunteer_public_page(p_volunteer_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'id', v.user_id,
		'display_name', case
			when p.municipality_id = (select public.my_municipality_id()) then p.display_name
			else split_part(trim(p.display_name), ' ', 1)
		end,
		'about', v.about,
		'categories', to_jsonb(v.categories),
		'districts', coalesce((
			select jsonb_agg(d.name order by d.name) from public.districts d
			where d.id = any (v.district_ids || v.home_district_id)
		), '[]'::jsonb),
		'helped', public.volunteer_helped_count(v.user_id),
		'offers', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', o.id, 'title', o.title, 'description', o.description, 'category', o.category,
				'district_name', d.name, 'when_text', o.when_text, 'created_at', o.created_at
			) order by o.created_at desc)
			from public.help_offers o join public.districts d on d.id = o.district_id
			where o.volunteer_id = v.user_id and o.status = 'open' and o.hidden_at is null
		), '[]'::jsonb)
	)
	from public.volunteer_profiles v
	join public.profiles p on p.id = v.user_id
	where v.user_id = p_volunteer_id
		and not exists (select 1 from public.account_blocks b where b.user_id = v.user_id);
$$;
revoke all on function public.volunteer_public_page(uuid) from public;
grant execute on function public.volunteer_public_page(uuid) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Aanbod
-- ---------------------------------------------------------------------------------------------

-- My offers (open, withdrawn, hidden) and the wijken for the form. security invoker: RLS shows
-- me my own offers.
create or replace function public.my_offers_page() returns jsonb language sql stable security invoker set search_path = '' as $$
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = (select public.my_municipality_id())
		), '[]'::jsonb),
		'home_district_id', (
			select coalesce(v.home_district_id, p.district_id)
			from public.profiles p left join public.volunteer_profiles v on v.user_id = p.id
			where p.id = (select auth.uid())
		),
		'offers', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', o.id, 'title', o.title, 'description', o.description, 'category', o.category,
				'district_name', d.name, 'when_text', o.when_text, 'status', o.status,
				'hidden', o.hidden_at is not null, 'created_at', o.created_at
			) order by (o.status = 'open') desc, o.created_at desc)
			from public.help_offers o join public.districts d on d.id = o.district_id
			where o.volunteer_id = (select auth.uid())
		), '[]'::jsonb)
	);
$$;
revoke all on function public.my_offers_page() from public;
grant execute on function public.my_offers_page() to authenticated;

-- The public list of open aanbod, filtered by category and wijk, paginated. security definer:
-- anonymous visitors may see the volunteer's first name (as on the public profile), nothing more.
create or replace function public.offers_board_page(
	p_category text default null,
	p_district_id uuid default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb language sql stable security definer set search_path = '' as $$
	with filtered as (
		select o.* from public.help_offers o
		where o.status = 'open' and o.hidden_at is null
			and (p_category is null or o.category = p_category)
			and (p_district_id is null or o.district_id = p_district_id)
			and not exists (select 1 from public.account_blocks b where b.user_id = o.volunteer_id)
	)
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = coalesce(
				(select public.my_municipality_id()),
				(select m.id from public.municipalities m where m.slug = 'zaanstad')
			)
		), '[]'::jsonb),
		'total', (select count(*) from filtered),
		'items', coalesce((
			select jsonb_agg(x.item order by x.created_at desc)
			from (
				select f.created_at, jsonb_build_object(
					'id', f.id, 'title', f.title, 'description', f.description, 'category', f.category,
					'district_name', d.name, 'when_text', f.when_text, 'created_at', f.created_at,
					'volunteer_id', f.volunteer_id,
					'volunteer_name', case
						when p.municipality_id = (select public.my_municipality_id()) then p.display_name
						else split_part(trim(p.display_name), ' ', 1)
					end
				) as item
				from filtered f
				join public.districts d on d.id = f.district_id
				join public.profiles p on p.id = f.volunteer_id
				order by f.created_at desc
				limit least(greatest(p_limit, 1), 100) offset greatest(p_offset, 0)
			) x
		), '[]'::jsonb)
	);
$$;
revoke all on function public.offers_board_page(text, uuid, integer, integer) from public;
grant execute on function public.offers_board_page(text, uuid, integer, integer) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Reporting (melden)
-- ---------------------------------------------------------------------------------------------


-- ---------------------------------------------------------------------------------------------
-- Coordination
-- ---------------------------------------------------------------------------------------------

-- The coordinator's dashboard: open reports with what they are about and who wrote it (to block),
-- the moderation log, volunteers at or near their maximum, follow-ups needing attention, and open
-- requests nobody reacted to for 3 days. Refuses anyone who is not a coordinator here.
create or replace function public.coordination_page() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := (select public.my_municipality_id());
begin
	if v_municipality is null or not public.has_role('coordinator', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return jsonb_build_object(
		'reports', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', rp.id, 'target_type', rp.target_type, 'target_id', rp.target_id, 'reason', rp.reason,
				'created_at', rp.created_at,
				'reporter_name', (select p.display_name from public.profiles p where p.id = rp.reporter_id),
				'reports_on_target', (
					select count(*) from public.reports o
					where o.target_type = rp.target_type and o.target_id = rp.target_id and o.status = 'open'
				),
				'target', t.target
			) order by rp.created_at)
			from public.reports rp
			cross join lateral (
				select case rp.target_type
					when 'help_request' then (
						select jsonb_build_object('title', r.title, 'excerpt', left(r.description, 300),
							'hidden', r.hidden_at is not null, 'author_id', r.requester_id,
							'author_name', (select p.display_name from public.profiles p where p.id = r.requester_id),
							'author_blocked', exists (select 1 from public.account_blocks b where b.user_id = r.requester_id),
							'link', '/hulp/vraag/' || r.id)
						from public.help_requests r where r.id = rp.target_id
					)
					when 'help_offer' then (
						select jsonb_build_object('title', o.title, 'excerpt', left(o.description, 300),
							'hidden', o.hidden_at is not null, 'author_id', o.volunteer_id,
							'author_name', (select p.display_name from public.profiles p where p.id = o.volunteer_id),
							'author_blocked', exists (select 1 from public.account_blocks b where b.user_id = o.volunteer_id),
							'link', '/hulp/vrijwilligers/' || o.volunteer_id)
						from public.help_offers o where o.id = rp.target_id
					)
					when 'match_message' then (
						select jsonb_build_object('title', 'Bericht', 'excerpt', left(m.body, 300),
							'hidden', m.hidden_at is not null, 'author_id', m.sender_id,
							'author_name', (select p.display_name from public.profiles p where p.id = m.sender_id),
							'author_blocked', exists (select 1 from public.account_blocks b where b.user_id = m.sender_id),
							'link', '/hulp/match/' || m.match_id)
						from public.match_messages m where m.id = rp.target_id
					)
				end as target
			) t
			where rp.municipality_id = v_municipality and rp.status = 'open'
		), '[]'::jsonb),
		'log', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'action', a.action, 'target_type', a.target_type, 'target_id', a.target_id,
				'reason', a.reason, 'created_at', a.created_at,
				'actor_name', (select p.display_name from public.profiles p where p.id = a.actor_id),
				'account_name', case when a.target_type = 'account'
					then (select p.display_name from public.profiles p where p.id = a.target_id) end
			) order by a.created_at desc)
			from (
				select * from public.moderation_actions m
				where m.municipality_id = v_municipality
				order by m.created_at desc limit 50
			) a
		), '[]'::jsonb),
		'load', public.volunteer_load(),
		'followups', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', f.id, 'match_id', f.match_id, 'side', f.side, 'answer', f.answer, 'comment', f.comment,
				'answered_at', f.answered_at, 'asked_at', f.created_at, 'escalated_at', f.escalated_at,
				'title', r.title, 'vulnerable', r.is_vulnerable,
				'volunteer_name', (select p.display_name from public.profiles p where p.id = m.volunteer_id),
				'requester_name', coalesce(
					(select p.display_name from public.profiles p where p.id = m.requester_id), 'Inwoner zonder account')
			) order by f.created_at)
			from public.followups f
			join public.matches m on m.id = f.match_id
			join public.help_requests r on r.id = m.request_id
			where f.municipality_id = v_municipality
				and f.created_at > now() - interval '30 days'
				and (f.escalated_at is not null
					or f.answer = 'bad'
					or (f.side = 'requester' and f.answered_at is null and r.is_vulnerable
						and f.created_at < now() - interval '4 days'))
		), '[]'::jsonb),
		'unanswered', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', r.id, 'title', r.title, 'category', r.category, 'district_name', d.name,
				'created_at', r.created_at, 'starts_on', r.starts_on, 'vulnerable', r.is_vulnerable
			) order by r.created_at)
			from (
				select * from public.help_requests r
				where r.municipality_id = v_municipality and r.status = 'open' and r.hidden_at is null
					and coalesce(r.ends_on, r.starts_on, current_date) >= current_date
					and r.created_at < now() - interval '3 days'
					and not exists (select 1 from public.responses x where x.request_id = r.id)
				order by r.created_at limit 30
			) r join public.districts d on d.id = r.district_id
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.coordination_page() from public;
grant execute on function public.coordination_page() to authenticated;

-- One request for a coordinator with suggested volunteers (suggest_volunteers_for_request, the
-- same ranking), each with the reasons in words can be built from, and who was invited already.
create or replace function public.coordination_request_page(p_request_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
	v_suggestions jsonb;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.has_role('coordinator', v_request.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	v_suggestions := public.suggest_volunteers_for_request(p_request_id, 10);
	return jsonb_build_object(
		'request', jsonb_build_object(
			'id', v_request.id, 'title', v_request.title, 'description', v_request.description,
			'category', v_request.category,
			'district_name', (select d.name from public.districts d where d.id = v_request.district_id),
			'status', public.help_request_effective_status(v_request.status, v_request.starts_on, v_request.ends_on),
			'hidden', v_request.hidden_at is not null,
			'when_kind', v_request.when_kind, 'starts_on', v_request.starts_on, 'ends_on', v_request.ends_on,
			'day_part', v_request.day_part, 'duration_minutes', v_request.duration_minutes,
			'recurrence', v_request.recurrence, 'created_at', v_request.created_at,
			'responses', (select count(*) from public.responses x where x.request_id = v_request.id)
		),
		'suggestions', coalesce((
			select jsonb_agg(s.item || jsonb_build_object(
				'category_fit', cardinality(v.categories) = 0 or v_request.category = any (v.categories),
				'in_district', v_request.district_id = any (v.district_ids || v.home_district_id),
				'available', (v_request.availability_mask & v.availability_mask) <> 0,
				'invited', exists (
					select 1 from public.help_invitations i
					where i.request_id = v_request.id and i.volunteer_id = v.user_id
				)
			) order by s.ord)
			from jsonb_array_elements(v_suggestions) with ordinality s(item, ord)
			join public.volunteer_profiles v on v.user_id = (s.item ->> 'volunteer_id')::uuid
		), '[]'::jsonb),
		'invited', coalesce((
			select jsonb_agg(jsonb_build_object(
				'volunteer_id', i.volunteer_id, 'display_name', p.display_name, 'invited_at', i.created_at,
				'reacted', exists (
					select 1 from public.responses x where x.request_id = i.request_id and x.volunteer_id = i.volunteer_id
				)
			) order by i.created_at desc)
			from public.help_invitations i join public.profiles p on p.id = i.volunteer_id
			where i.request_id = v_request.id
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.coordination_request_page(uuid) from public;
grant execute on function public.coordination_request_page(uuid) to authenticated;

select public.add_timestamp_triggers();
