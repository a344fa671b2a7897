-- Hardening, the rest of issue 9: mails of one match arrive in order, coordinators no longer
-- delete a request's private details directly, the author of a hidden request reads why, and the
-- printed prikbord gives a phone number and a short code instead of a long link.

-- ---------------------------------------------------------------------------------------------
-- Notification outbox: mails of one thread arrive in the order they were written
-- ---------------------------------------------------------------------------------------------

-- created_at is the transaction's start, so two notifications written in one transaction (or in
-- two that started in the same microsecond) tie; seq is the order of writing. thread groups the
-- mails about one match (or, before there is a match, one request) to one recipient.
alter table public.notification_outbox
	add column seq bigint generated always as identity,
	add column thread text generated always as (coalesce(payload ->> 'match_id', payload ->> 'request_id')) stored;

create index notification_outbox_thread_idx on public.notification_outbox (recipient_id, thread, seq)
	where sent_at is null;

-- The mailer claims, per recipient and thread, only the oldest unsent notification: a later one
-- waits while an earlier one is unsent or waiting for its retry (a failed delivery is retried
-- after 1, 4, 9 and 16 minutes, and after the 5th attempt it no longer holds the others up). So
-- "Je hebt een nieuw bericht" never arrives before "Je hulp is aangenomen". The rows come back
-- in the order they were written, and the worker sends them one after the other.
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
		returning o.id, o.kind, o.payload, o.recipient_id, o.seq
	)
	select c.id, c.kind, c.payload, u.email::text, p.display_name
	from claimed c join auth.users u on u.id = c.recipient_id left join public.profiles p on p.id = c.recipient_id
	order by c.seq;
$$;
revoke all on function public.claim_notifications(integer) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer) to service_role;

-- ---------------------------------------------------------------------------------------------
-- A request's private details: coordinators read them, but do not delete them
-- ---------------------------------------------------------------------------------------------

-- The old policy was "for all", so a coordinator could delete the exact address and the
-- resident's name and phone of any request in the municipality, straight through the API, with
-- no trace in the moderation log. No page does that; the details go with the request. The poster
-- keeps full control of their own row.
drop policy "Posters manage the private details of their request" on public.help_request_contacts;

create policy "Posters and coordinators read the private details of a request" on public.help_request_contacts
	for select to authenticated
	using (created_by = (select auth.uid()) or public.has_role('coordinator', municipality_id));

create policy "Posters add the private details of their request" on public.help_request_contacts
	for insert to authenticated
	with check (
		created_by = (select auth.uid())
		and public.is_acting_for(request_id)
		and municipality_id = (select public.my_municipality_id())
	);

create policy "Posters change the private details of their request" on public.help_request_contacts
	for update to authenticated
	using (created_by = (select auth.uid()))
	with check (
		created_by = (select auth.uid())
		and public.is_acting_for(request_id)
		and municipality_id = (select public.my_municipality_id())
	);

create policy "Posters remove the private details of their request" on public.help_request_contacts
	for delete to authenticated
	using (created_by = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------
-- The printed prikbord: the coordinator's phone number and a short code per request
-- ---------------------------------------------------------------------------------------------

-- The number people without internet call to react to a printed request. A municipal setting,
-- public like the municipality's name; set by the municipality (seed.sql for the demo).
alter table public.municipalities
	add column coordinator_phone text check (coordinator_phone is null or coordinator_phone ~ '^\+?[0-9 ()-]{6,20}$');

-- A request's short code is the first 8 hex digits of its id: printed as "3F2A9C1B", typed as
-- /h/3f2a9c1b. Four billion values against a few thousand requests, and a request's id is no
-- secret (the board links to it), so the code gives away nothing the board does not.
create index help_requests_short_code_idx on public.help_requests ((split_part(id::text, '-', 1)));

-- The request with this short code, or null. Hidden requests are not found; whether the visitor
-- may see the request is decided by its page (help_request_page).
create or replace function public.help_request_by_code(p_code text) returns uuid language plpgsql stable security definer set search_path = '' as $$
begin
	perform public.assert_max_length(p_code, 20, 'code');
	if p_code !~ '^[0-9A-Fa-f]{8}$' then
		return null;
	end if;
	return (
		select r.id from public.help_requests r
		where split_part(r.id::text, '-', 1) = lower(p_code) and r.hidden_at is null
		order by r.created_at desc limit 1
	);
end;
$$;
revoke all on function public.help_request_by_code(text) from public;
grant execute on function public.help_request_by_code(text) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Hidden content: its author reads why
-- ---------------------------------------------------------------------------------------------

-- The author of a hidden request or offer got a mail without the reason (mails carry no text
-- written by others). Their pages now show the coordinator's reason of the last hide: the request
-- page to whoever acts for the requester (the author, or a coordinator), "Mijn aanbod" to the
-- volunteer. The coordination page tells the coordinator that the author reads it.

-- The reason of the last hide of a request or offer, for its author (or a coordinator of its
-- municipality); null for anyone else, and when it is not hidden. security definer, because only
-- coordinators select moderation_actions; the check is here.
create or replace function public.hidden_reason(p_target_type text, p_target_id uuid) returns text language plpgsql stable security definer set search_path = '' as $$
declare
	v_hidden boolean;
	v_allowed boolean;
begin
	perform public.assert_max_length(p_target_type, 40, 'target_type');
	if p_target_type = 'help_request' then
		select r.hidden_at is not null, public.is_acting_for(r.id) into v_hidden, v_allowed
		from public.help_requests r where r.id = p_target_id;
	elsif p_target_type = 'help_offer' then
		select o.hidden_at is not null,
			o.volunteer_id = (select auth.uid()) or coalesce(public.has_role('coordinator', o.municipality_id), false)
		into v_hidden, v_allowed
		from public.help_offers o where o.id = p_target_id;
	end if;
	if not coalesce(v_hidden and v_allowed, false) then
		return null;
	end if;
	return (
		select a.reason from public.moderation_actions a
		where a.target_type = p_target_type and a.target_id = p_target_id and a.action = 'hide'
		order by a.created_at desc limit 1
	);
end;
$$;
revoke all on function public.hidden_reason(text, uuid) from public;
grant execute on function public.hidden_reason(text, uuid) to authenticated;

-- help_request_page: unchanged from the Buurthulp baseline but for 'hidden_reason'.
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
				'helped_count', public.volunteer_helped_count(x.volunteer_id)
			) order by x.created_at)
			from public.responses x join public.profiles p on p.id = x.volunteer_id
			where x.request_id = v_request.id and x.status <> 'withdrawn'
		), '[]'::jsonb) else '[]'::jsonb end,
		'match', case when v_in_match then jsonb_build_object('id', v_match.id, 'status', v_match.status) end,
		'hidden_reason', case when v_acting and v_request.hidden_at is not null
			then public.hidden_reason('help_request', v_request.id) end
	);
end;
$$;
revoke all on function public.help_request_page(uuid) from public;
grant execute on function public.help_request_page(uuid) to anon, authenticated;

-- my_offers_page: unchanged from the Buurthulp baseline but for 'hidden_reason'.
create or replace function public.my_offers_page() returns jsonb language sql stable security invoker set search_path = '' as $$
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = (select public.my_municipality_id())
		), '[]'::jsonb),
		'home_district_id', (
			select coalesce(v.home_district_id, p.district_id)
			from public.profiles p left join public.volunteer_profiles v on v.user_id = p.id
			where p.id = (select auth.uid())
		),
		'offers', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', o.id, 'title', o.title, 'description', o.description, 'category', o.category,
				'district_name', d.name, 'when_text', o.when_text, 'status', o.status,
				'hidden', o.hidden_at is not null, 'created_at', o.created_at,
				'hidden_reason', case when o.hidden_at is not null then public.hidden_reason('help_offer', o.id) end
			) order by (o.status = 'open') desc, o.created_at desc)
			from public.help_offers o join public.districts d on d.id = o.district_id
			where o.volunteer_id = (select auth.uid())
		), '[]'::jsonb)
	);
$$;
revoke all on function public.my_offers_page() from public;
grant execute on function public.my_offers_page() to authenticated;

select public.add_timestamp_triggers();
