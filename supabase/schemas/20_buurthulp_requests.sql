-- Buurthulp, the neighbourhood help marketplace: help requests (hulpvragen). Residents post them
-- (or a coordinator posts one for a resident without an account), volunteers react and get
-- matched (22_buurthulp_matching.sql), the board and "Voor jou" rank them
-- (23_buurthulp_ranking.sql), and each page reads through one function (26_–28_…_pages).
--
-- Weekly availability is a 21-bit mask: bit (day * 3 + part), day 0 = Monday, part 0 = morning,
-- 1 = afternoon, 2 = evening. A request gets the same mask from its date(s) and day part, so
-- "availability overlap" is one AND.

-- ---------------------------------------------------------------------------------------------
-- Closed value lists (see the note on enums in 02_platform_roles.sql)
-- ---------------------------------------------------------------------------------------------

create type public.help_category as enum (
	'groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other'
);

create type public.help_request_status as enum ('open', 'matched', 'done', 'cancelled', 'expired');

create type public.help_request_when_kind as enum ('date', 'range', 'flexible');

-- 'any' first: the request form offers "hele dag" as its default.
create type public.day_part as enum ('any', 'morning', 'afternoon', 'evening');

create type public.help_request_recurrence as enum ('once', 'weekly', 'every_two_weeks', 'monthly');

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

create trigger help_requests_set_timestamps before insert or update on public.help_requests
	for each row execute function public.set_timestamps();

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

-- A request's short code is the first 8 hex digits of its id: printed as "3F2A9C1B", typed as
-- /h/3f2a9c1b. Four billion values against a few thousand requests, and a request's id is no
-- secret (the board links to it), so the code gives away nothing the board does not.
create index help_requests_short_code_idx on public.help_requests ((split_part(id::text, '-', 1)));

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

-- Input checks found by new residents, kept in the database so a direct API call meets them too:
-- the postcode must be one of the wijk's postcode areas (districts.postcode_areas), the dates lie
-- within a year from today (a range "until 2099" kept a request open forever), and bidirectional
-- override characters are removed from the title (strip_bidi_controls).
create or replace function public.help_requests_check_input() returns trigger language plpgsql set search_path = '' as $$
declare
	v_areas smallint[];
begin
	new.title := public.strip_bidi_controls(new.title);
	if new.postcode_area is not null then
		select d.postcode_areas into v_areas from public.districts d where d.id = new.district_id;
		if cardinality(v_areas) > 0 and not (new.postcode_area::smallint = any (v_areas)) then
			raise exception 'postcode_not_in_district' using errcode = '22023';
		end if;
	end if;
	if coalesce(new.ends_on, new.starts_on) > current_date + 366
		or new.starts_on > current_date + 366 then
		raise exception 'date_too_far' using errcode = '22023';
	end if;
	return new;
end;
$$;
revoke all on function public.help_requests_check_input() from public;

create trigger help_requests_check_input
	before insert or update of title, postcode_area, district_id, starts_on, ends_on
	on public.help_requests for each row execute function public.help_requests_check_input();

create trigger help_requests_rate_limit before insert on public.help_requests
	for each row execute function public.enforce_rate_limit('created_by', '10', '1 hour');

alter table public.help_requests enable row level security;

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

-- ---------------------------------------------------------------------------------------------
-- A request's private details
-- ---------------------------------------------------------------------------------------------

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

create trigger help_request_contacts_set_timestamps before insert or update on public.help_request_contacts
	for each row execute function public.set_timestamps();

create or replace function public.strip_bidi_resident_name() returns trigger language plpgsql set search_path = '' as $$
begin
	new.resident_name := public.strip_bidi_controls(new.resident_name);
	return new;
end;
$$;
revoke all on function public.strip_bidi_resident_name() from public;

create trigger help_request_contacts_strip_bidi before insert or update of resident_name
	on public.help_request_contacts for each row execute function public.strip_bidi_resident_name();

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

alter table public.help_request_contacts enable row level security;

-- Coordinators read the details but do not delete them: a delete straight through the API would
-- leave no trace in the moderation log, and no page does that; the details go with the request.
-- The poster keeps full control of their own row.
create policy "Posters and coordinators read the private details of a request" on public.help_request_contacts
	for select to authenticated
	using (created_by = (select auth.uid()) or public.has_role('coordinator', municipality_id));

create policy "Posters add the private details of their request" on public.help_request_contacts
	for insert to authenticated
	with check (
		created_by = (select auth.uid())
		and public.is_acting_for(request_id)
		and municipality_id = (select public.my_municipality_id())
	);

create policy "Posters change the private details of their request" on public.help_request_contacts
	for update to authenticated
	using (created_by = (select auth.uid()))
	with check (
		created_by = (select auth.uid())
		and public.is_acting_for(request_id)
		and municipality_id = (select public.my_municipality_id())
	);

create policy "Posters remove the private details of their request" on public.help_request_contacts
	for delete to authenticated
	using (created_by = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------
-- Posting and editing a request
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
		raise exception 'request_hidden' using errcode = 'PT409';
	end if;
	if v_request.status <> 'open' then
		raise exception 'request_not_open' using errcode = 'PT409';
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

-- ---------------------------------------------------------------------------------------------
-- Cancelling, expiry, and the short code of the printed prikbord
-- ---------------------------------------------------------------------------------------------

create or replace function public.cancel_help_request(p_request_id uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
begin
	select * into v_request from public.help_requests where id = p_request_id for update;
	if not found or not public.is_acting_for(p_request_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_request.status not in ('open', 'matched') then
		raise exception 'request_not_open' using errcode = 'PT409';
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

-- Registered with the platform scheduler (06_platform_scheduler.sql).
insert into public.scheduled_jobs (name, area, every) values
	('expire_help_requests', 'buurthulp', interval '5 minutes');
-- The request with this short code, or null. Hidden requests are not found; whether the visitor
-- may see the request is decided by its page (help_request_page).
create or replace function public.help_request_by_code(p_code text) returns uuid language plpgsql stable security definer set search_path = '' as $$
begin
	perform public.assert_max_length(p_code, 20, 'code');
	if p_code !~ '^[0-9A-Fa-f]{8}$' then
		return null;
	end if;
	return (
		select r.id from public.help_requests r
		where split_part(r.id::text, '-', 1) = lower(p_code) and r.hidden_at is null
			and r.municipality_id = public.current_municipality_id()
		order by r.created_at desc limit 1
	);
end;
$$;
revoke all on function public.help_request_by_code(text) from public;
grant execute on function public.help_request_by_code(text) to anon, authenticated;
