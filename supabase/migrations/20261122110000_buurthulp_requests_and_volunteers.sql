-- Buurthulp, part 1: volunteers, help requests, offers, blocks and rate limits.
-- Weekly availability is a 21-bit mask: bit (day * 3 + part), day 0 = Monday, part 0 = morning,
-- 1 = afternoon, 2 = evening. A request gets the same mask from its date(s) and day part, so
-- "availability overlap" is one AND.

-- ---------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------

create or replace function public.availability_mask_for(
	p_when_kind text,
	p_starts_on date,
	p_ends_on date,
	p_day_part text
) returns integer
language plpgsql
immutable
set search_path = ''
as $$
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

-- Blocked accounts can no longer post or react (checked in insert policies).
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

create or replace function public.is_blocked() returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (select 1 from public.account_blocks b where b.user_id = (select auth.uid()));
$$;
revoke all on function public.is_blocked() from public;
grant execute on function public.is_blocked() to authenticated;

-- Rate limits: at most TG_ARGV[1] rows per TG_ARGV[2] by the actor in column TG_ARGV[0].
-- A trigger holds for every client, including ones that skip the app's own checks.
create or replace function public.enforce_rate_limit() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
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
-- Volunteers
-- ---------------------------------------------------------------------------------------------

create table public.volunteer_profiles (
	user_id uuid primary key references public.profiles (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	home_district_id uuid not null references public.districts (id),
	categories text[] not null default '{}' check (
		categories <@ array['groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other']
	),
	district_ids uuid[] not null default '{}',
	radius_km integer not null default 3 check (radius_km between 1 and 30),
	availability_mask integer not null default 2097151 check (availability_mask between 0 and 2097151),
	max_active_matches integer not null default 3 check (max_active_matches between 1 and 10),
	is_paused boolean not null default false,
	about text not null default '' check (char_length(about) <= 500),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index volunteer_profiles_municipality_idx on public.volunteer_profiles (municipality_id) where not is_paused;

create trigger volunteer_profiles_set_updated_at before update on public.volunteer_profiles
	for each row execute function public.set_updated_at();

alter table public.volunteer_profiles enable row level security;
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
	category text not null check (
		category in ('groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other')
	),
	title text not null check (char_length(title) between 5 and 100),
	description text not null check (char_length(description) between 10 and 2000),
	-- Only the 4 digits of the postcode and a rounded point are public, never the address.
	postcode_area text check (postcode_area ~ '^[1-9][0-9]{3}$'),
	latitude double precision not null check (latitude between -90 and 90),
	longitude double precision not null check (longitude between -180 and 180),
	when_kind text not null check (when_kind in ('date', 'range', 'flexible')),
	starts_on date,
	ends_on date,
	day_part text not null default 'any' check (day_part in ('morning', 'afternoon', 'evening', 'any')),
	duration_minutes integer not null check (duration_minutes between 15 and 600),
	recurrence text not null default 'once' check (recurrence in ('once', 'weekly', 'every_two_weeks', 'monthly')),
	availability_mask integer not null default 2097151,
	is_vulnerable boolean not null default false,
	status text not null default 'open' check (status in ('open', 'matched', 'done', 'cancelled', 'expired')),
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

create or replace function public.help_requests_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.availability_mask := public.availability_mask_for(new.when_kind, new.starts_on, new.ends_on, new.day_part);
	return new;
end;
$$;
create trigger help_requests_before_write before insert or update of when_kind, starts_on, ends_on, day_part
	on public.help_requests for each row execute function public.help_requests_before_write();
create trigger help_requests_set_updated_at before update on public.help_requests
	for each row execute function public.set_updated_at();
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
create trigger help_request_contacts_set_updated_at before update on public.help_request_contacts
	for each row execute function public.set_updated_at();

create or replace function public.is_acting_for(p_request_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
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

-- Anonymous visitors read the board only through search_help_requests, which returns no
-- personal fields; signed-in people see open requests themselves.
create policy "Signed-in people see open requests" on public.help_requests
	for select to authenticated using (status = 'open' and hidden_at is null);
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
	category text not null check (
		category in ('groceries', 'transport', 'odd_jobs', 'garden', 'company', 'computer_help', 'paperwork', 'other')
	),
	title text not null check (char_length(title) between 5 and 100),
	description text not null check (char_length(description) between 10 and 2000),
	when_text text not null default '' check (char_length(when_text) <= 200),
	status text not null default 'open' check (status in ('open', 'closed')),
	hidden_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index help_offers_open_idx on public.help_offers (municipality_id, created_at desc)
	where status = 'open' and hidden_at is null;
create index help_offers_volunteer_idx on public.help_offers (volunteer_id);
create trigger help_offers_set_updated_at before update on public.help_offers
	for each row execute function public.set_updated_at();
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
