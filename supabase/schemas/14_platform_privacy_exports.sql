-- Everything held about a person (AVG art. 15 and 20), as a platform service: each area registers
-- one export function in personal_data_exports (as mail kinds are registered), export_my_data
-- loops over them for the caller, and every view and download is counted in the database, so the
-- limits hold however many app servers there are.

-- ---------------------------------------------------------------------------------------------
-- Everything held about a person: per-area exports, registered like mail kinds
-- ---------------------------------------------------------------------------------------------

-- Each area registers one function public.<function_name>(p_user_id uuid) returns jsonb (security
-- definer, not callable through the API) that returns what it holds about that person, and names
-- the tables it covers. tests/integration/platform/privacy-exports.test.ts fails when a table
-- with a column holding a person's id is in no registered export.
create table public.personal_data_exports (
	function_name text primary key check (function_name ~ '^export_[a-z][a-z_]{1,50}$'),
	area text not null check (area ~ '^[a-z][a-z_]{1,39}$'),
	sort_order integer not null default 100,
	tables text[] not null check (cardinality(tables) between 1 and 60),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger personal_data_exports_set_timestamps before insert or update on public.personal_data_exports
	for each row execute function public.set_timestamps();

alter table public.personal_data_exports enable row level security;

create policy "Only the service role reads the export registry" on public.personal_data_exports
	for select to service_role using (true);

-- Every view and download of one's own data, counted in the database so the limits hold however
-- many app servers there are.
create type public.personal_data_request_kind as enum ('page', 'json', 'pdf');

create table public.personal_data_requests (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	kind text not null check (kind = any (enum_range(null::public.personal_data_request_kind)::text[])),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger personal_data_requests_set_timestamps before insert or update on public.personal_data_requests
	for each row execute function public.set_timestamps();

create index personal_data_requests_user_idx on public.personal_data_requests (user_id, created_at desc);

create index personal_data_requests_created_idx on public.personal_data_requests (created_at);

alter table public.personal_data_requests enable row level security;

create policy "People see their own data requests" on public.personal_data_requests
	for select to authenticated using (user_id = (select auth.uid()));

-- The platform's own part: account, profile and contact, roles, block, mails, data requests, the
-- processing log about the person, and (for staff) what they did, as counts.
create or replace function public.export_platform_data(p_user_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'account', (
			select jsonb_build_object(
				'email', u.email, 'created_at', u.created_at, 'email_confirmed_at', u.email_confirmed_at,
				'last_sign_in_at', u.last_sign_in_at
			) from auth.users u where u.id = p_user_id
		),
		'profile', (
			select jsonb_build_object(
				'display_name', p.display_name, 'district', d.name, 'municipality', m.name,
				'created_at', p.created_at, 'updated_at', p.updated_at
			)
			from public.profiles p
			join public.municipalities m on m.id = p.municipality_id
			left join public.districts d on d.id = p.district_id
			where p.id = p_user_id
		),
		'contact', (
			select jsonb_build_object(
				'phone', c.phone, 'street_address', c.street_address, 'postcode', c.postcode, 'city', c.city,
				'updated_at', c.updated_at
			) from public.profile_contacts c where c.profile_id = p_user_id
		),
		'roles', coalesce((
			select jsonb_agg(jsonb_build_object(
				'role', mb.role, 'community_centre', cc.name, 'since', mb.created_at
			) order by mb.created_at)
			from public.memberships mb
			left join public.community_centres cc on cc.id = mb.community_centre_id
			where mb.user_id = p_user_id
		), '[]'::jsonb),
		'block', (
			select jsonb_build_object('reason', b.reason, 'since', b.created_at)
			from public.account_blocks b where b.user_id = p_user_id
		),
		'mails', coalesce((
			select jsonb_agg(jsonb_build_object(
				'kind', o.kind, 'created_at', o.created_at, 'sent_at', o.sent_at, 'failed_at', o.failed_at
			) order by o.created_at desc)
			from (
				select * from public.notification_outbox x
				where x.recipient_id = p_user_id
					or x.recipient_email = (select lower(u.email) from auth.users u where u.id = p_user_id)
				order by x.created_at desc limit 1000
			) o
		), '[]'::jsonb),
		'data_requests', coalesce((
			select jsonb_agg(jsonb_build_object('kind', r.kind, 'created_at', r.created_at) order by r.created_at desc)
			from (
				select * from public.personal_data_requests x where x.user_id = p_user_id
				order by x.created_at desc limit 100
			) r
		), '[]'::jsonb),
		'processing_log', coalesce((
			select jsonb_agg(jsonb_build_object(
				'created_at', l.created_at, 'activity', l.processing_activity_id, 'operation', l.operation,
				'actor_role', l.actor_role, 'actor_organisation', l.actor_organisation, 'object_type', l.object_type
			) order by l.created_at desc)
			from (
				select * from public.processing_log x
				where x.data_subject_type = 'account' and x.data_subject_id = p_user_id
				order by x.created_at desc limit 1000
			) l
		), '[]'::jsonb),
		-- What this person did as staff, counted: the records themselves are about others.
		'staff_actions', coalesce((
			select jsonb_agg(jsonb_build_object('action', x.action, 'count', x.n) order by x.action)
			from (
				select a.action, count(*) as n from public.audit_log a where a.actor_id = p_user_id group by a.action
			) x
		), '[]'::jsonb),
		'staff_log_lines', (select count(*) from public.processing_log l where l.actor_id = p_user_id),
		'platform_operator', exists (select 1 from public.platform_operators o where o.user_id = p_user_id),
		-- Invitations for a role sent to this person's address (or accepted by them).
		'role_invitations', coalesce((
			select jsonb_agg(jsonb_build_object(
				'role', i.role, 'created_at', i.created_at, 'expires_at', i.expires_at,
				'accepted_at', i.accepted_at, 'withdrawn_at', i.withdrawn_at
			) order by i.created_at desc)
			from (
				select * from public.role_invitations x
				where x.accepted_by = p_user_id
					or lower(x.email) = (select lower(u.email) from auth.users u where u.id = p_user_id)
				order by x.created_at desc limit 100
			) i
		), '[]'::jsonb),
		-- As an admin: counts only.
		'staff_work', jsonb_build_object(
			'role_invitations_sent', (select count(*) from public.role_invitations i where i.invited_by = p_user_id),
			'security_txt_renewed', (select count(*) from public.security_contacts c where c.renewed_by = p_user_id),
			'district_imports_staged', (select count(*) from public.district_import_drafts d where d.created_by = p_user_id)
		)
	);
$$;
revoke all on function public.export_platform_data(uuid) from public, anon, authenticated;

insert into public.personal_data_exports (function_name, area, sort_order, tables) values
	('export_platform_data', 'platform', 10, array[
		'profiles', 'profile_contacts', 'memberships', 'account_blocks', 'notification_outbox',
		'personal_data_requests', 'processing_log', 'audit_log', 'platform_operators', 'role_invitations',
		'security_contacts', 'district_import_drafts'
	]);

-- Limits on viewing and downloading one's own data: per person 10 a minute and 60 an hour, and
-- 300 a minute for everyone together, so a flood of exports (one account or many) slows nobody
-- else down. Answers null when allowed (the request is counted), else the reason.
create or replace function public.take_personal_data_request(p_user_id uuid, p_kind text) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
	v_municipality uuid;
begin
	select p.municipality_id into v_municipality from public.profiles p where p.id = p_user_id;
	if v_municipality is null then
		return 'not_found';
	end if;
	-- One person's requests queue here, so parallel requests cannot slip past the count.
	perform pg_advisory_xact_lock(hashtextextended('personal_data_requests:' || p_user_id::text, 0));
	if (select count(*) from public.personal_data_requests r
		where r.user_id = p_user_id and r.created_at > now() - interval '1 minute') >= 10
		or (select count(*) from public.personal_data_requests r
			where r.user_id = p_user_id and r.created_at > now() - interval '1 hour') >= 60 then
		return 'rate_limited';
	end if;
	if (select count(*) from public.personal_data_requests r where r.created_at > now() - interval '1 minute') >= 300 then
		return 'busy';
	end if;
	insert into public.personal_data_requests (municipality_id, user_id, kind) values (v_municipality, p_user_id, p_kind);
	return null;
end;
$$;
revoke all on function public.take_personal_data_request(uuid, text) from public, anon, authenticated;

-- Everything held about the signed-in person, one section per registered area. Always about the
-- caller: there is no argument to name someone else. Answers {ok: true, data} or {ok: false,
-- reason: rate_limited | busy | not_signed_in | not_found} (an answer, not an error, so the
-- count of refused attempts is kept and the API answers 200 on every Supabase).
create or replace function public.export_my_data(p_kind text default 'json') returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_refusal text;
	v_export record;
	v_part jsonb;
	v_data jsonb := '{}'::jsonb;
begin
	perform public.assert_max_length(p_kind, 10, 'kind');
	if v_uid is null then
		return jsonb_build_object('ok', false, 'reason', 'not_signed_in');
	end if;
	if p_kind is null or not (p_kind = any (enum_range(null::public.personal_data_request_kind)::text[])) then
		raise exception 'invalid_kind' using errcode = '22023';
	end if;
	v_refusal := public.take_personal_data_request(v_uid, p_kind);
	if v_refusal is not null then
		return jsonb_build_object('ok', false, 'reason', v_refusal);
	end if;
	for v_export in select e.function_name, e.area from public.personal_data_exports e order by e.sort_order, e.function_name loop
		execute format('select public.%I($1)', v_export.function_name) into v_part using v_uid;
		v_data := v_data || jsonb_build_object(v_export.area, coalesce(v_part, '{}'::jsonb));
	end loop;
	return jsonb_build_object(
		'ok', true, 'generated_at', now(), 'data', v_data,
		-- Why each part is kept and until when: the register, as /privacy shows it.
		'register', (
			select jsonb_agg(jsonb_build_object(
				'code', a.code, 'name', a.name, 'purpose', a.purpose, 'legal_basis', a.legal_basis,
				'legal_basis_detail', a.legal_basis_detail, 'retention', a.retention
			) order by a.sort_order, a.code)
			from public.processing_activities a
		)
	);
end;
$$;
revoke all on function public.export_my_data(text) from public;
grant execute on function public.export_my_data(text) to authenticated;
