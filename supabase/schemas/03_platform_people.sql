-- Platform people: a public profile and, in their own table, the contact details only the owner
-- reads (and, in Buurthulp, the matched volunteer: 22_buurthulp_matching.sql). A profile appears
-- with the account.

create table public.profiles (
	id uuid primary key references auth.users (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id),
	display_name text not null check (char_length(display_name) between 1 and 80),
	district_id uuid references public.districts (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger profiles_set_timestamps before insert or update on public.profiles
	for each row execute function public.set_timestamps();

create index profiles_municipality_idx on public.profiles (municipality_id, display_name);

create table public.profile_contacts (
	profile_id uuid primary key references public.profiles (id) on delete cascade,
	phone text check (phone is null or phone ~ '^\+?[0-9 ()-]{6,20}$'),
	street_address text check (street_address is null or char_length(street_address) <= 120),
	postcode text check (postcode is null or postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
	city text check (city is null or char_length(city) <= 80),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger profile_contacts_set_timestamps before insert or update on public.profile_contacts
	for each row execute function public.set_timestamps();

-- A profile appears with the account. It belongs to the municipality of the site it signed up on
-- (the sign-up form sends the host's slug as metadata); without one (an API caller), the oldest.
create or replace function public.handle_new_user() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid;
	v_meta jsonb := public.auth_user_metadata(new.raw_user_meta_data);
begin
	select id into v_municipality from public.municipalities where slug = v_meta ->> 'municipality';
	if v_municipality is null then
		v_municipality := public.default_municipality_id();
	end if;
	insert into public.profiles (id, municipality_id, display_name)
	values (
		new.id,
		v_municipality,
		coalesce(nullif(left(trim(v_meta ->> 'display_name'), 80), ''), split_part(new.email, '@', 1))
	);
	insert into public.profile_contacts (profile_id) values (new.id);
	return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users
	for each row execute function public.handle_new_user();

alter table public.profiles enable row level security;

alter table public.profile_contacts enable row level security;

-- security definer: a policy on profiles cannot read profiles itself without recursing.
create or replace function public.my_municipality_id() returns uuid language sql stable security definer set search_path = '' as $$
	select municipality_id from public.profiles where id = (select auth.uid());
$$;
revoke all on function public.my_municipality_id() from public;
grant execute on function public.my_municipality_id() to authenticated;

create policy "Signed-in people see profiles in their municipality" on public.profiles
	for select to authenticated using (
		id = (select auth.uid()) or municipality_id = (select public.my_municipality_id())
	);

-- The municipality is set by the sign-up trigger and changes only through maintenance, and the
-- wijk must belong to it: otherwise a person could move into another municipality and see its
-- people, boards and roles pages. In WITH CHECK, my_municipality_id() still reads the row as it
-- was before this update.
create policy "People update their own profile" on public.profiles
	for update to authenticated
	using (id = (select auth.uid()))
	with check (
		id = (select auth.uid())
		and municipality_id = (select public.my_municipality_id())
		and (
			district_id is null
			or exists (
				select 1 from public.districts d
				where d.id = profiles.district_id and d.municipality_id = profiles.municipality_id
			)
		)
	);

create policy "People see their own contact details" on public.profile_contacts
	for select to authenticated using (profile_id = (select auth.uid()));

create policy "People update their own contact details" on public.profile_contacts
	for update to authenticated
	using (profile_id = (select auth.uid()))
	with check (profile_id = (select auth.uid()));

-- Bidirectional override characters are removed from names (strip_bidi_controls).
create or replace function public.strip_bidi_display_name() returns trigger language plpgsql set search_path = '' as $$
begin
	new.display_name := public.strip_bidi_controls(new.display_name);
	return new;
end;
$$;
revoke all on function public.strip_bidi_display_name() from public;

create trigger profiles_strip_bidi before insert or update of display_name
	on public.profiles for each row execute function public.strip_bidi_display_name();
