-- Platform: setting up a municipality without a developer (issue 18). The platform operator
-- creates it (name, slug, host names, coordinator phone, mail sender, the account its payouts are
-- paid from) and invites its first admin (11_platform_invitations.sql); the municipality's admin
-- then sets its look (colours and logo as design tokens, contrast checked here too, because the
-- API allows no more than the pages). Every function here checks the caller's role in the
-- municipality it changes.

-- ---------------------------------------------------------------------------------------------
-- Helpers: IBAN, colours
-- ---------------------------------------------------------------------------------------------

-- An IBAN as ISO 13616 defines it (country, check digits, mod 97 = 1), spaces ignored. The pages
-- check with ibantools first; this keeps the API from storing what the pages would refuse.
create or replace function public.is_valid_iban(p_iban text) returns boolean language plpgsql immutable set search_path = '' as $$
declare
	v_iban text := upper(replace(coalesce(p_iban, ''), ' ', ''));
	v_digits text := '';
	v_char text;
	v_rest integer := 0;
begin
	if v_iban !~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' then
		return false;
	end if;
	v_iban := substr(v_iban, 5) || substr(v_iban, 1, 4);
	foreach v_char in array regexp_split_to_array(v_iban, '') loop
		v_digits := v_digits || case when v_char ~ '[0-9]' then v_char else (ascii(v_char) - 55)::text end;
	end loop;
	-- mod 97 in pieces, so no number grows past an integer
	while char_length(v_digits) > 0 loop
		v_rest := ((v_rest::text || left(v_digits, 7))::bigint % 97)::integer;
		v_digits := substr(v_digits, 8);
	end loop;
	return v_rest = 1;
end;
$$;
revoke all on function public.is_valid_iban(text) from public, anon, authenticated, service_role;
grant execute on function public.is_valid_iban(text) to authenticated, service_role;

-- WCAG 2.1 relative luminance of a #rrggbb colour.
create or replace function public.relative_luminance(p_hex text) returns double precision language sql immutable set search_path = '' as $$
	select 0.2126 * c[1] + 0.7152 * c[2] + 0.0722 * c[3]
	from (
		select array(
			select case when v <= 0.03928 then v / 12.92 else power((v + 0.055) / 1.055, 2.4) end
			from (
				select ('x' || substr(lower(p_hex), i, 2))::bit(8)::integer / 255.0 as v, i
				from unnest(array[2, 4, 6]) as i
			) x order by i
		) as c
	) y;
$$;
revoke all on function public.relative_luminance(text) from public, anon, authenticated, service_role;

-- The contrast ratio of two #rrggbb colours (1 to 21).
create or replace function public.contrast_ratio(p_a text, p_b text) returns double precision language sql immutable set search_path = '' as $$
	select (greatest(a, b) + 0.05) / (least(a, b) + 0.05)
	from (select public.relative_luminance(p_a) as a, public.relative_luminance(p_b) as b) l;
$$;
revoke all on function public.contrast_ratio(text, text) from public, anon, authenticated, service_role;
grant execute on function public.contrast_ratio(text, text) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- The account payouts are paid from
-- ---------------------------------------------------------------------------------------------

-- Not secret, but no business of visitors: the municipality's admins and the operators read it.
create table public.municipality_payout_accounts (
	municipality_id uuid primary key references public.municipalities (id) on delete cascade,
	iban text not null check (public.is_valid_iban(iban)),
	account_holder text not null check (char_length(account_holder) between 2 and 70),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger municipality_payout_accounts_set_timestamps before insert or update on public.municipality_payout_accounts
	for each row execute function public.set_timestamps();

alter table public.municipality_payout_accounts enable row level security;

create policy "Admins and operators see the municipality's payout account" on public.municipality_payout_accounts
	for select to authenticated using (
		public.has_role('municipality_admin', municipality_id) or public.is_platform_operator()
	);

-- ---------------------------------------------------------------------------------------------
-- The look: design tokens and a logo
-- ---------------------------------------------------------------------------------------------

-- A few NL Design System tokens as colours; the app serves them as one stylesheet per
-- municipality (/gemeente/stijl.css). Each pair the pages put together must reach WCAG AA
-- (4.5:1): white text on the primary and dark colours, the primary colour and body text on white
-- and on the header's surface colour.
create table public.municipality_looks (
	municipality_id uuid primary key references public.municipalities (id) on delete cascade,
	primary_color text not null check (primary_color ~ '^#[0-9a-f]{6}$'),
	primary_dark_color text not null check (primary_dark_color ~ '^#[0-9a-f]{6}$'),
	surface_color text not null check (surface_color ~ '^#[0-9a-f]{6}$'),
	logo bytea check (logo is null or octet_length(logo) between 16 and 204800),
	logo_type text check (logo_type in ('image/png', 'image/jpeg', 'image/webp')),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- The logo stands beside the municipality's name in the header, so it needs no text of its own.
	constraint municipality_looks_logo_complete check ((logo is null) = (logo_type is null))
);

create trigger municipality_looks_set_timestamps before insert or update on public.municipality_looks
	for each row execute function public.set_timestamps();

alter table public.municipality_looks enable row level security;

-- The look is what every visitor's browser downloads anyway.
create policy "Looks are public" on public.municipality_looks
	for select to anon, authenticated using (true);

-- Null when every pair reaches 4.5:1; else the first pair that does not, as a code.
create or replace function public.look_contrast_problem(p_primary text, p_primary_dark text, p_surface text) returns text language sql immutable set search_path = '' as $$
	select case
		when public.contrast_ratio(p_primary, '#ffffff') < 4.5 then 'primary_on_white'
		when public.contrast_ratio(p_primary_dark, '#ffffff') < 4.5 then 'dark_on_white'
		when public.contrast_ratio(p_primary, p_surface) < 4.5 then 'primary_on_surface'
		when public.contrast_ratio('#1a1a1a', p_surface) < 4.5 then 'text_on_surface'
	end;
$$;
revoke all on function public.look_contrast_problem(text, text, text) from public, anon, authenticated, service_role;
grant execute on function public.look_contrast_problem(text, text, text) to anon, authenticated, service_role;

-- The admin saves the colours (and, when given, the logo: base64 of at most 200 KB).
create or replace function public.save_municipality_look(
	p_primary text,
	p_primary_dark text,
	p_surface text,
	p_logo_base64 text default null,
	p_logo_type text default null,
	p_remove_logo boolean default false
) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_problem text;
	v_logo bytea;
begin
	perform public.assert_max_length(p_primary, 7, 'primary');
	perform public.assert_max_length(p_primary_dark, 7, 'primary_dark');
	perform public.assert_max_length(p_surface, 7, 'surface');
	perform public.assert_max_length(p_logo_base64, 280000, 'logo');
	perform public.assert_max_length(p_logo_type, 20, 'logo_type');
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if lower(coalesce(p_primary, '')) !~ '^#[0-9a-f]{6}$' or lower(coalesce(p_primary_dark, '')) !~ '^#[0-9a-f]{6}$'
		or lower(coalesce(p_surface, '')) !~ '^#[0-9a-f]{6}$' then
		raise exception 'invalid_color' using errcode = '22023';
	end if;
	v_problem := public.look_contrast_problem(lower(p_primary), lower(p_primary_dark), lower(p_surface));
	if v_problem is not null then
		raise exception 'contrast_too_low: %', v_problem using errcode = '22023';
	end if;
	if p_logo_base64 is not null then
		if p_logo_type is null or p_logo_type not in ('image/png', 'image/jpeg', 'image/webp') then
			raise exception 'invalid_logo' using errcode = '22023';
		end if;
		begin
			v_logo := decode(p_logo_base64, 'base64');
		exception when others then
			raise exception 'invalid_logo' using errcode = '22023';
		end;
		-- The file must be what it says: PNG, JPEG or WebP by its first bytes.
		if octet_length(v_logo) > 204800 or octet_length(v_logo) < 16 or not (
			(p_logo_type = 'image/png' and substr(v_logo, 1, 8) = '\x89504e470d0a1a0a'::bytea)
			or (p_logo_type = 'image/jpeg' and substr(v_logo, 1, 3) = '\xffd8ff'::bytea)
			or (p_logo_type = 'image/webp' and substr(v_logo, 1, 4) = '\x52494646'::bytea and substr(v_logo, 9, 4) = '\x57454250'::bytea)
		) then
			raise exception 'invalid_logo' using errcode = '22023';
		end if;
	end if;
	insert into public.municipality_looks (municipality_id, primary_color, primary_dark_color, surface_color, logo, logo_type)
	values (v_municipality, lower(p_primary), lower(p_primary_dark), lower(p_surface), v_logo,
		case when v_logo is not null then p_logo_type end)
	on conflict (municipality_id) do update set
		primary_color = excluded.primary_color,
		primary_dark_color = excluded.primary_dark_color,
		surface_color = excluded.surface_color,
		logo = case when p_remove_logo then null when excluded.logo is not null then excluded.logo else municipality_looks.logo end,
		logo_type = case when p_remove_logo then null when excluded.logo is not null then excluded.logo_type else municipality_looks.logo_type end;
	-- The municipality's version changes, so every server serves the new stylesheet.
	update public.municipalities set updated_at = now() where id = v_municipality;
	perform public.log_audit(v_municipality, 'platform.look_saved', 'municipality', v_municipality, '{}'::jsonb);
end;
$$;
revoke all on function public.save_municipality_look(text, text, text, text, text, boolean) from public, anon, authenticated, service_role;
grant execute on function public.save_municipality_look(text, text, text, text, text, boolean) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Creating and changing a municipality (platform operators)
-- ---------------------------------------------------------------------------------------------

-- Replaces the municipality's host names (lower case, without port or trailing dot; the first
-- is its own address). A host of another municipality is refused.
create or replace function public.set_municipality_hosts(p_municipality_id uuid, p_hosts text[]) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_hosts text[];
begin
	perform public.assert_max_items(p_hosts, 20, 'hosts');
	select coalesce(array_agg(h order by n), '{}') into v_hosts
	from (
		select distinct on (h) h, n
		from unnest(p_hosts) with ordinality as x(raw, n),
			lateral (select rtrim(lower(trim(x.raw)), '.') as h) y
		where h <> ''
		order by h, n
	) z;
	if cardinality(v_hosts) = 0 then
		raise exception 'hosts_required' using errcode = '22023';
	end if;
	if exists (
		select 1 from unnest(v_hosts) h
		where char_length(h) > 253 or h !~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$'
	) then
		raise exception 'invalid_host' using errcode = '22023';
	end if;
	if exists (
		select 1 from public.municipality_hosts mh
		where mh.host = any (v_hosts) and mh.municipality_id <> p_municipality_id
	) then
		raise exception 'host_taken' using errcode = '23505';
	end if;
	delete from public.municipality_hosts mh where mh.municipality_id = p_municipality_id and mh.host <> all (v_hosts);
	insert into public.municipality_hosts (host, municipality_id, position)
	select h, p_municipality_id, (n - 1)::smallint from unnest(v_hosts) with ordinality as x(h, n)
	on conflict (host) do update set position = excluded.position;
end;
$$;
revoke all on function public.set_municipality_hosts(uuid, text[]) from public, anon, authenticated, service_role;

create or replace function public.set_payout_account(p_municipality_id uuid, p_iban text, p_account_holder text) returns void language plpgsql security definer set search_path = '' as $$
begin
	perform public.assert_max_length(p_iban, 42, 'iban');
	perform public.assert_max_length(p_account_holder, 70, 'account_holder');
	if nullif(trim(p_iban), '') is null then
		delete from public.municipality_payout_accounts a where a.municipality_id = p_municipality_id;
		return;
	end if;
	if not public.is_valid_iban(p_iban) then
		raise exception 'invalid_iban' using errcode = '22023';
	end if;
	if char_length(coalesce(trim(p_account_holder), '')) < 2 then
		raise exception 'account_holder_required' using errcode = '22023';
	end if;
	insert into public.municipality_payout_accounts (municipality_id, iban, account_holder)
	values (p_municipality_id, upper(replace(p_iban, ' ', '')), trim(p_account_holder))
	on conflict (municipality_id) do update set iban = excluded.iban, account_holder = excluded.account_holder;
end;
$$;
revoke all on function public.set_payout_account(uuid, text, text) from public, anon, authenticated, service_role;

-- The operator creates a municipality; it starts empty (its admin adds wijken, buurthuizen and
-- the rest). Returns its id.
create or replace function public.create_municipality(
	p_name text,
	p_slug text,
	p_hosts text[],
	p_coordinator_phone text default null,
	p_mail_sender_name text default null,
	p_payout_iban text default null,
	p_payout_account_holder text default null
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_id uuid;
begin
	perform public.assert_max_length(p_name, 80, 'name');
	perform public.assert_max_length(p_slug, 40, 'slug');
	perform public.assert_max_length(p_coordinator_phone, 20, 'coordinator_phone');
	perform public.assert_max_length(p_mail_sender_name, 80, 'mail_sender_name');
	if not public.is_platform_operator() then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if coalesce(p_slug, '') !~ '^[a-z0-9-]{2,40}$' then
		raise exception 'invalid_slug' using errcode = '22023';
	end if;
	if exists (select 1 from public.municipalities m where m.slug = p_slug) then
		raise exception 'slug_taken' using errcode = '23505';
	end if;
	if char_length(coalesce(trim(p_name), '')) < 2 then
		raise exception 'name_required' using errcode = '22023';
	end if;
	if p_coordinator_phone is not null and p_coordinator_phone !~ '^\+?[0-9 ()-]{6,20}$' then
		raise exception 'invalid_phone' using errcode = '22023';
	end if;
	insert into public.municipalities (slug, name, coordinator_phone, mail_sender_name)
	values (p_slug, trim(p_name), nullif(trim(p_coordinator_phone), ''), nullif(trim(p_mail_sender_name), ''))
	returning id into v_id;
	perform public.set_municipality_hosts(v_id, p_hosts);
	perform public.set_payout_account(v_id, p_payout_iban, p_payout_account_holder);
	perform public.log_audit(v_id, 'platform.municipality_created', 'municipality', v_id, '{}'::jsonb);
	return v_id;
end;
$$;
revoke all on function public.create_municipality(text, text, text[], text, text, text, text) from public, anon, authenticated, service_role;
grant execute on function public.create_municipality(text, text, text[], text, text, text, text) to authenticated;

-- The operator changes a municipality's settings (its slug stays: it is in links and sign-ups).
create or replace function public.update_municipality(
	p_municipality_id uuid,
	p_name text,
	p_hosts text[],
	p_coordinator_phone text default null,
	p_mail_sender_name text default null,
	p_payout_iban text default null,
	p_payout_account_holder text default null
) returns void language plpgsql security definer set search_path = '' as $$
begin
	perform public.assert_max_length(p_name, 80, 'name');
	perform public.assert_max_length(p_coordinator_phone, 20, 'coordinator_phone');
	perform public.assert_max_length(p_mail_sender_name, 80, 'mail_sender_name');
	if not public.is_platform_operator() then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if not exists (select 1 from public.municipalities m where m.id = p_municipality_id) then
		raise exception 'municipality_not_found' using errcode = 'PT404';
	end if;
	if char_length(coalesce(trim(p_name), '')) < 2 then
		raise exception 'name_required' using errcode = '22023';
	end if;
	if p_coordinator_phone is not null and p_coordinator_phone !~ '^\+?[0-9 ()-]{6,20}$' then
		raise exception 'invalid_phone' using errcode = '22023';
	end if;
	update public.municipalities set name = trim(p_name),
		coordinator_phone = nullif(trim(p_coordinator_phone), ''),
		mail_sender_name = nullif(trim(p_mail_sender_name), '')
	where id = p_municipality_id;
	perform public.set_municipality_hosts(p_municipality_id, p_hosts);
	perform public.set_payout_account(p_municipality_id, p_payout_iban, p_payout_account_holder);
	perform public.log_audit(p_municipality_id, 'platform.municipality_changed', 'municipality', p_municipality_id, '{}'::jsonb);
end;
$$;
revoke all on function public.update_municipality(uuid, text, text[], text, text, text, text) from public, anon, authenticated, service_role;
grant execute on function public.update_municipality(uuid, text, text[], text, text, text, text) to authenticated;

-- The operator's overview: every municipality with its host names, admins and open invitations.
create or replace function public.platform_page() returns jsonb language plpgsql stable security definer set search_path = '' as $$
begin
	if not public.is_platform_operator() then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return coalesce((
		select jsonb_agg(jsonb_build_object(
			'id', m.id, 'slug', m.slug, 'name', m.name, 'is_demo', m.is_demo,
			'coordinator_phone', m.coordinator_phone, 'mail_sender_name', m.mail_sender_name,
			'hosts', coalesce((
				select jsonb_agg(h.host order by h.position, h.host) from public.municipality_hosts h where h.municipality_id = m.id
			), '[]'::jsonb),
			'payout_iban', pa.iban, 'payout_account_holder', pa.account_holder,
			'admins', (select count(*) from public.memberships ms where ms.municipality_id = m.id and ms.role = 'municipality_admin'),
			'districts', (select count(*) from public.districts d where d.municipality_id = m.id),
			'created_at', m.created_at
		) order by m.name)
		from public.municipalities m
		left join public.municipality_payout_accounts pa on pa.municipality_id = m.id
	), '[]'::jsonb);
end;
$$;
revoke all on function public.platform_page() from public, anon, authenticated, service_role;
grant execute on function public.platform_page() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- A role's scope stays inside its municipality
-- ---------------------------------------------------------------------------------------------

-- A membership's shop or buurthuis belongs to the membership's municipality, whoever writes it:
-- a Zaanstad admin cannot make anyone board member of a Zwolle buurthuis.
create or replace function public.membership_scope_in_municipality() returns trigger language plpgsql set search_path = '' as $$
begin
	if new.community_centre_id is not null and not exists (
		select 1 from public.community_centres c where c.id = new.community_centre_id and c.municipality_id = new.municipality_id
	) then
		raise exception 'scope_not_in_municipality' using errcode = '22023';
	end if;
	if new.shop_id is not null and not exists (
		select 1 from public.shops s where s.id = new.shop_id and s.municipality_id = new.municipality_id
	) then
		raise exception 'scope_not_in_municipality' using errcode = '22023';
	end if;
	return new;
end;
$$;
revoke all on function public.membership_scope_in_municipality() from public, anon, authenticated, service_role;

create trigger memberships_scope_in_municipality before insert or update on public.memberships
	for each row execute function public.membership_scope_in_municipality();
