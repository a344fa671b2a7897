-- Platform: role invitations (issue 18). The platform operator invites a new municipality's
-- first admin; a municipality's admin invites people to a role there (board members of a
-- buurthuis, coordinators, …), also people without an account yet. The address gets a mail
-- (notify_address); the role is granted only when the invitee accepts, signed in with that
-- address, with an account of that municipality. Shop staff have their own invitations
-- (33_mantelzorg_shops.sql).

create table public.role_invitations (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	-- Stored lower-case; compared with the signed-in account's address on acceptance.
	-- Written as one flat "and" (no between): the migrations hold it as PostgreSQL prints it, and a
	-- between inside an "and" reads back as a different expression, so every db:diff re-added it.
	email text not null check (char_length(email) >= 3 and char_length(email) <= 320 and email ~ '^[^@\s]+@[^@\s]+$'),
	role text not null check (role = any (enum_range(null::public.membership_role)::text[]) and role <> 'shop_staff'),
	community_centre_id uuid references public.community_centres (id) on delete cascade,
	invited_by uuid references auth.users (id) on delete set null,
	expires_at timestamptz not null default now() + interval '14 days',
	accepted_at timestamptz,
	accepted_by uuid references auth.users (id) on delete set null,
	withdrawn_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint role_invitations_scope_matches_role check ((role = 'board_member') = (community_centre_id is not null)),
	constraint role_invitations_closed_once check (accepted_at is null or withdrawn_at is null)
);

create trigger role_invitations_set_timestamps before insert or update on public.role_invitations
	for each row execute function public.set_timestamps();

-- One open invitation per address per role and scope: inviting again renews it.
create unique index role_invitations_open_idx on public.role_invitations (
	municipality_id, email, role, coalesce(community_centre_id, '00000000-0000-0000-0000-000000000000'::uuid)
) where accepted_at is null and withdrawn_at is null;

create index role_invitations_municipality_idx on public.role_invitations (municipality_id, created_at desc);

create trigger role_invitations_rate_limit before insert on public.role_invitations
	for each row execute function public.enforce_rate_limit('invited_by', '50', '1 day');

alter table public.role_invitations enable row level security;

-- The invitee reads theirs through role_invitation_page (it checks the address).
create policy "Municipality admins see the invitations of their municipality" on public.role_invitations
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

create policy "Platform operators see every invitation" on public.role_invitations
	for select to authenticated using (public.is_platform_operator());

insert into public.notification_kinds (kind, area) values ('role_invited', 'tenancy')
on conflict (kind) do nothing;

-- Makes or renews the invitation and mails the address. Shared by the two functions below,
-- which check who may invite.
create or replace function public.create_role_invitation(
	p_municipality_id uuid,
	p_email text,
	p_role text,
	p_community_centre_id uuid
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_email text := lower(trim(p_email));
	v_id uuid;
	v_centre text;
begin
	if v_email is null or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or char_length(v_email) > 320 then
		raise exception 'invalid_email' using errcode = '22023';
	end if;
	if p_role is null or p_role not in ('municipality_admin', 'coordinator', 'caseworker', 'board_member') then
		raise exception 'invalid_role' using errcode = '22023';
	end if;
	if (p_role = 'board_member') <> (p_community_centre_id is not null) then
		raise exception 'invalid_role' using errcode = '22023';
	end if;
	if p_community_centre_id is not null then
		select c.name into v_centre from public.community_centres c
		where c.id = p_community_centre_id and c.municipality_id = p_municipality_id;
		if v_centre is null then
			raise exception 'community_centre_not_found' using errcode = 'PT404';
		end if;
	end if;
	update public.role_invitations i set expires_at = now() + interval '14 days', invited_by = (select auth.uid())
	where i.municipality_id = p_municipality_id and i.email = v_email and i.role = p_role
		and i.community_centre_id is not distinct from p_community_centre_id
		and i.accepted_at is null and i.withdrawn_at is null
	returning i.id into v_id;
	if v_id is null then
		insert into public.role_invitations (municipality_id, email, role, community_centre_id, invited_by)
		values (p_municipality_id, v_email, p_role, p_community_centre_id, (select auth.uid()))
		returning id into v_id;
	end if;
	perform public.notify_address(p_municipality_id, v_email, 'role_invited', jsonb_build_object(
		'invitation_id', v_id, 'role', p_role, 'centre_name', v_centre,
		'municipality_name', (select m.name from public.municipalities m where m.id = p_municipality_id)
	));
	perform public.log_audit(p_municipality_id, 'platform.role_invited', 'role_invitation', v_id,
		jsonb_build_object('role', p_role));
	return v_id;
end;
$$;
revoke all on function public.create_role_invitation(uuid, text, text, uuid) from public, anon, authenticated, service_role;

-- The platform operator invites a municipality's admin.
create or replace function public.invite_municipality_admin(p_municipality_id uuid, p_email text) returns uuid language plpgsql security definer set search_path = '' as $$
begin
	perform public.assert_max_length(p_email, 320, 'email');
	if not public.is_platform_operator() then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if not exists (select 1 from public.municipalities m where m.id = p_municipality_id) then
		raise exception 'municipality_not_found' using errcode = 'PT404';
	end if;
	return public.create_role_invitation(p_municipality_id, p_email, 'municipality_admin', null);
end;
$$;
revoke all on function public.invite_municipality_admin(uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.invite_municipality_admin(uuid, text) to authenticated;

-- A municipality's admin invites someone to a role in their own municipality.
create or replace function public.invite_to_role(p_email text, p_role text, p_community_centre_id uuid default null) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	perform public.assert_max_length(p_email, 320, 'email');
	perform public.assert_max_length(p_role, 40, 'role');
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return public.create_role_invitation(v_municipality, p_email, p_role, p_community_centre_id);
end;
$$;
revoke all on function public.invite_to_role(text, text, uuid) from public, anon, authenticated, service_role;
grant execute on function public.invite_to_role(text, text, uuid) to authenticated;

-- The invitation as its invitee sees it; null for anyone signed in with another address.
create or replace function public.role_invitation_page(p_invitation_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
begin
	return (select jsonb_build_object(
		'id', i.id, 'role', i.role, 'municipality_name', m.name, 'centre_name', c.name,
		'expires_at', i.expires_at,
		'status', case
			when i.accepted_at is not null then 'accepted'
			when i.withdrawn_at is not null then 'withdrawn'
			when i.expires_at < now() then 'expired'
			when public.my_municipality_id() is distinct from i.municipality_id then 'other_municipality'
			else 'open' end
	)
	from public.role_invitations i
	join public.municipalities m on m.id = i.municipality_id
	left join public.community_centres c on c.id = i.community_centre_id
	where i.id = p_invitation_id and i.email = public.my_email());
end;
$$;
revoke all on function public.role_invitation_page(uuid) from public, anon, authenticated, service_role;
grant execute on function public.role_invitation_page(uuid) to authenticated;

-- The invitee accepts, signed in with the invited address and with an account of the
-- invitation's municipality, and gets the role.
create or replace function public.accept_role_invitation(p_invitation_id uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_invitation public.role_invitations;
begin
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	select * into v_invitation from public.role_invitations i
	where i.id = p_invitation_id and i.email = public.my_email()
	for update;
	if v_invitation.id is null or v_invitation.withdrawn_at is not null then
		raise exception 'invitation_not_found' using errcode = 'PT404';
	end if;
	if v_invitation.accepted_at is not null then
		return;
	end if;
	if v_invitation.expires_at < now() then
		raise exception 'invitation_expired' using errcode = 'PT409';
	end if;
	if public.my_municipality_id() is distinct from v_invitation.municipality_id then
		raise exception 'invitation_other_municipality' using errcode = 'PT409';
	end if;
	insert into public.memberships (user_id, municipality_id, role, community_centre_id, granted_by)
	values (v_uid, v_invitation.municipality_id, v_invitation.role, v_invitation.community_centre_id, v_invitation.invited_by)
	on conflict do nothing;
	update public.role_invitations set accepted_at = now(), accepted_by = v_uid where id = v_invitation.id;
	perform public.log_audit(v_invitation.municipality_id, 'platform.role_invitation_accepted', 'role_invitation',
		v_invitation.id, jsonb_build_object('role', v_invitation.role));
end;
$$;
revoke all on function public.accept_role_invitation(uuid) from public, anon, authenticated, service_role;
grant execute on function public.accept_role_invitation(uuid) to authenticated;

-- An admin (or the operator) withdraws an invitation that was not accepted yet.
create or replace function public.withdraw_role_invitation(p_invitation_id uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_invitation public.role_invitations;
begin
	select * into v_invitation from public.role_invitations i where i.id = p_invitation_id for update;
	if v_invitation.id is null or not (
		public.has_role('municipality_admin', v_invitation.municipality_id) or public.is_platform_operator()
	) then
		raise exception 'invitation_not_found' using errcode = 'PT404';
	end if;
	if v_invitation.accepted_at is null and v_invitation.withdrawn_at is null then
		update public.role_invitations set withdrawn_at = now() where id = p_invitation_id;
	end if;
end;
$$;
revoke all on function public.withdraw_role_invitation(uuid) from public, anon, authenticated, service_role;
grant execute on function public.withdraw_role_invitation(uuid) to authenticated;
