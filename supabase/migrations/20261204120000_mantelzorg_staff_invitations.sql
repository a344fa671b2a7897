-- Mantelzorgwaardering, issue 16.8: shop staff are invited, not added. add_shop_staff told the
-- caller whether an e-mail address had an account and made that account shop staff without its
-- consent. Now an approved shop's owner invites an address; the answer is the same for every
-- address, the address gets a mail (whether or not it has an account), and the invitee becomes
-- staff only by accepting the invitation while signed in with that address.
--
-- The outbox learns to mail an address that has no account (recipient_email), because an
-- invitation often goes to someone who makes their account after reading it.

-- ---------------------------------------------------------------------------------------------
-- Notification outbox: a recipient is an account or, for invitations, an e-mail address
-- ---------------------------------------------------------------------------------------------

alter table public.notification_outbox
	alter column recipient_id drop not null,
	add column recipient_email text check (
		recipient_email is null or (char_length(recipient_email) <= 320 and recipient_email ~ '^[^@\s]+@[^@\s]+$')
	),
	add constraint notification_outbox_one_recipient check ((recipient_id is null) <> (recipient_email is null));

-- For a mail to an address: the same queue, retries and order as notify().
create or replace function public.notify_address(p_municipality_id uuid, p_email text, p_kind text, p_payload jsonb)
returns void language sql security definer set search_path = '' as $$
	insert into public.notification_outbox (municipality_id, recipient_email, kind, payload)
	select p_municipality_id, lower(trim(p_email)), p_kind, p_payload where p_email is not null;
$$;
revoke all on function public.notify_address(uuid, text, text, jsonb) from public, anon, authenticated;

-- As in *_hardening.sql, and a row addressed to an e-mail address is mailed there (no name).
create or replace function public.claim_notifications(p_limit integer default 50)
returns table (id uuid, kind text, payload jsonb, email text, display_name text) language sql security definer set search_path = '' as $$
	with claimed as (
		update public.notification_outbox o set sent_at = now(), attempts = o.attempts + 1
		where o.id in (
			select n.id from public.notification_outbox n
			where n.sent_at is null and (n.next_attempt_at is null or n.next_attempt_at <= now())
				and not exists (
					select 1 from public.notification_outbox e
					where e.recipient_id = n.recipient_id and e.thread = n.thread
						and e.sent_at is null and e.seq < n.seq
				)
			order by n.seq limit p_limit for update skip locked
		)
		returning o.id, o.kind, o.payload, o.recipient_id, o.recipient_email, o.seq
	)
	select c.id, c.kind, c.payload, coalesce(u.email::text, c.recipient_email), p.display_name
	from claimed c left join auth.users u on u.id = c.recipient_id left join public.profiles p on p.id = c.recipient_id
	where u.id is not null or c.recipient_email is not null
	order by c.seq;
$$;
revoke all on function public.claim_notifications(integer) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer) to service_role;

insert into public.notification_kinds (kind, area) values ('shop_staff_invited', 'mantelzorg')
on conflict (kind) do nothing;

-- ---------------------------------------------------------------------------------------------
-- Invitations
-- ---------------------------------------------------------------------------------------------

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

drop function public.add_shop_staff(uuid, text);

-- The owner's staff page: who works at the shop, and the invitations not yet accepted (open, or
-- expired within the last 30 days so the owner sees why someone is missing).
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

select public.add_timestamp_triggers();
