-- Platform pages and changes for the signed-in person: the viewer, my profile, role
-- administration, and the "you already have an account" mail.

-- ---------------------------------------------------------------------------------------------
-- Pages and changes: the viewer, my profile, role administration
-- ---------------------------------------------------------------------------------------------

-- Admins look people up by e-mail to grant them a role; nobody else can list accounts.
create or replace function public.find_person_by_email(p_email text)
returns table (id uuid, display_name text, municipality_id uuid) language sql stable security definer set search_path = '' as $$
	select p.id, p.display_name, p.municipality_id
	from auth.users u
	join public.profiles p on p.id = u.id
	where char_length(p_email) <= 320
		and lower(u.email) = lower(trim(p_email))
		and public.has_role('municipality_admin', p.municipality_id);
$$;
revoke all on function public.find_person_by_email(text) from public;
grant execute on function public.find_person_by_email(text) to authenticated;

-- Everything a page needs to know about the signed-in user, in one round trip, including what
-- the header, the home page and /profiel need to show everyone the way to their own pages
-- (issue 17):
--   roles[].scope_name  the shop's or buurthuis's name (instead of a raw id on /profiel)
--   is_volunteer        "Hulpvragen voor jou" instead of "Word vrijwilliger"
--   is_carer            "Mijn cheque" on the home page
--   buurthulp_new       the count behind "Mijn buurthulp (N nieuw)": reactions waiting for my
--                       choice on my open requests, my unanswered "hoe ging het?" questions, and
--                       invitations to open requests I have not reacted to
-- Every count names the caller explicitly, so a coordinator's or consulent's wider RLS view never
-- inflates it. plpgsql, not sql: it reads Buurthulp and Mantelzorgwaardering tables that later
-- files define, and a plpgsql body is only checked when it runs.
create or replace function public.current_viewer() returns jsonb language plpgsql stable security invoker set search_path = '' as $$
begin
	return (
		select jsonb_build_object(
			'display_name', p.display_name,
			'municipality_id', p.municipality_id,
			'district_id', p.district_id,
			'is_platform_operator', public.is_platform_operator(),
			'roles', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', m.id, 'role', m.role, 'municipality_id', m.municipality_id,
					'shop_id', m.shop_id, 'community_centre_id', m.community_centre_id,
					'scope_name', coalesce(
						(select s.name from public.shops s where s.id = m.shop_id),
						(select cc.name from public.community_centres cc where cc.id = m.community_centre_id)
					)
				) order by m.role, m.created_at)
				from public.memberships m where m.user_id = p.id
			), '[]'::jsonb),
			'is_volunteer', exists (select 1 from public.volunteer_profiles v where v.user_id = p.id),
			'is_carer', exists (select 1 from public.applications a where a.carer_user_id = p.id),
			'buurthulp_new', (
				select count(*) from public.responses x
				join public.help_requests r on r.id = x.request_id
				where x.status = 'pending'
					and (r.requester_id = p.id or r.created_by = p.id)
					and public.help_request_effective_status(r.status, r.starts_on, r.ends_on) = 'open'
			) + (
				select count(*) from public.followups f
				where f.respondent_id = p.id and f.answered_at is null
			) + (
				select count(*) from public.help_invitations i
				join public.help_requests r on r.id = i.request_id
				where i.volunteer_id = p.id
					and r.hidden_at is null
					and public.help_request_effective_status(r.status, r.starts_on, r.ends_on) = 'open'
					and not exists (
						select 1 from public.responses x
						where x.request_id = i.request_id and x.volunteer_id = p.id
					)
			)
		)
		from public.profiles p
		where p.id = (select auth.uid())
	);
end;
$$;
revoke all on function public.current_viewer() from public;
grant execute on function public.current_viewer() to authenticated;

-- One read per page (the page budget: hooks already spend two calls) and the profile and role
-- changes as single statements, so a half-saved profile or a lost admin cannot happen.
-- My profile page: the profile, my contact details, the wijken to choose from and my roles.
create or replace function public.my_profile_page() returns jsonb language sql stable security invoker set search_path = '' as $$
	select jsonb_build_object(
		'display_name', p.display_name,
		'district_id', p.district_id,
		'contact', (
			select jsonb_build_object(
				'phone', c.phone, 'street_address', c.street_address,
				'postcode', c.postcode, 'city', c.city
			)
			from public.profile_contacts c where c.profile_id = p.id
		),
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = p.municipality_id
		), '[]'::jsonb),
		'roles', coalesce((
			select jsonb_agg(jsonb_build_object(
				'role', m.role,
				'scope', coalesce(cc.name, m.shop_id::text)
			) order by m.role)
			from public.memberships m
			left join public.community_centres cc on cc.id = m.community_centre_id
			where m.user_id = p.id
		), '[]'::jsonb)
	)
	from public.profiles p
	where p.id = (select auth.uid());
$$;
revoke all on function public.my_profile_page() from public;
grant execute on function public.my_profile_page() to authenticated;

create or replace function public.update_my_profile(
	p_display_name text,
	p_district_id uuid,
	p_phone text,
	p_street_address text,
	p_postcode text,
	p_city text
) returns void language plpgsql security invoker set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
begin
	perform public.assert_max_length(p_display_name, 80, 'display_name');
	perform public.assert_max_length(p_phone, 20, 'phone');
	perform public.assert_max_length(p_street_address, 120, 'street_address');
	perform public.assert_max_length(p_postcode, 7, 'postcode');
	perform public.assert_max_length(p_city, 80, 'city');
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	-- A wijk of another municipality would leak into the wrong boards.
	if p_district_id is not null and not exists (
		select 1 from public.districts d
		join public.profiles p on p.municipality_id = d.municipality_id
		where d.id = p_district_id and p.id = v_uid
	) then
		raise exception 'district_not_found' using errcode = '22023';
	end if;
	update public.profiles
	set display_name = p_display_name, district_id = p_district_id
	where id = v_uid;
	update public.profile_contacts
	set phone = p_phone, street_address = p_street_address, postcode = p_postcode, city = p_city
	where profile_id = v_uid;
end;
$$;
revoke all on function public.update_my_profile(text, uuid, text, text, text, text) from public;
grant execute on function public.update_my_profile(text, uuid, text, text, text, text) to authenticated;

-- The beheer page: every role in my municipality with the person, and the buurthuizen to scope to.
create or replace function public.role_admin_page() returns jsonb language plpgsql stable security invoker set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return jsonb_build_object(
		'memberships', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', m.id, 'user_id', m.user_id, 'display_name', p.display_name,
				'role', m.role, 'scope', coalesce(cc.name, m.shop_id::text),
				'created_at', m.created_at
			) order by p.display_name, m.role)
			from public.memberships m
			join public.profiles p on p.id = m.user_id
			left join public.community_centres cc on cc.id = m.community_centre_id
			where m.municipality_id = v_municipality
		), '[]'::jsonb),
		'community_centres', coalesce((
			select jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name) order by c.name)
			from public.community_centres c where c.municipality_id = v_municipality
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.role_admin_page() from public;
grant execute on function public.role_admin_page() to authenticated;

-- Grants by e-mail address; the insert itself still passes the admin-only RLS policy.
create or replace function public.grant_role_by_email(
	p_email text,
	p_role text,
	p_community_centre_id uuid default null
) returns uuid language plpgsql security invoker set search_path = '' as $$
declare
	v_person uuid;
	v_municipality uuid := public.my_municipality_id();
	v_id uuid;
begin
	perform public.assert_max_length(p_email, 320, 'email');
	perform public.assert_max_length(p_role, 40, 'role');
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	select f.id into v_person from public.find_person_by_email(p_email) f
	where f.municipality_id = v_municipality;
	if v_person is null then
		raise exception 'person_not_found' using errcode = 'PT404';
	end if;
	if exists (
		select 1 from public.memberships m
		where m.user_id = v_person and m.municipality_id = v_municipality and m.role = p_role
			and m.community_centre_id is not distinct from p_community_centre_id
	) then
		raise exception 'already_granted' using errcode = '23505';
	end if;
	insert into public.memberships (user_id, municipality_id, role, community_centre_id, granted_by)
	values (v_person, v_municipality, p_role, p_community_centre_id, (select auth.uid()))
	returning id into v_id;
	return v_id;
end;
$$;
revoke all on function public.grant_role_by_email(text, text, uuid) from public;
grant execute on function public.grant_role_by_email(text, text, uuid) to authenticated;

-- Revokes a role; an admin cannot take away their own admin role, so a municipality never
-- locks itself out by a slip of the mouse.
create or replace function public.revoke_role(p_membership_id uuid) returns void language plpgsql security invoker set search_path = '' as $$
declare
	v_row public.memberships;
begin
	delete from public.memberships m
	where m.id = p_membership_id
		and not (m.user_id = (select auth.uid()) and m.role = 'municipality_admin')
	returning * into v_row;
	if v_row.id is null then
		if exists (select 1 from public.memberships m where m.id = p_membership_id
			and m.user_id = (select auth.uid()) and m.role = 'municipality_admin') then
			raise exception 'cannot_revoke_own_admin' using errcode = '42501';
		end if;
		raise exception 'membership_not_found' using errcode = 'PT404';
	end if;
end;
$$;
revoke all on function public.revoke_role(uuid) from public;
grant execute on function public.revoke_role(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Sign-up without giving away who has an account
-- ---------------------------------------------------------------------------------------------

-- Failed password sign-ins are limited in the app server, not here (src/lib/server/embedded/
-- sign-in-limit.ts says why). What needs SQL is the other half: a sign-up with an address that
-- already has an account shows the visitor the same page as a new address, and the owner of the
-- address gets a mail saying they already have an account (log in, or choose a new password),
-- through the platform's notification outbox. Its words are in src/lib/server/account/mail.ts.
insert into public.notification_kinds (kind, area) values ('account_exists', 'account');

-- Called by the sign-up form (as the anonymous visitor) when the auth server says the address is
-- taken. Answers nothing either way, so calling it straight through the API reveals nothing, and
-- queues at most one such mail per account per hour, so it cannot be used to flood an inbox.
create or replace function public.request_account_exists_mail(p_email text)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_user uuid;
	v_municipality uuid;
begin
	perform public.assert_max_length(p_email, 320, 'email');
	if p_email is null then
		return;
	end if;
	select u.id, p.municipality_id into v_user, v_municipality
	from auth.users u
	join public.profiles p on p.id = u.id
	where lower(u.email) = lower(trim(p_email)) and u.email_confirmed_at is not null
	limit 1;
	if v_user is null then
		return;
	end if;
	if exists (
		select 1 from public.notification_outbox o
		where o.recipient_id = v_user and o.kind = 'account_exists'
			and o.created_at > now() - interval '1 hour'
	) then
		return;
	end if;
	perform public.notify(v_municipality, v_user, 'account_exists', '{}'::jsonb);
end;
$$;
revoke all on function public.request_account_exists_mail(text) from public;
grant execute on function public.request_account_exists_mail(text) to anon, authenticated;
