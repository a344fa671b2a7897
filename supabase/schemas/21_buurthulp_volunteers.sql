-- Buurthulp volunteers and their offers (aanbod): the volunteer profile that "Voor jou" ranks by
-- (wijken, categories, radius, weekly availability, maximum of active matches), and the offers
-- volunteers post on the aanbod board.

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

create trigger volunteer_profiles_set_timestamps before insert or update on public.volunteer_profiles
	for each row execute function public.set_timestamps();

create index volunteer_profiles_municipality_idx on public.volunteer_profiles (municipality_id) where not is_paused;

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
		raise exception 'district_not_found' using errcode = '22023';
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
-- Offers (aanbod)
-- ---------------------------------------------------------------------------------------------

create type public.help_offer_status as enum ('open', 'closed');

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

create trigger help_offers_set_timestamps before insert or update on public.help_offers
	for each row execute function public.set_timestamps();

create index help_offers_open_idx on public.help_offers (municipality_id, created_at desc)
	where status = 'open' and hidden_at is null;

create index help_offers_volunteer_idx on public.help_offers (volunteer_id);

create trigger help_offers_rate_limit before insert on public.help_offers
	for each row execute function public.enforce_rate_limit('volunteer_id', '10', '1 hour');

-- Bidirectional override characters are removed from the title (strip_bidi_controls).
create or replace function public.strip_bidi_title() returns trigger language plpgsql set search_path = '' as $$
begin
	new.title := public.strip_bidi_controls(new.title);
	return new;
end;
$$;
revoke all on function public.strip_bidi_title() from public;

create trigger help_offers_strip_bidi before insert or update of title
	on public.help_offers for each row execute function public.strip_bidi_title();

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
-- Verified volunteers (issue 20 point 4): a coordinator met the volunteer in person and saw a
-- VOG (certificate of conduct). Only the dates are kept; the VOG itself is never uploaded. The
-- verification lapses on expires_on (the municipality's volunteer_verification_months after
-- verifying). Requests for a vulnerable person are offered to and accepted for verified
-- volunteers only. Written through the functions in 29_buurthulp_trust.sql.
-- ---------------------------------------------------------------------------------------------

create table public.volunteer_verifications (
	volunteer_id uuid primary key references public.profiles (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	-- The volunteer asked to be verified (shown to coordinators as waiting).
	requested_at timestamptz,
	verified_at timestamptz,
	verified_by uuid references public.profiles (id) on delete set null,
	met_on date,
	vog_issued_on date,
	expires_on date,
	-- The volunteer was told the verification lapses soon.
	reminder_sent_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint volunteer_verifications_complete check (
		(verified_at is null and met_on is null and vog_issued_on is null and expires_on is null)
		or (verified_at is not null and met_on is not null and vog_issued_on is not null and expires_on is not null)
	)
);

create trigger volunteer_verifications_set_timestamps before insert or update on public.volunteer_verifications
	for each row execute function public.set_timestamps();

create index volunteer_verifications_municipality_idx on public.volunteer_verifications (municipality_id, expires_on);

alter table public.volunteer_verifications enable row level security;

create policy "Volunteers see their own verification" on public.volunteer_verifications
	for select to authenticated using (volunteer_id = (select auth.uid()));

create policy "Coordinators see the verifications of their municipality" on public.volunteer_verifications
	for select to authenticated using (public.has_role('coordinator', municipality_id));

-- Verified and not lapsed. For security definer functions (pages show it as a badge).
create or replace function public.is_verified_volunteer(p_volunteer_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.volunteer_verifications v
		where v.volunteer_id = p_volunteer_id and v.verified_at is not null and v.expires_on >= current_date
	);
$$;
revoke all on function public.is_verified_volunteer(uuid) from public, anon, authenticated;
