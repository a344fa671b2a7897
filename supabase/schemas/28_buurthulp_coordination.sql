-- Buurthulp coordination pages: the coordinator's dashboard, and one request with the volunteers
-- suggested for it. (The melden page reads report_target_page, 24_buurthulp_moderation.sql.)

-- The coordinator's dashboard: open reports with what they are about and who wrote it (to block),
-- the moderation log, volunteers at or near their maximum, follow-ups needing attention, and open
-- requests nobody reacted to for 3 days. Refuses anyone who is not a coordinator here.
create or replace function public.coordination_page() returns jsonb language plpgsql stable security definer set search_path = '' as $$
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
create or replace function public.coordination_request_page(p_request_id uuid) returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_request public.help_requests%rowtype;
	v_suggestions jsonb;
	v_contact public.help_request_contacts%rowtype;
begin
	perform public.log_reads_without_waiting();
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.has_role('coordinator', v_request.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	v_suggestions := public.suggest_volunteers_for_request(p_request_id, 10);
	select * into v_contact from public.help_request_contacts c where c.request_id = p_request_id;
	if v_contact.request_id is not null
		and coalesce(v_contact.resident_name, v_contact.phone, v_contact.street_address) is not null then
		perform public.log_processing(
			v_request.municipality_id, 'buurthulp.coordination', 'read', 'help_request_contacts.viewed',
			coalesce(v_request.requester_id, v_request.id),
			case when v_request.requester_id is null then 'help_request' else 'account' end,
			'help_request', v_request.id, 'coordinator'
		);
	end if;
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
		'contact', case when v_contact.request_id is not null then jsonb_build_object(
			'resident_name', v_contact.resident_name, 'phone', v_contact.phone,
			'street_address', v_contact.street_address, 'on_behalf', v_request.requester_id is null
		) end,
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
