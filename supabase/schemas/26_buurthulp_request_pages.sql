-- Buurthulp pages, the requests' side: one read-only function per page (hooks already spend two
-- calls of the three-call page budget). None of them return contact details except the match
-- page, where RLS decides. The volunteers' pages are in 27_buurthulp_volunteer_pages.sql, the
-- coordinators' in 28_buurthulp_coordination.sql.

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
) returns jsonb language plpgsql stable security invoker set search_path = '' as $$
declare
	v_municipality uuid := public.current_municipality_id();
	v_district public.districts%rowtype;
	v_districts jsonb;
begin
	perform public.assert_max_length(p_district_slug, 60, 'district');
	perform public.assert_max_length(p_category, 40, 'category');
	perform public.assert_max_length(p_query, 200, 'query');
	select coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'slug', d.slug, 'name', d.name) order by d.name), '[]'::jsonb)
	into v_districts
	from public.districts d
	where d.municipality_id = v_municipality;

	if nullif(trim(p_district_slug), '') is not null then
		select d.* into v_district from public.districts d
		where d.slug = trim(p_district_slug)
			and d.municipality_id = v_municipality;
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

-- What the chosen volunteer sees of the requester: name, phone and the full address with postcode
-- and town. One definition for the match page (the volunteer, while the contact window is open)
-- and for the requester's "Dit ziet {naam} van jou" before choosing. The request's own address
-- wins over the profile's; the profile's postcode and town go with it when it is the same street
-- address, else the request's postcode digits and the wijk's name. Null for anyone else.
create or replace function public.requester_contact_for_volunteer(p_request_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_request public.help_requests%rowtype;
	v_match public.matches%rowtype;
	v_result jsonb;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or v_uid is null then
		return null;
	end if;
	select * into v_match from public.matches where request_id = p_request_id;
	-- coalesce: without a match (or a poster) the comparisons are null, and "not null" is no refusal.
	if not coalesce(v_request.requester_id = v_uid
		or v_request.created_by = v_uid
		or public.has_role('coordinator', v_request.municipality_id)
		or (v_match.volunteer_id = v_uid and public.contact_window_open(v_match.status, v_match.done_at)), false) then
		return null;
	end if;
	select jsonb_build_object(
		'name', coalesce(hc.resident_name, p.display_name),
		'phone', coalesce(hc.phone, pc.phone),
		'street_address', coalesce(hc.street_address, pc.street_address),
		'postcode', case when x.same then pc.postcode else v_request.postcode_area end,
		'city', coalesce(case when x.same then pc.city end, d.name)
	)
	into v_result
	from (select 1) one
	left join public.help_request_contacts hc on hc.request_id = v_request.id
	left join public.profiles p on p.id = v_request.requester_id
	left join public.profile_contacts pc on pc.profile_id = v_request.requester_id
	left join public.districts d on d.id = v_request.district_id
	cross join lateral (
		select hc.street_address is null
			or lower(trim(hc.street_address)) = lower(trim(coalesce(pc.street_address, ''))) as same
	) x;
	return v_result;
end;
$$;
revoke all on function public.requester_contact_for_volunteer(uuid) from public, anon, authenticated;
grant execute on function public.requester_contact_for_volunteer(uuid) to authenticated;

-- security definer, because anonymous visitors cannot select help_requests. Explicit checks:
-- the public fields only for open, visible requests (or for people involved in the request);
-- reactions only for whoever acts for the requester; no contact details (those are on the match
-- page), except, while choosing, the requester's own as the volunteer will see them. Returns null when the visitor may not see the request.
-- Whoever acts for the requester of a hidden request also reads the coordinator's reason.
create or replace function public.help_request_page(p_request_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
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
				'helped_count', public.volunteer_helped_count(x.volunteer_id),
				-- Since when, completed matches, verified until: what to trust before choosing.
				'trust', public.volunteer_trust(x.volunteer_id)
			) order by x.created_at)
			from public.responses x join public.profiles p on p.id = x.volunteer_id
			where x.request_id = v_request.id and x.status <> 'withdrawn'
		), '[]'::jsonb) else '[]'::jsonb end,
		'match', case when v_in_match then jsonb_build_object('id', v_match.id, 'status', v_match.status) end,
		-- "Dit ziet {naam} van jou": what choosing a volunteer shares, for whoever chooses.
		'shared_with_volunteer', case when v_acting and v_status = 'open'
			then public.requester_contact_for_volunteer(v_request.id) end,
		'hidden_reason', case when v_acting and v_request.hidden_at is not null
			then public.hidden_reason('help_request', v_request.id) end
	);
end;
$$;
revoke all on function public.help_request_page(uuid) from public;
grant execute on function public.help_request_page(uuid) to anon, authenticated;

-- The form's values and wijken, or null when the caller may not edit this request. 'editable'
-- is false (with the reason) for a request that is matched, closed or hidden by a coordinator.
create or replace function public.help_request_edit_page(p_request_id uuid) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
	v_street text;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.may_edit_help_request(v_request.requester_id, v_request.created_by, v_request.municipality_id) then
		return null;
	end if;
	select c.street_address into v_street from public.help_request_contacts c where c.request_id = p_request_id;
	return jsonb_build_object(
		'request', jsonb_build_object(
			'id', v_request.id, 'category', v_request.category, 'title', v_request.title,
			'description', v_request.description, 'district_id', v_request.district_id,
			'postcode_area', v_request.postcode_area, 'street_address', v_street,
			'when_kind', v_request.when_kind, 'starts_on', v_request.starts_on, 'ends_on', v_request.ends_on,
			'day_part', v_request.day_part, 'duration_minutes', v_request.duration_minutes,
			'recurrence', v_request.recurrence, 'on_behalf', v_request.requester_id is null
		),
		'editable', v_request.status = 'open' and v_request.hidden_at is null,
		'reason', case
			when v_request.hidden_at is not null then 'hidden'
			when v_request.status <> 'open' then 'not_open'
		end,
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = v_request.municipality_id
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.help_request_edit_page(uuid) from public;
grant execute on function public.help_request_edit_page(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- My requests, my reactions, my matches
-- ---------------------------------------------------------------------------------------------

-- security definer, with every row tied to auth.uid() explicitly: a volunteer still sees the
-- title of a request they reacted to after it was matched to someone else (RLS would hide it).
-- No contact details.
create or replace function public.my_help_page() returns jsonb language sql stable security definer set search_path = '' as $$
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
create or replace function public.help_match_page(p_match_id uuid) returns jsonb language plpgsql stable security invoker set search_path = '' as $$
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
		-- The requester's name, phone and full address (the request's own, else the profile's).
		v_contact := public.requester_contact_for_volunteer(v_request.id);
	elsif v_window and v_role = 'requester' then
		select jsonb_build_object(
			'name', p.display_name, 'phone', public.matched_volunteer_phone(v_match.id),
			'street_address', null, 'postcode', null, 'city', null
		)
		into v_contact
		from public.profiles p
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
				'mine', coalesce(mm.sender_id = v_uid, false),
				-- A sender without an account deleted it (delete_my_account).
				'sender_name', case when mm.sender_id is null then 'Oud-deelnemer' else
					coalesce((select p.display_name from public.profiles p where p.id = mm.sender_id), 'Coördinator') end,
				'hidden', mm.hidden_at is not null
			) order by mm.created_at)
			from public.match_messages mm where mm.match_id = v_match.id
		), '[]'::jsonb),
		'thanks', (select t.message from public.thanks t where t.match_id = v_match.id),
		-- Help that comes back: the days it was given ("Deze keer klaar"), the newest 52.
		'occurrences', coalesce((
			select jsonb_agg(o.occurred_on order by o.occurred_on desc)
			from (
				select mo.occurred_on from public.match_occurrences mo
				where mo.match_id = v_match.id order by mo.occurred_on desc limit 52
			) o
		), '[]'::jsonb),
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
