-- Buurthulp pages for volunteers and coordinators: one read-only function per page (the page
-- budget: hooks already spend two calls), saving a volunteer profile in one call, and reporting
-- content only when the reporter can see it. None of these return contact details.

-- ---------------------------------------------------------------------------------------------
-- My volunteer profile
-- ---------------------------------------------------------------------------------------------

-- The form's wijken, my profile (null before I made one), and how busy I am. security invoker:
-- RLS shows me my own volunteer profile only.
create or replace function public.volunteer_profile_page() returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = (select public.my_municipality_id())
		), '[]'::jsonb),
		'profile', (
			select jsonb_build_object(
				'home_district_id', v.home_district_id, 'categories', to_jsonb(v.categories),
				'district_ids', to_jsonb(v.district_ids), 'radius_km', v.radius_km,
				'availability_mask', v.availability_mask, 'max_active_matches', v.max_active_matches,
				'is_paused', v.is_paused, 'about', v.about
			)
			from public.volunteer_profiles v where v.user_id = (select auth.uid())
		),
		'home_district_id', (select p.district_id from public.profiles p where p.id = (select auth.uid())),
		'active', public.active_match_count((select auth.uid())),
		'helped', public.volunteer_helped_count((select auth.uid()))
	);
$$;
revoke all on function public.volunteer_profile_page() from public;
grant execute on function public.volunteer_profile_page() to authenticated;

-- Creates or updates my volunteer profile. security invoker: the insert and update policies
-- decide (own row, own municipality, not blocked), and the CHECK constraints hold the limits.
create or replace function public.save_volunteer_profile(
	p_home_district_id uuid,
	p_categories text[],
	p_district_ids uuid[],
	p_radius_km integer,
	p_availability_mask integer,
	p_max_active_matches integer,
	p_is_paused boolean,
	p_about text
) returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
	v_municipality uuid := (select public.my_municipality_id());
begin
	if (select auth.uid()) is null or v_municipality is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	-- Wijken of another municipality would never match anything: refuse them plainly.
	if not exists (select 1 from public.districts where id = p_home_district_id and municipality_id = v_municipality)
		or exists (
			select 1 from unnest(coalesce(p_district_ids, '{}')) x(id)
			where not exists (select 1 from public.districts d where d.id = x.id and d.municipality_id = v_municipality)
		) then
		raise exception 'district_not_found' using errcode = 'P0001';
	end if;
	insert into public.volunteer_profiles (
		user_id, municipality_id, home_district_id, categories, district_ids, radius_km,
		availability_mask, max_active_matches, is_paused, about
	) values (
		(select auth.uid()), v_municipality, p_home_district_id, coalesce(p_categories, '{}'),
		coalesce(p_district_ids, '{}'), p_radius_km, p_availability_mask, p_max_active_matches,
		p_is_paused, coalesce(p_about, '')
	)
	on conflict (user_id) do update set
		home_district_id = excluded.home_district_id,
		categories = excluded.categories,
		district_ids = excluded.district_ids,
		radius_km = excluded.radius_km,
		availability_mask = excluded.availability_mask,
		max_active_matches = excluded.max_active_matches,
		is_paused = excluded.is_paused,
		about = excluded.about;
end;
$$;
revoke all on function public.save_volunteer_profile(uuid, text[], uuid[], integer, integer, integer, boolean, text) from public;
grant execute on function public.save_volunteer_profile(uuid, text[], uuid[], integer, integer, integer, boolean, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- "Voor jou"
-- ---------------------------------------------------------------------------------------------

-- suggest_requests_for_me plus what the page needs to explain the ranking in words (my wijken)
-- and the open requests a coordinator invited me to look at.
create or replace function public.voor_jou_page(p_limit integer default 20) returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select public.suggest_requests_for_me(p_limit) || jsonb_build_object(
		'my_district_ids', coalesce((
			select to_jsonb(array(
				select distinct x from unnest(v.district_ids || v.home_district_id) x
			))
			from public.volunteer_profiles v where v.user_id = (select auth.uid())
		), '[]'::jsonb),
		'invitations', coalesce((
			select jsonb_agg(jsonb_build_object(
				'request_id', r.id, 'title', r.title, 'category', r.category, 'district_name', d.name,
				'invited_at', i.created_at
			) order by i.created_at desc)
			from public.help_invitations i
			join public.help_requests r on r.id = i.request_id
			join public.districts d on d.id = r.district_id
			where i.volunteer_id = (select auth.uid())
				and r.status = 'open' and r.hidden_at is null
				and coalesce(r.ends_on, r.starts_on, current_date) >= current_date
				and not exists (
					select 1 from public.responses x where x.request_id = r.id and x.volunteer_id = i.volunteer_id
				)
		), '[]'::jsonb)
	);
$$;
revoke all on function public.voor_jou_page(integer) from public;
grant execute on function public.voor_jou_page(integer) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- A volunteer's public profile
-- ---------------------------------------------------------------------------------------------

-- Public: categories, wijken, how many people they helped (a count only) and open aanbod.
-- Anonymous visitors see only the first name; signed-in people of the same municipality see the
-- display name. Never contact details. Null when there is no such volunteer.
create or replace function public.volunteer_public_page(p_volunteer_id uuid) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'id', v.user_id,
		'display_name', case
			when p.municipality_id = (select public.my_municipality_id()) then p.display_name
			else split_part(trim(p.display_name), ' ', 1)
		end,
		'about', v.about,
		'categories', to_jsonb(v.categories),
		'districts', coalesce((
			select jsonb_agg(d.name order by d.name) from public.districts d
			where d.id = any (v.district_ids || v.home_district_id)
		), '[]'::jsonb),
		'helped', public.volunteer_helped_count(v.user_id),
		'offers', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', o.id, 'title', o.title, 'description', o.description, 'category', o.category,
				'district_name', d.name, 'when_text', o.when_text, 'created_at', o.created_at
			) order by o.created_at desc)
			from public.help_offers o join public.districts d on d.id = o.district_id
			where o.volunteer_id = v.user_id and o.status = 'open' and o.hidden_at is null
		), '[]'::jsonb)
	)
	from public.volunteer_profiles v
	join public.profiles p on p.id = v.user_id
	where v.user_id = p_volunteer_id
		and not exists (select 1 from public.account_blocks b where b.user_id = v.user_id);
$$;
revoke all on function public.volunteer_public_page(uuid) from public;
grant execute on function public.volunteer_public_page(uuid) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Aanbod
-- ---------------------------------------------------------------------------------------------

-- My offers (open, withdrawn, hidden) and the wijken for the form. security invoker: RLS shows
-- me my own offers.
create or replace function public.my_offers_page() returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
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
				'hidden', o.hidden_at is not null, 'created_at', o.created_at
			) order by (o.status = 'open') desc, o.created_at desc)
			from public.help_offers o join public.districts d on d.id = o.district_id
			where o.volunteer_id = (select auth.uid())
		), '[]'::jsonb)
	);
$$;
revoke all on function public.my_offers_page() from public;
grant execute on function public.my_offers_page() to authenticated;

-- The public list of open aanbod, filtered by category and wijk, paginated. security definer:
-- anonymous visitors may see the volunteer's first name (as on the public profile), nothing more.
create or replace function public.offers_board_page(
	p_category text default null,
	p_district_id uuid default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	with filtered as (
		select o.* from public.help_offers o
		where o.status = 'open' and o.hidden_at is null
			and (p_category is null or o.category = p_category)
			and (p_district_id is null or o.district_id = p_district_id)
			and not exists (select 1 from public.account_blocks b where b.user_id = o.volunteer_id)
	)
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = coalesce(
				(select public.my_municipality_id()),
				(select m.id from public.municipalities m where m.slug = 'zaanstad')
			)
		), '[]'::jsonb),
		'total', (select count(*) from filtered),
		'items', coalesce((
			select jsonb_agg(x.item order by x.created_at desc)
			from (
				select f.created_at, jsonb_build_object(
					'id', f.id, 'title', f.title, 'description', f.description, 'category', f.category,
					'district_name', d.name, 'when_text', f.when_text, 'created_at', f.created_at,
					'volunteer_id', f.volunteer_id,
					'volunteer_name', case
						when p.municipality_id = (select public.my_municipality_id()) then p.display_name
						else split_part(trim(p.display_name), ' ', 1)
					end
				) as item
				from filtered f
				join public.districts d on d.id = f.district_id
				join public.profiles p on p.id = f.volunteer_id
				order by f.created_at desc
				limit least(greatest(p_limit, 1), 100) offset greatest(p_offset, 0)
			) x
		), '[]'::jsonb)
	);
$$;
revoke all on function public.offers_board_page(text, uuid, integer, integer) from public;
grant execute on function public.offers_board_page(text, uuid, integer, integer) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Reporting (melden)
-- ---------------------------------------------------------------------------------------------

-- What the reporter is reporting, as far as they can see it (security invoker: RLS decides).
-- Null when it does not exist or is not visible to them.
create or replace function public.report_target_page(p_target_type text, p_target_id uuid) returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	select case p_target_type
		when 'help_request' then (
			select jsonb_build_object('type', p_target_type, 'id', r.id, 'title', r.title,
				'excerpt', left(r.description, 200), 'back', '/hulp/vraag/' || r.id)
			from public.help_requests r where r.id = p_target_id
		)
		when 'help_offer' then (
			select jsonb_build_object('type', p_target_type, 'id', o.id, 'title', o.title,
				'excerpt', left(o.description, 200), 'back', '/hulp/vrijwilligers/' || o.volunteer_id)
			from public.help_offers o where o.id = p_target_id
		)
		when 'match_message' then (
			select jsonb_build_object('type', p_target_type, 'id', m.id, 'title', 'Bericht',
				'excerpt', left(m.body, 200), 'back', '/hulp/match/' || m.match_id)
			from public.match_messages m where m.id = p_target_id
		)
	end;
$$;
revoke all on function public.report_target_page(text, uuid) from public;
grant execute on function public.report_target_page(text, uuid) to authenticated;

-- Files a report about content the reporter can see. security invoker: RLS hides what they may
-- not see (so ids cannot be probed), and the insert policy and rate-limit trigger hold.
create or replace function public.report_content(p_target_type text, p_target_id uuid, p_reason text)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
	v_id uuid;
begin
	if (select auth.uid()) is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	if public.report_target_page(p_target_type, p_target_id) is null then
		raise exception 'not_found' using errcode = 'P0001';
	end if;
	insert into public.reports (municipality_id, reporter_id, target_type, target_id, reason)
	values ((select public.my_municipality_id()), (select auth.uid()), p_target_type, p_target_id, trim(p_reason))
	returning id into v_id;
	return v_id;
end;
$$;
revoke all on function public.report_content(text, uuid, text) from public;
grant execute on function public.report_content(text, uuid, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Coordination
-- ---------------------------------------------------------------------------------------------

-- The coordinator's dashboard: open reports with what they are about and who wrote it (to block),
-- the moderation log, volunteers at or near their maximum, follow-ups needing attention, and open
-- requests nobody reacted to for 3 days. Refuses anyone who is not a coordinator here.
create or replace function public.coordination_page() returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_municipality uuid := (select public.my_municipality_id());
begin
	if v_municipality is null or not public.has_role('coordinator', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return jsonb_build_object(
		'reports', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', rp.id, 'target_type', rp.target_type, 'target_id', rp.target_id, 'reason', rp.reason,
				'created_at', rp.created_at,
				'reporter_name', (select p.display_name from public.profiles p where p.id = rp.reporter_id),
				'reports_on_target', (
					select count(*) from public.reports o
					where o.target_type = rp.target_type and o.target_id = rp.target_id and o.status = 'open'
				),
				'target', t.target
			) order by rp.created_at)
			from public.reports rp
			cross join lateral (
				select case rp.target_type
					when 'help_request' then (
						select jsonb_build_object('title', r.title, 'excerpt', left(r.description, 300),
							'hidden', r.hidden_at is not null, 'author_id', r.requester_id,
							'author_name', (select p.display_name from public.profiles p where p.id = r.requester_id),
							'author_blocked', exists (select 1 from public.account_blocks b where b.user_id = r.requester_id),
							'link', '/hulp/vraag/' || r.id)
						from public.help_requests r where r.id = rp.target_id
					)
					when 'help_offer' then (
						select jsonb_build_object('title', o.title, 'excerpt', left(o.description, 300),
							'hidden', o.hidden_at is not null, 'author_id', o.volunteer_id,
							'author_name', (select p.display_name from public.profiles p where p.id = o.volunteer_id),
							'author_blocked', exists (select 1 from public.account_blocks b where b.user_id = o.volunteer_id),
							'link', '/hulp/vrijwilligers/' || o.volunteer_id)
						from public.help_offers o where o.id = rp.target_id
					)
					when 'match_message' then (
						select jsonb_build_object('title', 'Bericht', 'excerpt', left(m.body, 300),
							'hidden', m.hidden_at is not null, 'author_id', m.sender_id,
							'author_name', (select p.display_name from public.profiles p where p.id = m.sender_id),
							'author_blocked', exists (select 1 from public.account_blocks b where b.user_id = m.sender_id),
							'link', '/hulp/match/' || m.match_id)
						from public.match_messages m where m.id = rp.target_id
					)
				end as target
			) t
			where rp.municipality_id = v_municipality and rp.status = 'open'
		), '[]'::jsonb),
		'log', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'action', a.action, 'target_type', a.target_type, 'target_id', a.target_id,
				'reason', a.reason, 'created_at', a.created_at,
				'actor_name', (select p.display_name from public.profiles p where p.id = a.actor_id),
				'account_name', case when a.target_type = 'account'
					then (select p.display_name from public.profiles p where p.id = a.target_id) end
			) order by a.created_at desc)
			from (
				select * from public.moderation_actions m
				where m.municipality_id = v_municipality
				order by m.created_at desc limit 50
			) a
		), '[]'::jsonb),
		'load', public.volunteer_load(),
		'followups', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', f.id, 'match_id', f.match_id, 'side', f.side, 'answer', f.answer, 'comment', f.comment,
				'answered_at', f.answered_at, 'asked_at', f.created_at, 'escalated_at', f.escalated_at,
				'title', r.title, 'vulnerable', r.is_vulnerable,
				'volunteer_name', (select p.display_name from public.profiles p where p.id = m.volunteer_id),
				'requester_name', coalesce(
					(select p.display_name from public.profiles p where p.id = m.requester_id), 'Inwoner zonder account')
			) order by f.created_at)
			from public.followups f
			join public.matches m on m.id = f.match_id
			join public.help_requests r on r.id = m.request_id
			where f.municipality_id = v_municipality
				and f.created_at > now() - interval '30 days'
				and (f.escalated_at is not null
					or f.answer = 'bad'
					or (f.side = 'requester' and f.answered_at is null and r.is_vulnerable
						and f.created_at < now() - interval '4 days'))
		), '[]'::jsonb),
		'unanswered', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', r.id, 'title', r.title, 'category', r.category, 'district_name', d.name,
				'created_at', r.created_at, 'starts_on', r.starts_on, 'vulnerable', r.is_vulnerable
			) order by r.created_at)
			from (
				select * from public.help_requests r
				where r.municipality_id = v_municipality and r.status = 'open' and r.hidden_at is null
					and coalesce(r.ends_on, r.starts_on, current_date) >= current_date
					and r.created_at < now() - interval '3 days'
					and not exists (select 1 from public.responses x where x.request_id = r.id)
				order by r.created_at limit 30
			) r join public.districts d on d.id = r.district_id
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.coordination_page() from public;
grant execute on function public.coordination_page() to authenticated;

-- One request for a coordinator with suggested volunteers (suggest_volunteers_for_request, the
-- same ranking), each with the reasons in words can be built from, and who was invited already.
create or replace function public.coordination_request_page(p_request_id uuid) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_request public.help_requests%rowtype;
	v_suggestions jsonb;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.has_role('coordinator', v_request.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	v_suggestions := public.suggest_volunteers_for_request(p_request_id, 10);
	return jsonb_build_object(
		'request', jsonb_build_object(
			'id', v_request.id, 'title', v_request.title, 'description', v_request.description,
			'category', v_request.category,
			'district_name', (select d.name from public.districts d where d.id = v_request.district_id),
			'status', public.help_request_effective_status(v_request.status, v_request.starts_on, v_request.ends_on),
			'hidden', v_request.hidden_at is not null,
			'when_kind', v_request.when_kind, 'starts_on', v_request.starts_on, 'ends_on', v_request.ends_on,
			'day_part', v_request.day_part, 'duration_minutes', v_request.duration_minutes,
			'recurrence', v_request.recurrence, 'created_at', v_request.created_at,
			'responses', (select count(*) from public.responses x where x.request_id = v_request.id)
		),
		'suggestions', coalesce((
			select jsonb_agg(s.item || jsonb_build_object(
				'category_fit', cardinality(v.categories) = 0 or v_request.category = any (v.categories),
				'in_district', v_request.district_id = any (v.district_ids || v.home_district_id),
				'available', (v_request.availability_mask & v.availability_mask) <> 0,
				'invited', exists (
					select 1 from public.help_invitations i
					where i.request_id = v_request.id and i.volunteer_id = v.user_id
				)
			) order by s.ord)
			from jsonb_array_elements(v_suggestions) with ordinality s(item, ord)
			join public.volunteer_profiles v on v.user_id = (s.item ->> 'volunteer_id')::uuid
		), '[]'::jsonb),
		'invited', coalesce((
			select jsonb_agg(jsonb_build_object(
				'volunteer_id', i.volunteer_id, 'display_name', p.display_name, 'invited_at', i.created_at,
				'reacted', exists (
					select 1 from public.responses x where x.request_id = i.request_id and x.volunteer_id = i.volunteer_id
				)
			) order by i.created_at desc)
			from public.help_invitations i join public.profiles p on p.id = i.volunteer_id
			where i.request_id = v_request.id
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.coordination_request_page(uuid) from public;
grant execute on function public.coordination_request_page(uuid) to authenticated;
