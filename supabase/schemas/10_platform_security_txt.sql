-- Platform service: each municipality's /.well-known/security.txt (RFC 9116; on the Forum
-- Standaardisatie's mandatory list for municipalities). The municipality's admin sets the contact
-- and policy and renews the Expires date, at most a year ahead (the RFC's advice); the admin page
-- warns a month before it runs out. Public, like the file itself.

create table public.security_contacts (
	municipality_id uuid primary key references public.municipalities (id) on delete cascade,
	-- Where to report: a mailto: address or an https:// form.
	contact text not null check (char_length(contact) <= 200 and contact ~ '^(mailto:[^@\s]+@[^@\s]+|https://\S+)$'),
	-- The municipality's disclosure policy (coordinated vulnerability disclosure).
	policy_url text check (policy_url is null or (char_length(policy_url) <= 300 and policy_url ~ '^https://\S+$')),
	expires_at timestamptz not null,
	renewed_by uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger security_contacts_set_timestamps before insert or update on public.security_contacts
	for each row execute function public.set_timestamps();

alter table public.security_contacts enable row level security;

create policy "Security contacts are public" on public.security_contacts
	for select to anon, authenticated using (true);

-- Sets the admin's own municipality's contact, policy and expiry (the end of p_expires_on,
-- Amsterdam time), which must lie within a year from today.
create or replace function public.renew_security_txt(p_contact text, p_policy_url text, p_expires_on date)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_today date := (now() at time zone 'Europe/Amsterdam')::date;
begin
	perform public.assert_max_length(p_contact, 200, 'contact');
	perform public.assert_max_length(p_policy_url, 300, 'policy_url');
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_expires_on is null or p_expires_on <= v_today or p_expires_on > v_today + 365 then
		return jsonb_build_object('ok', false, 'reason', 'expires_out_of_range');
	end if;
	if p_contact is null or p_contact !~ '^(mailto:[^@\s]+@[^@\s]+|https://\S+)$' then
		return jsonb_build_object('ok', false, 'reason', 'contact_invalid');
	end if;
	if nullif(trim(p_policy_url), '') is not null and p_policy_url !~ '^https://\S+$' then
		return jsonb_build_object('ok', false, 'reason', 'policy_invalid');
	end if;
	insert into public.security_contacts as s (municipality_id, contact, policy_url, expires_at, renewed_by)
	values (
		v_municipality, p_contact, nullif(trim(p_policy_url), ''),
		((p_expires_on + 1)::timestamp at time zone 'Europe/Amsterdam') - interval '1 second',
		(select auth.uid())
	)
	on conflict (municipality_id) do update set
		contact = excluded.contact, policy_url = excluded.policy_url,
		expires_at = excluded.expires_at, renewed_by = excluded.renewed_by;
	return jsonb_build_object('ok', true);
end;
$$;
revoke all on function public.renew_security_txt(text, text, date) from public, anon, authenticated;
grant execute on function public.renew_security_txt(text, text, date) to authenticated;
