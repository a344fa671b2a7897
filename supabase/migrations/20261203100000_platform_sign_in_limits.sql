-- Sign-in and sign-up without giving away who has an account (issue 9, part 3).
--
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
