-- Buurthulp registers with the platform's privacy services (issue 20): its processing activities
-- in the register, and the export of everything it holds about one person.

insert into public.processing_activities (
	code, area, name, purpose, legal_basis, legal_basis_detail, data_categories, special_categories,
	data_subjects, recipients, retention, retention_months, sort_order
) values
	('buurthulp.help_requests', 'buurthulp', 'Hulp vragen',
		'Je vraagt hulp en vrijwilligers in je buurt zien je vraag. Zij zien niet waar je woont: alleen je wijk en de eerste 4 cijfers van je postcode.',
		'consent', 'Je plaatst zelf een hulpvraag en kunt hem zelf intrekken.',
		array['Naam', 'Wijk en de cijfers van je postcode', 'Wat voor hulp en wanneer', 'Adres (alleen voor de vrijwilliger die helpt)', 'Of je extra kwetsbaar bent'], '',
		array['Inwoners die hulp vragen'],
		array['Vrijwilligers in de gemeente zien de vraag zonder adres', 'De buurtcoördinator'],
		'Zolang je account bestaat. Verwijder je je account, dan trekken we open hulpvragen in.',
		null, 110),
	('buurthulp.matching', 'buurthulp', 'Hulpvraag koppelen aan vrijwilliger',
		'Een vrijwilliger reageert, jij kiest wie je helpt, en samen spreken jullie af. Alleen jullie tweeën zien elkaars telefoonnummer, en alleen tot 14 dagen na de hulp.',
		'consent', 'Je kiest zelf wie je helpt of door wie je geholpen wordt.',
		array['Reacties', 'Afspraken en berichten', 'Bedankjes', 'Antwoord op "Hoe ging het?"', 'Telefoonnummer en adres (alleen voor je hulpmaatje)'], '',
		array['Inwoners die hulp vragen', 'Vrijwilligers'],
		array['De vrijwilliger en de inwoner van de afspraak', 'De buurtcoördinator als het niet goed ging'],
		'Zolang je account bestaat. Verwijder je je account, dan blijft de afspraak voor de ander bestaan, zonder je naam en zonder je berichten.',
		null, 120),
	('buurthulp.volunteering', 'buurthulp', 'Vrijwilliger zijn',
		'Je laat zien waarmee en wanneer je wilt helpen, zodat we je passende hulpvragen laten zien en niemand je te veel vraagt.',
		'consent', 'Je maakt zelf een vrijwilligersprofiel en kunt het zelf verwijderen.',
		array['Wijken en afstand', 'Soorten hulp', 'Wanneer je kunt', 'Hoeveel afspraken je tegelijk wilt', 'Je aanbod'], '',
		array['Vrijwilligers'],
		array['Inwoners zien je voornaam, wat je aanbiedt en hoe vaak je hielp', 'De buurtcoördinator'],
		'Zolang je account bestaat.',
		null, 130),
	('buurthulp.coordination', 'buurthulp', 'Buurtcoördinatie',
		'De buurtcoördinator zet hulpvragen online voor inwoners zonder internet, belt hen als het nodig is, en nodigt vrijwilligers uit. Daarvoor leest de coördinator naam, telefoonnummer en adres van de inwoner.',
		'public_task', 'Wmo 2015, artikel 2.1.1: de gemeente bevordert de sociale samenhang en ondersteunt vrijwilligers.',
		array['Naam, telefoonnummer en adres van inwoners zonder account', 'Hulpvragen', 'Uitnodigingen'], '',
		array['Inwoners zonder account', 'Inwoners die hulp vragen', 'Vrijwilligers'],
		array['Buurtcoördinatoren van de gemeente', 'De vrijwilliger die helpt'],
		'Zolang de hulpvraag bestaat.',
		null, 140),
	('buurthulp.moderation', 'buurthulp', 'Meldingen en moderatie',
		'Iedereen kan een bericht of hulpvraag melden. De buurtcoördinator kijkt ernaar, kan het verbergen of een account blokkeren, en schrijft op waarom.',
		'public_task', 'Wmo 2015, artikel 2.1.1; een veilige buurthulp voor iedereen.',
		array['Melding en reden', 'Wat verborgen of geblokkeerd is en waarom'], '',
		array['Inwoners', 'Vrijwilligers'],
		array['Buurtcoördinatoren van de gemeente'],
		'Zolang het account bestaat.',
		null, 150);

-- What Buurthulp holds about one person. Only this person's own rows, and of anyone else no more
-- than the pages show them: the other side of a match by first name, never their messages,
-- contact details or account. A request a coordinator registered for a resident without an
-- account is that resident's: its poster gets only that it exists.
create or replace function public.export_buurthulp_data(p_user_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'volunteer_profile', (
			select jsonb_build_object(
				'home_district', d.name,
				'districts', coalesce((select jsonb_agg(x.name order by x.name) from public.districts x where x.id = any (v.district_ids)), '[]'::jsonb),
				'categories', to_jsonb(v.categories), 'radius_km', v.radius_km,
				'availability_mask', v.availability_mask, 'max_active_matches', v.max_active_matches,
				'is_paused', v.is_paused, 'about', v.about, 'created_at', v.created_at, 'updated_at', v.updated_at
			)
			from public.volunteer_profiles v join public.districts d on d.id = v.home_district_id
			where v.user_id = p_user_id
		),
		'verification', (
			select jsonb_build_object(
				'requested_at', v.requested_at, 'verified_at', v.verified_at, 'met_on', v.met_on,
				'vog_issued_on', v.vog_issued_on, 'expires_on', v.expires_on, 'reminder_sent_at', v.reminder_sent_at
			)
			from public.volunteer_verifications v where v.volunteer_id = p_user_id
		),
		-- The mails about new requests (29_buurthulp_alerts.sql); not the unsubscribe token, a secret.
		'request_alerts', (
			select jsonb_build_object(
				'urgent', a.urgent, 'digest', a.digest, 'digest_since', a.digest_since,
				'created_at', a.created_at, 'updated_at', a.updated_at
			)
			from public.request_alerts a where a.user_id = p_user_id
		),
		'requests_mailed', coalesce((
			select jsonb_agg(jsonb_build_object('request_id', x.request_id, 'kind', x.kind, 'sent_at', x.sent_at)
				order by x.sent_at, x.request_id)
			from public.request_alert_deliveries x where x.user_id = p_user_id
		), '[]'::jsonb),
		'requests', coalesce((
			select jsonb_agg(case when r.requester_id is null then jsonb_build_object(
					'id', r.id, 'on_behalf_of_resident', true, 'category', r.category, 'status', r.status,
					'created_at', r.created_at
				) else jsonb_build_object(
					'id', r.id, 'title', r.title, 'description', r.description, 'category', r.category,
					'district', d.name, 'postcode_area', r.postcode_area, 'when_kind', r.when_kind,
					'starts_on', r.starts_on, 'ends_on', r.ends_on, 'day_part', r.day_part,
					'duration_minutes', r.duration_minutes, 'recurrence', r.recurrence,
					'is_vulnerable', r.is_vulnerable, 'status', r.status, 'hidden', r.hidden_at is not null,
					'street_address', (select c.street_address from public.help_request_contacts c where c.request_id = r.id),
					'created_at', r.created_at, 'updated_at', r.updated_at
				) end order by r.created_at desc)
			from (
				select * from public.help_requests x
				where x.requester_id = p_user_id or x.created_by = p_user_id
				order by x.created_at desc limit 1000
			) r join public.districts d on d.id = r.district_id
		), '[]'::jsonb),
		'offers', coalesce((
			select jsonb_agg(jsonb_build_object(
				'title', o.title, 'description', o.description, 'category', o.category, 'district', d.name,
				'when_text', o.when_text, 'status', o.status, 'hidden', o.hidden_at is not null,
				'created_at', o.created_at
			) order by o.created_at desc)
			from public.help_offers o join public.districts d on d.id = o.district_id
			where o.volunteer_id = p_user_id
		), '[]'::jsonb),
		'responses', coalesce((
			select jsonb_agg(jsonb_build_object(
				'request_title', r.title, 'message', x.message, 'status', x.status, 'created_at', x.created_at
			) order by x.created_at desc)
			from (
				select * from public.responses y where y.volunteer_id = p_user_id order by y.created_at desc limit 1000
			) x join public.help_requests r on r.id = x.request_id
		), '[]'::jsonb),
		'matches', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', m.id,
				'role', case when m.volunteer_id = p_user_id then 'volunteer' else 'requester' end,
				'request_title', case when r.requester_id is null and m.volunteer_id <> p_user_id then null else r.title end,
				'status', m.status, 'created_at', m.created_at, 'done_at', m.done_at, 'cancelled_at', m.cancelled_at,
				-- The other side, as the pages show them: a first name.
				'other_first_name', case
					when m.volunteer_id is not distinct from p_user_id then coalesce(
						(select split_part(trim(p.display_name), ' ', 1) from public.profiles p where p.id = m.requester_id),
						'Een inwoner')
					else coalesce(
						(select split_part(trim(p.display_name), ' ', 1) from public.profiles p where p.id = m.volunteer_id),
						'Een vrijwilliger')
				end,
				'my_messages', coalesce((
					select jsonb_agg(jsonb_build_object('body', mm.body, 'created_at', mm.created_at) order by mm.created_at)
					from (
						select * from public.match_messages z
						where z.match_id = m.id and z.sender_id = p_user_id
						order by z.created_at desc limit 500
					) mm
				), '[]'::jsonb),
				'messages_from_other_side', (
					select count(*) from public.match_messages z
					where z.match_id = m.id and z.sender_id is distinct from p_user_id
				)
			) order by m.created_at desc)
			from (
				select y.* from public.matches y
				where y.volunteer_id = p_user_id or y.requester_id = p_user_id
				order by y.created_at desc limit 500
			) m join public.help_requests r on r.id = m.request_id
		), '[]'::jsonb),
		'thanks_received', coalesce((
			select jsonb_agg(jsonb_build_object('message', t.message, 'created_at', t.created_at) order by t.created_at desc)
			from public.thanks t where t.volunteer_id = p_user_id
		), '[]'::jsonb),
		'thanks_given', coalesce((
			select jsonb_agg(jsonb_build_object('message', t.message, 'created_at', t.created_at) order by t.created_at desc)
			from public.thanks t where t.created_by = p_user_id
		), '[]'::jsonb),
		'followups', coalesce((
			select jsonb_agg(jsonb_build_object(
				'side', f.side, 'answer', f.answer, 'comment', f.comment, 'asked_at', f.created_at,
				'answered_at', f.answered_at
			) order by f.created_at desc)
			from public.followups f where f.respondent_id = p_user_id
		), '[]'::jsonb),
		'invitations', coalesce((
			select jsonb_agg(jsonb_build_object('request_title', r.title, 'created_at', i.created_at) order by i.created_at desc)
			from public.help_invitations i join public.help_requests r on r.id = i.request_id
			where i.volunteer_id = p_user_id
		), '[]'::jsonb),
		'reports', coalesce((
			select jsonb_agg(jsonb_build_object(
				'target_type', rp.target_type, 'reason', rp.reason, 'status', rp.status, 'created_at', rp.created_at
			) order by rp.created_at desc)
			from public.reports rp where rp.reporter_id = p_user_id
		), '[]'::jsonb),
		-- Moderation of what this person wrote, and of their account, with the coordinator's reason
		-- (the author already reads it on their pages).
		'moderation', coalesce((
			select jsonb_agg(jsonb_build_object(
				'action', a.action, 'target_type', a.target_type, 'reason', a.reason, 'created_at', a.created_at
			) order by a.created_at desc)
			from public.moderation_actions a
			where (a.target_type = 'account' and a.target_id = p_user_id)
				or (a.target_type = 'help_request' and a.target_id in (
					select r.id from public.help_requests r where r.requester_id = p_user_id))
				or (a.target_type = 'help_offer' and a.target_id in (
					select o.id from public.help_offers o where o.volunteer_id = p_user_id))
				or (a.target_type = 'match_message' and a.target_id in (
					select mm.id from public.match_messages mm where mm.sender_id = p_user_id))
		), '[]'::jsonb),
		-- As a coordinator: counts only, the records are about others.
		'coordinator_work', jsonb_build_object(
			'invitations_sent', (select count(*) from public.help_invitations i where i.invited_by = p_user_id),
			'moderation_actions', (select count(*) from public.moderation_actions a where a.actor_id = p_user_id),
			'reports_handled', (select count(*) from public.reports rp where rp.handled_by = p_user_id)
		)
	);
$$;
revoke all on function public.export_buurthulp_data(uuid) from public, anon, authenticated;

insert into public.personal_data_exports (function_name, area, sort_order, tables) values
	('export_buurthulp_data', 'buurthulp', 20, array[
		'volunteer_profiles', 'help_requests', 'help_request_contacts', 'help_offers', 'responses',
		'matches', 'match_messages', 'thanks', 'followups', 'help_invitations', 'reports',
		'moderation_actions', 'volunteer_verifications', 'request_alerts', 'request_alert_deliveries'
	]);

-- ---------------------------------------------------------------------------------------------
-- The processing log: coordinators' reads and changes of residents' data
-- ---------------------------------------------------------------------------------------------

-- A coordinator registering, changing, accepting, completing or cancelling a request for a
-- resident (moderation is logged from moderation_actions below). The person concerned is the
-- requester, or for a resident without an account the request itself.
create or replace function public.log_help_request_change() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
begin
	if v_uid is null or v_uid is not distinct from new.requester_id
		or (tg_op = 'UPDATE' and new.hidden_at is distinct from old.hidden_at)
		or not public.has_role('coordinator', new.municipality_id) then
		return null;
	end if;
	perform public.log_processing(
		new.municipality_id, 'buurthulp.coordination', 'change',
		case
			when tg_op = 'INSERT' then 'help_request.registered'
			when new.status is distinct from old.status then 'help_request.' || new.status
			else 'help_request.changed'
		end,
		coalesce(new.requester_id, new.id), case when new.requester_id is null then 'help_request' else 'account' end,
		'help_request', new.id, 'coordinator'
	);
	return null;
end;
$$;
revoke all on function public.log_help_request_change() from public, anon, authenticated;

create trigger help_requests_processing_log after insert or update on public.help_requests
	for each row execute function public.log_help_request_change();

-- Every hide, unhide, block, unblock and dismissed report, for the person whose content or
-- account it was (or who reported).
create or replace function public.log_moderation_action() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_subject uuid;
	v_type text := 'account';
begin
	if new.target_type = 'help_request' then
		select coalesce(r.requester_id, r.id), case when r.requester_id is null then 'help_request' else 'account' end
		into v_subject, v_type from public.help_requests r where r.id = new.target_id;
	elsif new.target_type = 'help_offer' then
		select o.volunteer_id into v_subject from public.help_offers o where o.id = new.target_id;
	elsif new.target_type = 'match_message' then
		select m.sender_id into v_subject from public.match_messages m where m.id = new.target_id;
	elsif new.target_type = 'report' then
		select r.reporter_id into v_subject from public.reports r where r.id = new.target_id;
	else
		v_subject := new.target_id;
	end if;
	perform public.log_processing(
		new.municipality_id, 'buurthulp.moderation', 'change', 'moderation.' || new.action,
		v_subject, v_type, new.target_type, new.target_id, 'coordinator'
	);
	return null;
end;
$$;
revoke all on function public.log_moderation_action() from public, anon, authenticated;

create trigger moderation_actions_processing_log after insert on public.moderation_actions
	for each row execute function public.log_moderation_action();

-- ---------------------------------------------------------------------------------------------
-- Deleting an account (16_platform_account_deletion.sql): what Buurthulp does
-- ---------------------------------------------------------------------------------------------

insert into public.notification_kinds (kind, area) values
	('request_withdrawn', 'buurthulp'),
	('volunteer_left', 'buurthulp');

-- The person's open hulpvragen are withdrawn and whoever reacted or was matched is told; the
-- contact details of their requests go at once. As a volunteer, their active matches end (the
-- requester is told; a request has one match, so it is closed and can be asked again) and their
-- pending reactions go. Matches, messages and thanks stay for the other person without the name
-- (the foreign keys set the person to null when the account goes) and without the words the
-- person wrote in them.
create or replace function public.erase_buurthulp_data(p_user_id uuid, p_dry_run boolean) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
	v_request record;
	v_match record;
begin
	if p_dry_run then
		return jsonb_build_object(
			'open_requests', (
				select count(*) from public.help_requests h
				where h.requester_id = p_user_id and h.status in ('open', 'matched')
			),
			'active_matches', (
				select count(*) from public.matches m
				where (m.volunteer_id = p_user_id or m.requester_id = p_user_id) and m.status = 'active'
			),
			'pending_responses', (
				select count(*) from public.responses r where r.volunteer_id = p_user_id and r.status = 'pending'
			),
			'messages', (select count(*) from public.match_messages x where x.sender_id = p_user_id),
			'kept', '[]'::jsonb
		);
	end if;
	for v_request in
		select h.id, h.municipality_id, h.title from public.help_requests h
		where h.requester_id = p_user_id and h.status in ('open', 'matched')
		order by h.id for update
	loop
		perform public.notify(v_request.municipality_id, r.volunteer_id, 'request_withdrawn',
			jsonb_build_object('request_id', v_request.id, 'title', v_request.title))
		from public.responses r
		where r.request_id = v_request.id and r.status in ('pending', 'accepted') and r.volunteer_id <> p_user_id;
		update public.help_requests set status = 'cancelled', cancelled_at = now() where id = v_request.id;
		update public.matches set status = 'cancelled', cancelled_at = now()
			where request_id = v_request.id and status = 'active';
		update public.responses set status = 'declined' where request_id = v_request.id and status = 'pending';
	end loop;
	delete from public.help_request_contacts c
		using public.help_requests h
		where h.id = c.request_id and h.requester_id = p_user_id;
	for v_match in
		select m.id, m.municipality_id, m.request_id, m.requester_id, h.title
		from public.matches m join public.help_requests h on h.id = m.request_id
		where m.volunteer_id = p_user_id and m.status = 'active'
		order by m.id for update of m, h
	loop
		update public.matches set status = 'cancelled', cancelled_at = now() where id = v_match.id;
		update public.help_requests set status = 'cancelled', cancelled_at = now()
			where id = v_match.request_id and status = 'matched';
		perform public.notify(v_match.municipality_id, v_match.requester_id, 'volunteer_left',
			jsonb_build_object('request_id', v_match.request_id, 'title', v_match.title));
	end loop;
	delete from public.responses r where r.volunteer_id = p_user_id and r.status = 'pending';
	-- What the person wrote may hold their phone number or address: the other keeps the
	-- conversation, without its words.
	update public.match_messages set body = 'Dit bericht is verwijderd: de afzender doet niet meer mee.'
		where sender_id = p_user_id;
	update public.responses set message = 'Deze reactie is verwijderd.' where volunteer_id = p_user_id;
	return jsonb_build_object('kept', '[]'::jsonb);
end;
$$;
revoke all on function public.erase_buurthulp_data(uuid, boolean) from public, anon, authenticated;

insert into public.personal_data_erasures (function_name, area, sort_order) values
	('erase_buurthulp_data', 'buurthulp', 20);
