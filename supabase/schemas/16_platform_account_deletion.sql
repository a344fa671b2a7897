-- Deleting one's own account (AVG art. 17), as a platform service: each area registers one
-- erase function in personal_data_erasures (as it registers its export), delete_my_account runs
-- them for the caller and then removes the account itself, so its sessions stop at once.
-- What the law requires to be kept (an approved mantelzorg application and its payments) stays
-- for its period without contact details; account_deletion_page names it with its end date.

-- Each area registers public.<function_name>(p_user_id uuid) returns jsonb (security definer, not
-- callable through the API): it withdraws, cancels and tells others what the deletion changes for
-- them, removes what nothing else removes, and answers {kept: [...]} for what it keeps.
create table public.personal_data_erasures (
	function_name text primary key check (function_name ~ '^erase_[a-z][a-z_]{1,50}$'),
	area text not null check (area ~ '^[a-z][a-z_]{1,39}$'),
	sort_order integer not null default 100,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger personal_data_erasures_set_timestamps before insert or update on public.personal_data_erasures
	for each row execute function public.set_timestamps();

alter table public.personal_data_erasures enable row level security;

create policy "Only the service role reads the erasure registry" on public.personal_data_erasures
	for select to service_role using (true);

-- What deleting would do, for the confirmation page: the counts per area and what is kept until
-- when. Each area's part comes from its erase function called with p_dry_run; here only the
-- platform's own part.
create or replace function public.account_deletion_page() returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_erasure record;
	v_part jsonb;
	v_areas jsonb := '{}'::jsonb;
begin
	if v_uid is null or not exists (select 1 from public.profiles p where p.id = v_uid) then
		return jsonb_build_object('ok', false, 'reason', 'not_signed_in');
	end if;
	for v_erasure in select e.function_name, e.area from public.personal_data_erasures e order by e.sort_order, e.function_name loop
		execute format('select public.%I($1, true)', v_erasure.function_name) into v_part using v_uid;
		v_areas := v_areas || jsonb_build_object(v_erasure.area, coalesce(v_part, '{}'::jsonb));
	end loop;
	return jsonb_build_object(
		'ok', true,
		'email', (select u.email from auth.users u where u.id = v_uid),
		'roles', (select count(*) from public.memberships m where m.user_id = v_uid),
		'areas', v_areas
	);
end;
$$;
revoke all on function public.account_deletion_page() from public;
grant execute on function public.account_deletion_page() to authenticated;

-- Deletes the caller's account: always the caller (there is no argument to name someone else).
-- The confirmation (password or mailed code) is checked by the app before it calls this; the API
-- only lets a token delete the account it belongs to. One deletion at a time per account (the
-- account row is locked), so deleting twice answers {ok: true, already_deleted: true}, and a
-- redemption in progress finishes first (the erase functions lock the rows they change).
create or replace function public.delete_my_account() returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_email text;
	v_municipality uuid;
	v_erasure record;
	v_part jsonb;
	v_kept jsonb := '[]'::jsonb;
begin
	if v_uid is null then
		return jsonb_build_object('ok', false, 'reason', 'not_signed_in');
	end if;
	select lower(u.email) into v_email from auth.users u where u.id = v_uid for update;
	if not found then
		return jsonb_build_object('ok', true, 'already_deleted', true);
	end if;
	select p.municipality_id into v_municipality from public.profiles p where p.id = v_uid;
	for v_erasure in select e.function_name from public.personal_data_erasures e order by e.sort_order, e.function_name loop
		execute format('select public.%I($1, false)', v_erasure.function_name) into v_part using v_uid;
		v_kept := v_kept || coalesce(v_part -> 'kept', '[]'::jsonb);
	end loop;
	-- Mails to the address (sign-in links, invitations) and invitations for a role go too; mails to
	-- the account go with it (on delete cascade).
	delete from public.notification_outbox o where o.recipient_email = v_email;
	delete from public.role_invitations i where lower(i.email) = v_email;
	-- The auth server's own log of sign-ins names the address. On hosted Supabase that table
	-- belongs to the auth server; if this role may not delete there, its own retention applies.
	begin
		delete from auth.audit_log_entries e
		where e.payload::text like '%' || v_uid::text || '%' or lower(e.payload::text) like '%' || v_email || '%';
	exception when insufficient_privilege or undefined_table then
		null;
	end;
	if v_municipality is not null then
		perform public.log_audit(v_municipality, 'platform.account_deleted', 'account', v_uid,
			jsonb_build_object('kept', jsonb_array_length(v_kept)));
	end if;
	-- The profile first, in a statement of its own: with it go the contact details, and what
	-- others keep (requests, matches, reactions) loses the name (on delete set null), while the
	-- account still exists. In one statement with the account, the order of the cascades is the
	-- order of the foreign keys' internal trigger names, which carry OIDs: where the account's
	-- own "set null" (help_requests.created_by) came before the profile's cascade, a request the
	-- erase functions had just changed in this transaction was checked against its deleted
	-- requester's profile (23503 on help_requests_requester_id_fkey).
	delete from public.profiles p where p.id = v_uid;
	-- Then the account, its sessions and refresh tokens and roles (cascade); what others keep
	-- (requests, messages, thanks) loses the account (on delete set null).
	delete from auth.users u where u.id = v_uid;
	return jsonb_build_object('ok', true, 'already_deleted', false, 'kept', v_kept);
end;
$$;
revoke all on function public.delete_my_account() from public;
grant execute on function public.delete_my_account() to authenticated;
