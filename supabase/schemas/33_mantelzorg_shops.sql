-- Mantelzorgwaardering, the shops (ondernemers): sign-up by a business, approval by the
-- municipality, staff added by the shop's owner, and the public list of approved shops.
-- Redemptions and reimbursement batches follow in 34_mantelzorg_redemptions.sql.

-- ---------------------------------------------------------------------------------------------
-- Closed value lists
-- ---------------------------------------------------------------------------------------------

create type public.shop_status as enum ('pending', 'approved', 'suspended');

create type public.shop_category as enum (
	'groceries', 'bakery_butcher', 'flowers_garden', 'books_gifts', 'clothing_shoes',
	'food_drink', 'care_wellness', 'hobby_sport', 'household', 'other'
);

-- The shop hears the municipality's decision (words in src/lib/server/mantelzorg/mail.ts).
insert into public.notification_kinds (kind, area) values
	('shop_approved', 'mantelzorg'),
	('shop_suspended', 'mantelzorg');

-- ---------------------------------------------------------------------------------------------
-- Shops and their private details
-- ---------------------------------------------------------------------------------------------

-- The public face of a shop: what the list of participating shops shows once it is approved.
create table public.shops (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	name text not null check (char_length(name) between 2 and 100),
	kvk_number text not null check (kvk_number ~ '^[0-9]{8}$'),
	street_address text not null check (char_length(street_address) between 3 and 120),
	postcode text not null check (postcode ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
	city text not null check (char_length(city) between 2 and 80),
	district_id uuid references public.districts (id) on delete set null,
	category text not null check (category = any (enum_range(null::public.shop_category)::text[])),
	description text check (description is null or char_length(description) <= 500),
	latitude double precision check (latitude between -90 and 90),
	longitude double precision check (longitude between -180 and 180),
	status text not null default 'pending'
		check (status = any (enum_range(null::public.shop_status)::text[])),
	-- The account that signed the shop up; it adds and removes the shop's staff.
	owner_user_id uuid references auth.users (id) on delete set null,
	decided_by uuid references auth.users (id) on delete set null,
	decided_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (municipality_id, kvk_number)
);

create trigger shops_set_timestamps before insert or update on public.shops
	for each row execute function public.set_timestamps();

create index shops_list_idx on public.shops (municipality_id, status, district_id, category, name);

create index shops_owner_idx on public.shops (owner_user_id);

-- Bank account and contact person: only the shop's owner and the municipality's admins read them.
create table public.shop_private_details (
	shop_id uuid primary key references public.shops (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	iban text not null check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$'),
	account_holder text not null check (char_length(account_holder) between 2 and 70),
	contact_name text not null check (char_length(contact_name) between 2 and 80),
	contact_email text not null check (char_length(contact_email) between 3 and 320),
	contact_phone text check (contact_phone is null or contact_phone ~ '^\+?[0-9 ()-]{6,20}$'),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger shop_private_details_set_timestamps before insert or update on public.shop_private_details
	for each row execute function public.set_timestamps();

-- memberships.shop_id (02_platform_roles.sql) was waiting for this table.
alter table public.memberships
	add constraint memberships_shop_id_fkey foreign key (shop_id) references public.shops (id) on delete cascade;

-- At most 3 sign-ups per account per day: a sign-up form is a favourite of spammers.
create trigger shops_rate_limit before insert on public.shops
	for each row execute function public.enforce_rate_limit('owner_user_id', '3', '1 day');

alter table public.shops enable row level security;

alter table public.shop_private_details enable row level security;

-- No public policy: the public reads approved shops through approved_shops, which returns only
-- the columns the list shows (no owner or deciding admin).
create policy "Shop staff see their own shop" on public.shops
	for select to authenticated using (
		owner_user_id = (select auth.uid()) or public.has_role('shop_staff', municipality_id, id)
	);

create policy "Municipality admins see the shops of their municipality" on public.shops
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

create policy "Shop owners see their shop's private details" on public.shop_private_details
	for select to authenticated using (
		exists (select 1 from public.shops s where s.id = shop_id and s.owner_user_id = (select auth.uid()))
	);

create policy "Municipality admins see the private details of their shops" on public.shop_private_details
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- ---------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------

-- True when the signed-in user owns the shop. security definer: used inside policies and checks.
create or replace function public.owns_shop(p_shop_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.shops s where s.id = p_shop_id and s.owner_user_id = (select auth.uid())
	);
$$;
revoke all on function public.owns_shop(uuid) from public;
grant execute on function public.owns_shop(uuid) to authenticated;

-- A shop's owner sees who works at the shop.
create policy "Shop owners see their shop's staff" on public.memberships
	for select to authenticated using (shop_id is not null and public.owns_shop(shop_id));

-- ---------------------------------------------------------------------------------------------
-- Changes: sign-up, decision, staff
-- ---------------------------------------------------------------------------------------------

-- A business signs up; the shop waits for the municipality. The signed-in account becomes its
-- owner and its first staff member (redeeming still waits for approval).
create or replace function public.register_shop(
	p_name text,
	p_kvk_number text,
	p_street_address text,
	p_postcode text,
	p_city text,
	p_district_id uuid,
	p_category text,
	p_description text,
	p_iban text,
	p_account_holder text,
	p_contact_name text,
	p_contact_email text,
	p_contact_phone text
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_municipality uuid;
	v_id uuid;
	v_lat double precision;
	v_lng double precision;
begin
	perform public.assert_max_length(p_name, 100, 'name');
	perform public.assert_max_length(p_kvk_number, 8, 'kvk_number');
	perform public.assert_max_length(p_street_address, 120, 'street_address');
	perform public.assert_max_length(p_postcode, 7, 'postcode');
	perform public.assert_max_length(p_city, 80, 'city');
	perform public.assert_max_length(p_category, 40, 'category');
	perform public.assert_max_length(p_description, 500, 'description');
	perform public.assert_max_length(p_iban, 34, 'iban');
	perform public.assert_max_length(p_account_holder, 70, 'account_holder');
	perform public.assert_max_length(p_contact_name, 80, 'contact_name');
	perform public.assert_max_length(p_contact_email, 320, 'contact_email');
	perform public.assert_max_length(p_contact_phone, 20, 'contact_phone');
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	if public.is_blocked() then
		raise exception 'account_blocked' using errcode = '42501';
	end if;
	v_municipality := public.my_municipality_id();
	if p_district_id is not null then
		select d.latitude, d.longitude into v_lat, v_lng
		from public.districts d where d.id = p_district_id and d.municipality_id = v_municipality;
		if not found then
			raise exception 'district_not_found' using errcode = '22023';
		end if;
	end if;
	if exists (select 1 from public.shops s where s.municipality_id = v_municipality and s.kvk_number = p_kvk_number) then
		raise exception 'kvk_already_registered' using errcode = '23505';
	end if;
	-- Until the municipality places it on the map, a shop shows at its wijk's point.
	insert into public.shops (
		municipality_id, name, kvk_number, street_address, postcode, city, district_id, category,
		description, latitude, longitude, owner_user_id
	) values (
		v_municipality, trim(p_name), p_kvk_number, trim(p_street_address), upper(p_postcode), trim(p_city),
		p_district_id, p_category, nullif(trim(p_description), ''), v_lat, v_lng, v_uid
	) returning id into v_id;
	insert into public.shop_private_details (
		shop_id, municipality_id, iban, account_holder, contact_name, contact_email, contact_phone
	) values (
		v_id, v_municipality, upper(replace(p_iban, ' ', '')), trim(p_account_holder), trim(p_contact_name),
		lower(trim(p_contact_email)), nullif(trim(p_contact_phone), '')
	);
	insert into public.memberships (user_id, municipality_id, role, shop_id, granted_by)
	values (v_uid, v_municipality, 'shop_staff', v_id, v_uid);
	return v_id;
end;
$$;
revoke all on function public.register_shop(text, text, text, text, text, uuid, text, text, text, text, text, text, text) from public;
grant execute on function public.register_shop(text, text, text, text, text, uuid, text, text, text, text, text, text, text) to authenticated;

-- The municipality approves a shop, or suspends one (no more redemptions, off the public list).
create or replace function public.decide_shop(p_shop_id uuid, p_status text) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_shop public.shops;
begin
	perform public.assert_max_length(p_status, 20, 'status');
	select * into v_shop from public.shops s where s.id = p_shop_id for update;
	if v_shop.id is null or not public.has_role('municipality_admin', v_shop.municipality_id) then
		raise exception 'shop_not_found' using errcode = 'PT404';
	end if;
	if p_status is null or p_status not in ('approved', 'suspended') then
		raise exception 'invalid_status' using errcode = '22023';
	end if;
	update public.shops set status = p_status, decided_by = (select auth.uid()), decided_at = now()
	where id = p_shop_id;
	perform public.notify(v_shop.municipality_id, v_shop.owner_user_id,
		case when p_status = 'approved' then 'shop_approved' else 'shop_suspended' end,
		jsonb_build_object('shop_name', v_shop.name));
	perform public.log_audit(v_shop.municipality_id, 'mantelzorg.shop_decided', 'shop', v_shop.id,
		jsonb_build_object('status', p_status));
end;
$$;
revoke all on function public.decide_shop(uuid, text) from public, anon;
grant execute on function public.decide_shop(uuid, text) to authenticated;

-- The owner removes a staff member; the owner's own row stays (the owner owns the shop).
create or replace function public.remove_shop_staff(p_membership_id uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_row public.memberships;
begin
	delete from public.memberships m
	where m.id = p_membership_id and m.role = 'shop_staff' and public.owns_shop(m.shop_id)
		and m.user_id <> (select auth.uid())
	returning * into v_row;
	if v_row.id is null then
		raise exception 'membership_not_found' using errcode = 'PT404';
	end if;
	perform public.log_audit(v_row.municipality_id, 'mantelzorg.shop_staff_removed', 'shop', v_row.shop_id, '{}'::jsonb);
end;
$$;
revoke all on function public.remove_shop_staff(uuid) from public, anon;
grant execute on function public.remove_shop_staff(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Pages
-- ---------------------------------------------------------------------------------------------

-- The public list (and the map layer later): approved shops, filtered by wijk and category, and
-- the municipality's wijken for the filter, in one call.
create or replace function public.approved_shops(
	p_municipality_id uuid default null,
	p_district_id uuid default null,
	p_category text default null
) returns jsonb language sql stable security definer set search_path = '' as $$
	with m as (
		select coalesce(p_municipality_id, public.current_municipality_id()) as id
	)
	select jsonb_build_object(
		'shops', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', s.id, 'name', s.name, 'street_address', s.street_address, 'postcode', s.postcode,
				'city', s.city, 'district_id', s.district_id, 'district_name', d.name,
				'category', s.category, 'description', s.description,
				'latitude', s.latitude, 'longitude', s.longitude
			) order by s.name)
			from public.shops s
			left join public.districts d on d.id = s.district_id
			where s.status = 'approved'
				and s.municipality_id = (select id from m)
				and (p_district_id is null or s.district_id = p_district_id)
				and (p_category is null or s.category = p_category)
				and char_length(coalesce(p_category, '')) <= 40
		), '[]'::jsonb),
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = (select id from m)
		), '[]'::jsonb)
	);
$$;
revoke all on function public.approved_shops(uuid, uuid, text) from public;
grant execute on function public.approved_shops(uuid, uuid, text) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Staff invitations (issue 16.8): the owner of an approved shop invites an address; the answer is
-- the same for every address, the address gets a mail, and the invitee becomes staff only by
-- accepting while signed in with that address
-- ---------------------------------------------------------------------------------------------

insert into public.notification_kinds (kind, area) values ('shop_staff_invited', 'mantelzorg');

create table public.shop_staff_invitations (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	shop_id uuid not null references public.shops (id) on delete cascade,
	-- Stored lower-case; compared with the signed-in account's address on acceptance.
	email text not null check (char_length(email) between 3 and 320 and email ~ '^[^@\s]+@[^@\s]+$'),
	invited_by uuid references auth.users (id) on delete set null,
	expires_at timestamptz not null default now() + interval '14 days',
	accepted_at timestamptz,
	accepted_by uuid references auth.users (id) on delete set null,
	withdrawn_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint shop_staff_invitations_closed_once check (accepted_at is null or withdrawn_at is null)
);

-- One open invitation per address per shop: inviting again renews it.
create unique index shop_staff_invitations_open_idx on public.shop_staff_invitations (shop_id, email)
	where accepted_at is null and withdrawn_at is null;

create index shop_staff_invitations_shop_idx on public.shop_staff_invitations (shop_id, created_at desc);

create trigger shop_staff_invitations_rate_limit before insert on public.shop_staff_invitations
	for each row execute function public.enforce_rate_limit('invited_by', '30', '1 day');

create trigger shop_staff_invitations_set_timestamps before insert or update on public.shop_staff_invitations
	for each row execute function public.set_timestamps();

alter table public.shop_staff_invitations enable row level security;

-- The invitee reads their invitation through shop_invitation_page (it checks the address); the
-- owner sees whom the shop invited, the municipality's admins every invitation. Every change
-- goes through the functions below.
create policy "Shop owners see their shop's invitations" on public.shop_staff_invitations
	for select to authenticated using (public.owns_shop(shop_id));

create policy "Municipality admins see the staff invitations of their municipality" on public.shop_staff_invitations
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- The signed-in account's e-mail address, lower-case (null when signed out).
create or replace function public.my_email() returns text language sql stable security definer set search_path = '' as $$
	select lower(u.email::text) from auth.users u where u.id = (select auth.uid());
$$;
revoke all on function public.my_email() from public, anon, authenticated;

-- The owner of an approved shop invites an address. Whether the address has an account, or
-- already works at the shop, changes nothing in the answer: the invitation's id.
create or replace function public.invite_shop_staff(p_shop_id uuid, p_email text) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_shop public.shops;
	v_email text := lower(trim(p_email));
	v_id uuid;
begin
	perform public.assert_max_length(p_email, 320, 'email');
	select * into v_shop from public.shops s where s.id = p_shop_id;
	if v_shop.id is null or v_shop.owner_user_id is distinct from (select auth.uid()) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_shop.status <> 'approved' then
		raise exception 'shop_not_approved' using errcode = 'PT409';
	end if;
	if v_email is null or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
		raise exception 'invalid_email' using errcode = '22023';
	end if;
	update public.shop_staff_invitations i set expires_at = now() + interval '14 days', invited_by = (select auth.uid())
	where i.shop_id = p_shop_id and i.email = v_email and i.accepted_at is null and i.withdrawn_at is null
	returning i.id into v_id;
	if v_id is null then
		insert into public.shop_staff_invitations (municipality_id, shop_id, email, invited_by)
		values (v_shop.municipality_id, p_shop_id, v_email, (select auth.uid()))
		returning id into v_id;
	end if;
	perform public.notify_address(v_shop.municipality_id, v_email, 'shop_staff_invited',
		jsonb_build_object('invitation_id', v_id, 'shop_name', v_shop.name));
	perform public.log_audit(v_shop.municipality_id, 'mantelzorg.shop_staff_invited', 'shop_staff_invitation', v_id,
		jsonb_build_object('shop_id', p_shop_id));
	return v_id;
end;
$$;
revoke all on function public.invite_shop_staff(uuid, text) from public, anon;
grant execute on function public.invite_shop_staff(uuid, text) to authenticated;

-- The invitation as its invitee sees it: the shop's name and whether it can still be accepted.
-- Null for anyone signed in with another address, so an invitation's id alone reveals nothing.
create or replace function public.shop_invitation_page(p_invitation_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'id', i.id, 'shop_id', s.id, 'shop_name', s.name, 'expires_at', i.expires_at,
		'status', case
			when i.accepted_at is not null then 'accepted'
			when i.withdrawn_at is not null then 'withdrawn'
			when i.expires_at < now() then 'expired'
			when s.status <> 'approved' then 'shop_not_approved'
			else 'open' end
	)
	from public.shop_staff_invitations i join public.shops s on s.id = i.shop_id
	where i.id = p_invitation_id and i.email = public.my_email();
$$;
revoke all on function public.shop_invitation_page(uuid) from public, anon;
grant execute on function public.shop_invitation_page(uuid) to authenticated;

-- The invitee accepts while signed in with the invited address and becomes the shop's staff.
-- Returns the shop's id.
create or replace function public.accept_shop_invitation(p_invitation_id uuid) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_invitation public.shop_staff_invitations;
	v_shop public.shops;
begin
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	select * into v_invitation from public.shop_staff_invitations i
	where i.id = p_invitation_id and i.email = public.my_email()
	for update;
	if v_invitation.id is null or v_invitation.withdrawn_at is not null then
		raise exception 'invitation_not_found' using errcode = 'PT404';
	end if;
	select * into v_shop from public.shops s where s.id = v_invitation.shop_id;
	if v_invitation.accepted_at is not null then
		return v_shop.id;
	end if;
	if v_invitation.expires_at < now() then
		raise exception 'invitation_expired' using errcode = 'PT409';
	end if;
	if v_shop.status <> 'approved' then
		raise exception 'shop_not_approved' using errcode = 'PT409';
	end if;
	insert into public.memberships (user_id, municipality_id, role, shop_id, granted_by)
	values (v_uid, v_shop.municipality_id, 'shop_staff', v_shop.id, v_invitation.invited_by)
	on conflict do nothing;
	update public.shop_staff_invitations set accepted_at = now(), accepted_by = v_uid where id = v_invitation.id;
	perform public.log_audit(v_shop.municipality_id, 'mantelzorg.shop_staff_joined', 'shop_staff_invitation',
		v_invitation.id, jsonb_build_object('shop_id', v_shop.id));
	return v_shop.id;
end;
$$;
revoke all on function public.accept_shop_invitation(uuid) from public, anon;
grant execute on function public.accept_shop_invitation(uuid) to authenticated;

-- The owner withdraws an invitation that was not accepted yet.
create or replace function public.withdraw_shop_invitation(p_invitation_id uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_invitation public.shop_staff_invitations;
begin
	update public.shop_staff_invitations i set withdrawn_at = now()
	where i.id = p_invitation_id and i.accepted_at is null and i.withdrawn_at is null and public.owns_shop(i.shop_id)
	returning * into v_invitation;
	if v_invitation.id is null then
		raise exception 'invitation_not_found' using errcode = 'PT404';
	end if;
end;
$$;
revoke all on function public.withdraw_shop_invitation(uuid) from public, anon;
grant execute on function public.withdraw_shop_invitation(uuid) to authenticated;

-- The owner's staff page: the shop and who works there.
create or replace function public.shop_staff_page(p_shop_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
begin
	if not public.owns_shop(p_shop_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return (
		select jsonb_build_object(
			'shop', jsonb_build_object('id', s.id, 'name', s.name, 'status', s.status),
			'staff', coalesce((
				select jsonb_agg(jsonb_build_object(
					'membership_id', m.id, 'user_id', m.user_id, 'display_name', p.display_name,
					'is_owner', m.user_id = s.owner_user_id, 'created_at', m.created_at
				) order by m.user_id <> s.owner_user_id, p.display_name)
				from public.memberships m join public.profiles p on p.id = m.user_id
				where m.shop_id = s.id and m.role = 'shop_staff'
			), '[]'::jsonb),
			'invitations', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', i.id, 'email', i.email, 'created_at', i.created_at, 'expires_at', i.expires_at,
					'expired', i.expires_at < now()
				) order by i.created_at desc)
				from public.shop_staff_invitations i
				where i.shop_id = s.id and i.accepted_at is null and i.withdrawn_at is null
					and i.expires_at > now() - interval '30 days'
			), '[]'::jsonb)
		)
		from public.shops s where s.id = p_shop_id
	);
end;
$$;
revoke all on function public.shop_staff_page(uuid) from public, anon;
grant execute on function public.shop_staff_page(uuid) to authenticated;

-- The admin's shop page: every shop of the municipality with its private details, pending first.
create or replace function public.shop_admin_page() returns jsonb language plpgsql stable security invoker set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return coalesce((
		select jsonb_agg(jsonb_build_object(
			'id', s.id, 'name', s.name, 'kvk_number', s.kvk_number, 'street_address', s.street_address,
			'postcode', s.postcode, 'city', s.city, 'district_name', d.name, 'category', s.category,
			'status', s.status, 'created_at', s.created_at, 'iban', pd.iban,
			'contact_name', pd.contact_name, 'contact_email', pd.contact_email
		) order by s.status <> 'pending', s.name)
		from public.shops s
		left join public.districts d on d.id = s.district_id
		left join public.shop_private_details pd on pd.shop_id = s.id
		where s.municipality_id = v_municipality
	), '[]'::jsonb);
end;
$$;
revoke all on function public.shop_admin_page() from public;
grant execute on function public.shop_admin_page() to authenticated;
