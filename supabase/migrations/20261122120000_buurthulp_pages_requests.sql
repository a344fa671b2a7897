-- Buurthulp pages for residents: one read-only function per page (the page budget: hooks already
-- spend two calls), and posting a request with its private details in one atomic call.

-- An open request whose last date has passed counts as expired on read, before the scheduled
-- job marks it (the issue: "expired … by a scheduled job or on read").
create or replace function public.help_request_effective_status(p_status text, p_starts_on date, p_ends_on date)
returns text
language sql
stable
set search_path = ''
as $$
	select case
		when p_status = 'open' and coalesce(p_ends_on, p_starts_on) < current_date then 'expired'
		else p_status
	end;
$$;
revoke all on function public.help_request_effective_status(text, date, date) from public;
grant execute on function public.help_request_effective_status(text, date, date) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- The public board and the printable notice board
-- ---------------------------------------------------------------------------------------------

-- The wijken to filter on, the chosen wijk, and one page of search_help_requests. security
-- invoker: districts are public, and search_help_requests returns public fields only.
create or replace function public.help_board_page(
	p_district_slug text default null,
	p_category text default null,
	p_from date default null,
	p_to date default null,
	p_query text default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	v_district public.districts%rowtype;
	v_districts jsonb;
begin
	-- One municipality per install for now: the first municipality's wijken, like sign-up does.
	select coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'slug', d.slug, 'name', d.name) order by d.name), '[]'::jsonb)
	into v_districts
	from public.districts d
	where d.municipality_id = (select m.id from public.municipalities m order by m.created_at limit 1);

	if nullif(trim(p_district_slug), '') is not null then
		select d.* into v_district from public.districts d
		where d.slug = trim(p_district_slug)
			and d.municipality_id = (select m.id from public.municipalities m order by m.created_at limit 1);
		if not found then
			return jsonb_build_object('districts', v_districts, 'district', null, 'unknown_district', true,
				'result', jsonb_build_object('total', 0, 'items', '[]'::jsonb));
		end if;
	end if;

	return jsonb_build_object(
		'districts', v_districts,
		'district', case when v_district.id is null then null
			else jsonb_build_object('id', v_district.id, 'slug', v_district.slug, 'name', v_district.name) end,
		'unknown_district', false,
		'result', public.search_help_requests(
			v_district.id, nullif(p_category, ''), p_from, p_to, nullif(trim(p_query), ''), p_limit, p_offset
		)
	);
end;
$$;
revoke all on function public.help_board_page(text, text, date, date, text, integer, integer) from public;
grant execute on function public.help_board_page(text, text, date, date, text, integer, integer) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- One request: what this visitor may see and do
-- ---------------------------------------------------------------------------------------------

-- security definer, because anonymous visitors cannot select help_requests. Explicit checks:
-- the public fields only for open, visible requests (or for people involved in the request);
-- reactions only for whoever acts for the requester; no contact details at all (those are on
-- the match page, where RLS decides). Returns null when the visitor may not see the request.
create or replace function public.help_request_page(p_request_id uuid) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_uid uuid := (select auth.uid());
	v_request public.help_requests%rowtype;
	v_status text;
	v_acting boolean := false;
	v_own boolean := false;
	v_is_volunteer boolean := false;
	v_blocked boolean := false;
	v_my_response jsonb;
	v_match public.matches%rowtype;
	v_in_match boolean := false;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found then
		return null;
	end if;
	v_status := public.help_request_effective_status(v_request.status, v_request.starts_on, v_request.ends_on);

	if v_uid is not null then
		-- requester_id is null for a resident without an account: compare null-safely.
		v_own := v_request.requester_id is not distinct from v_uid or v_request.created_by = v_uid;
		v_acting := v_own or coalesce(public.has_role('coordinator', v_request.municipality_id), false);
		v_is_volunteer := exists (select 1 from public.volunteer_profiles v where v.user_id = v_uid);
		v_blocked := exists (select 1 from public.account_blocks b where b.user_id = v_uid);
		select jsonb_build_object('id', x.id, 'status', x.status, 'message', x.message, 'created_at', x.created_at)
		into v_my_response
		from public.responses x where x.request_id = p_request_id and x.volunteer_id = v_uid;
		select * into v_match from public.matches m where m.request_id = p_request_id;
		v_in_match := v_match.id is not null and (v_acting or v_match.volunteer_id = v_uid);
	end if;

	-- Hidden requests are gone for everyone but the people acting for the requester.
	if not v_acting and not (v_status = 'open' and v_request.hidden_at is null)
		and not (v_my_response is not null and v_request.hidden_at is null)
		and not v_in_match then
		return null;
	end if;

	return jsonb_build_object(
		'request', jsonb_build_object(
			'id', v_request.id, 'title', v_request.title, 'description', v_request.description,
			'category', v_request.category, 'district_name', (select d.name from public.districts d where d.id = v_request.district_id),
			'district_slug', (select d.slug from public.districts d where d.id = v_request.district_id),
			'postcode_area', v_request.postcode_area, 'when_kind', v_request.when_kind,
			'starts_on', v_request.starts_on, 'ends_on', v_request.ends_on, 'day_part', v_request.day_part,
			'duration_minutes', v_request.duration_minutes, 'recurrence', v_request.recurrence,
			'status', v_status, 'hidden', v_request.hidden_at is not null, 'created_at', v_request.created_at
		),
		'viewer', jsonb_build_object(
			'signed_in', v_uid is not null,
			'acting', v_acting,
			'own', v_own,
			'on_behalf', v_acting and v_request.requester_id is null,
			'is_volunteer', v_is_volunteer,
			'blocked', v_blocked,
			'can_react', coalesce(v_uid is not null and not v_own and not v_blocked and v_my_response is null
				and v_status = 'open' and v_request.hidden_at is null
				and v_request.municipality_id = (select p.municipality_id from public.profiles p where p.id = v_uid), false),
			'can_cancel', v_acting and v_status in ('open', 'matched')
		),
		'my_response', v_my_response,
		-- The resident's name when a coordinator posted for them: only for whoever acts for them.
		'on_behalf_name', case when v_acting and v_request.requester_id is null then (
			select c.resident_name from public.help_request_contacts c where c.request_id = v_request.id
		) end,
		'responses', case when v_acting then coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', x.id, 'status', x.status, 'message', x.message, 'created_at', x.created_at,
				'volunteer_name', p.display_name,
				'helped_count', public.volunteer_helped_count(x.volunteer_id)
			) order by x.created_at)
			from public.responses x join public.profiles p on p.id = x.volunteer_id
			where x.request_id = v_request.id and x.status <> 'withdrawn'
		), '[]'::jsonb) else '[]'::jsonb end,
		'match', case when v_in_match then jsonb_build_object('id', v_match.id, 'status', v_match.status) end
	);
end;
$$;
revoke all on function public.help_request_page(uuid) from public;
grant execute on function public.help_request_page(uuid) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- My requests, my reactions, my matches
-- ---------------------------------------------------------------------------------------------

-- security definer, with every row tied to auth.uid() explicitly: a volunteer still sees the
-- title of a request they reacted to after it was matched to someone else (RLS would hide it).
-- No contact details.
create or replace function public.my_help_page() returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	with me as (select (select auth.uid()) as id)
	select jsonb_build_object(
		'requests', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', r.id, 'title', r.title, 'category', r.category,
				'status', public.help_request_effective_status(r.status, r.starts_on, r.ends_on),
				'hidden', r.hidden_at is not null,
				'when_kind', r.when_kind, 'starts_on', r.starts_on, 'ends_on', r.ends_on,
				'created_at', r.created_at,
				'on_behalf', r.requester_id is null,
				'pending_responses', (select count(*) from public.responses x where x.request_id = r.id and x.status = 'pending'),
				'match_id', (select m.id from public.matches m where m.request_id = r.id)
			) order by r.created_at desc)
			from public.help_requests r, me
			where me.id is not null and (r.requester_id = me.id or r.created_by = me.id)
		), '[]'::jsonb),
		'responses', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', x.id, 'status', x.status, 'message', x.message, 'created_at', x.created_at,
				'request_id', r.id, 'title', r.title,
				'request_status', public.help_request_effective_status(r.status, r.starts_on, r.ends_on),
				'match_id', (select m.id from public.matches m where m.response_id = x.id)
			) order by x.created_at desc)
			from public.responses x join public.help_requests r on r.id = x.request_id, me
			where me.id is not null and x.volunteer_id = me.id
		), '[]'::jsonb),
		'matches', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', m.id, 'status', m.status, 'created_at', m.created_at, 'done_at', m.done_at,
				'request_id', r.id, 'title', r.title,
				'role', case when m.volunteer_id = me.id then 'volunteer' else 'requester' end,
				'other_name', case when m.volunteer_id = me.id
					then coalesce((select p.display_name from public.profiles p where p.id = m.requester_id), 'Een inwoner')
					else (select p.display_name from public.profiles p where p.id = m.volunteer_id) end,
				'followup_pending', exists (
					select 1 from public.followups f
					where f.match_id = m.id and f.respondent_id = me.id and f.answered_at is null
				)
			) order by (m.status = 'active') desc, m.created_at desc)
			from public.matches m join public.help_requests r on r.id = m.request_id, me
			where me.id is not null
				and (m.volunteer_id = me.id or m.requester_id = me.id or r.created_by = me.id)
		), '[]'::jsonb)
	);
$$;
revoke all on function public.my_help_page() from public;
grant execute on function public.my_help_page() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The match page
-- ---------------------------------------------------------------------------------------------

-- security invoker: RLS decides who sees the match (participants), the other party's contact
-- details (only the matched pair, only while the contact window is open) and the messages.
-- The window check is repeated here so a future policy change cannot widen it by accident.
-- Returns null when the match is not visible to the caller.
create or replace function public.help_match_page(p_match_id uuid) returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	v_uid uuid := (select auth.uid());
	v_match public.matches%rowtype;
	v_request public.help_requests%rowtype;
	v_role text;
	v_window boolean;
	v_contact jsonb;
begin
	select * into v_match from public.matches where id = p_match_id;
	if not found or v_uid is null then
		return null;
	end if;
	select * into v_request from public.help_requests where id = v_match.request_id;
	if not found then
		return null;
	end if;
	v_role := case
		when v_match.volunteer_id = v_uid then 'volunteer'
		when v_match.requester_id = v_uid or v_request.created_by = v_uid then 'requester'
		else 'coordinator'
	end;
	v_window := public.contact_window_open(v_match.status, v_match.done_at);

	if v_window and v_role = 'volunteer' then
		-- The requester's own details, and the request's private details (exact address; for a
		-- resident without an account their name and phone).
		select jsonb_build_object(
			'name', coalesce(hc.resident_name, p.display_name),
			'phone', coalesce(hc.phone, pc.phone),
			'street_address', coalesce(hc.street_address, pc.street_address),
			'postcode', case when hc.street_address is null then pc.postcode end,
			'city', case when hc.street_address is null then pc.city end
		)
		into v_contact
		from (select 1) one
		left join public.help_request_contacts hc on hc.request_id = v_request.id
		left join public.profiles p on p.id = v_match.requester_id
		left join public.profile_contacts pc on pc.profile_id = v_match.requester_id;
	elsif v_window and v_role = 'requester' then
		select jsonb_build_object(
			'name', p.display_name, 'phone', pc.phone,
			'street_address', null, 'postcode', null, 'city', null
		)
		into v_contact
		from public.profiles p
		left join public.profile_contacts pc on pc.profile_id = p.id
		where p.id = v_match.volunteer_id;
	end if;

	return jsonb_build_object(
		'match', jsonb_build_object(
			'id', v_match.id, 'status', v_match.status, 'created_at', v_match.created_at,
			'done_at', v_match.done_at, 'cancelled_at', v_match.cancelled_at
		),
		'request', jsonb_build_object(
			'id', v_request.id, 'title', v_request.title, 'category', v_request.category,
			'when_kind', v_request.when_kind, 'starts_on', v_request.starts_on, 'ends_on', v_request.ends_on,
			'day_part', v_request.day_part, 'duration_minutes', v_request.duration_minutes,
			'recurrence', v_request.recurrence
		),
		'role', v_role,
		'volunteer_name', (select p.display_name from public.profiles p where p.id = v_match.volunteer_id),
		'requester_name', coalesce(
			(select p.display_name from public.profiles p where p.id = v_match.requester_id),
			'Een inwoner'
		),
		'contact_window_open', v_window,
		'contact', v_contact,
		'can_complete', v_match.status = 'active' and v_role in ('requester', 'coordinator'),
		'can_message', v_window and v_role in ('requester', 'volunteer', 'coordinator'),
		'messages', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', mm.id, 'body', mm.body, 'created_at', mm.created_at,
				'mine', mm.sender_id = v_uid,
				'sender_name', coalesce((select p.display_name from public.profiles p where p.id = mm.sender_id), 'Coördinator'),
				'hidden', mm.hidden_at is not null
			) order by mm.created_at)
			from public.match_messages mm where mm.match_id = v_match.id
		), '[]'::jsonb),
		'thanks', (select t.message from public.thanks t where t.match_id = v_match.id),
		'followup', (
			select jsonb_build_object('id', f.id, 'side', f.side)
			from public.followups f
			where f.match_id = v_match.id and f.respondent_id = v_uid and f.answered_at is null
			limit 1
		)
	);
end;
$$;
revoke all on function public.help_match_page(uuid) from public;
grant execute on function public.help_match_page(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Posting a request
-- ---------------------------------------------------------------------------------------------

-- The request and its private details in one transaction, as the caller (security invoker: the
-- insert policies decide, including "blocked accounts cannot post" and "only coordinators post
-- for someone else"). The public location is the wijk's own point, rounded; the exact address
-- goes to help_request_contacts only.
create or replace function public.post_help_request(
	p_district_id uuid,
	p_category text,
	p_title text,
	p_description text,
	p_postcode_area text,
	p_when_kind text,
	p_starts_on date,
	p_ends_on date,
	p_day_part text,
	p_duration_minutes integer,
	p_recurrence text,
	p_street_address text default null,
	p_on_behalf boolean default false,
	p_resident_name text default null,
	p_resident_phone text default null,
	p_is_vulnerable boolean default false
) returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
	v_uid uuid := (select auth.uid());
	v_municipality uuid := public.my_municipality_id();
	v_district public.districts%rowtype;
	v_id uuid;
begin
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	if public.is_blocked() then
		raise exception 'account_blocked' using errcode = '42501';
	end if;
	select * into v_district from public.districts where id = p_district_id and municipality_id = v_municipality;
	if not found then
		raise exception 'district_not_found' using errcode = '22023';
	end if;
	if p_on_behalf and not public.has_role('coordinator', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_on_behalf and (nullif(trim(p_resident_name), '') is null or nullif(trim(p_resident_phone), '') is null) then
		raise exception 'resident_contact_required' using errcode = '22023';
	end if;

	insert into public.help_requests (
		municipality_id, district_id, requester_id, created_by, category, title, description,
		postcode_area, latitude, longitude, when_kind, starts_on, ends_on, day_part,
		duration_minutes, recurrence, is_vulnerable
	) values (
		v_municipality, v_district.id, case when p_on_behalf then null else v_uid end, v_uid,
		p_category, trim(p_title), trim(p_description), nullif(p_postcode_area, ''),
		round(v_district.latitude::numeric, 2)::double precision,
		round(v_district.longitude::numeric, 2)::double precision,
		p_when_kind, p_starts_on, p_ends_on, coalesce(p_day_part, 'any'), p_duration_minutes,
		coalesce(p_recurrence, 'once'), coalesce(p_is_vulnerable, false)
	) returning id into v_id;

	if p_on_behalf or nullif(trim(p_street_address), '') is not null then
		insert into public.help_request_contacts (request_id, municipality_id, created_by, resident_name, phone, street_address)
		values (
			v_id, v_municipality, v_uid,
			case when p_on_behalf then trim(p_resident_name) end,
			case when p_on_behalf then trim(p_resident_phone) end,
			nullif(trim(p_street_address), '')
		);
	end if;
	return v_id;
end;
$$;
revoke all on function public.post_help_request(uuid, text, text, text, text, text, date, date, text, integer, text, text, boolean, text, text, boolean) from public;
grant execute on function public.post_help_request(uuid, text, text, text, text, text, date, date, text, integer, text, text, boolean, text, text, boolean) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- A coordinator who posted for a resident without an account acts for them in the match
-- ---------------------------------------------------------------------------------------------

-- The resident has no account, so the coordinator who registered the request is the one who
-- phones the volunteer: they see the matched volunteer's contact details, in the same window.
create or replace function public.posted_open_match_with(p_profile_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.matches m
		join public.help_requests r on r.id = m.request_id
		where m.volunteer_id = p_profile_id
			and m.requester_id is null
			and r.created_by = (select auth.uid())
			and public.contact_window_open(m.status, m.done_at)
	);
$$;
revoke all on function public.posted_open_match_with(uuid) from public;
grant execute on function public.posted_open_match_with(uuid) to authenticated;

create policy "Posters for a resident see the matched volunteer's contact details" on public.profile_contacts
	for select to authenticated using (public.posted_open_match_with(profile_id));
