-- A volunteer a resident can trust (issue 20 point 4): the coordinator verifies a volunteer (met in
-- person, VOG seen: dates only), the volunteer can ask for it, and the coordinator sees who waits.
-- The table and is_verified_volunteer are in 21_buurthulp_volunteers.sql (the ranking and
-- matching files use them); what a vulnerable request refuses is in 22 and 23.

insert into public.processing_activities (
	code, area, name, purpose, legal_basis, legal_basis_detail, data_categories, special_categories,
	data_subjects, recipients, retention, retention_months, sort_order
) values
	('buurthulp.volunteer_verification', 'buurthulp', 'Vrijwilliger controleren',
		'De buurtcoördinator spreekt een vrijwilliger in het echt en ziet een VOG (Verklaring Omtrent het Gedrag). Daarna mag de vrijwilliger ook helpen bij hulpvragen voor kwetsbare inwoners, en zien inwoners dat de vrijwilliger gecontroleerd is.',
		'public_task', 'Wmo 2015, artikel 2.1.1; veilige hulp voor kwetsbare inwoners.',
		array['Datum van het gesprek', 'Datum van de VOG (niet de VOG zelf)', 'Tot wanneer de controle geldt', 'Wie controleerde'], '',
		array['Vrijwilligers'],
		array['Buurtcoördinatoren van de gemeente', 'Inwoners zien alleen dat je gecontroleerd bent'],
		'Zolang je account bestaat; na de einddatum geldt de controle niet meer.',
		null, 135);

insert into public.notification_kinds (kind, area) values
	('volunteer_verified', 'buurthulp'),
	('verification_lapsing', 'buurthulp');

-- The volunteer asks to be verified; the coordinators see them as waiting. Answers {ok, reason?}.
create or replace function public.request_volunteer_verification() returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_me public.volunteer_profiles%rowtype;
begin
	select * into v_me from public.volunteer_profiles where user_id = (select auth.uid());
	if not found then
		return jsonb_build_object('ok', false, 'reason', 'no_volunteer_profile');
	end if;
	insert into public.volunteer_verifications (volunteer_id, municipality_id, requested_at)
	values (v_me.user_id, v_me.municipality_id, now())
	on conflict (volunteer_id) do update set requested_at = coalesce(
		public.volunteer_verifications.requested_at, excluded.requested_at
	);
	return jsonb_build_object('ok', true);
end;
$$;
revoke all on function public.request_volunteer_verification() from public, anon, authenticated;
grant execute on function public.request_volunteer_verification() to authenticated;

-- A coordinator of the volunteer's municipality records the meeting and the VOG's date. The
-- verification holds for the municipality's volunteer_verification_months from today. A VOG
-- older than that period, or dates in the future, are refused. Answers {ok, reason?, expires_on}.
create or replace function public.verify_volunteer(p_volunteer_id uuid, p_met_on date, p_vog_issued_on date)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_me public.volunteer_profiles%rowtype;
	v_months integer;
	v_expires date;
begin
	select * into v_me from public.volunteer_profiles where user_id = p_volunteer_id;
	if not found or not public.has_role('coordinator', v_me.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	select m.volunteer_verification_months into v_months from public.municipalities m where m.id = v_me.municipality_id;
	if p_met_on is null or p_met_on > current_date or p_met_on < current_date - interval '1 year' then
		return jsonb_build_object('ok', false, 'reason', 'invalid_met_on');
	end if;
	if p_vog_issued_on is null or p_vog_issued_on > current_date
		or p_vog_issued_on < current_date - make_interval(months => v_months) then
		return jsonb_build_object('ok', false, 'reason', 'invalid_vog_issued_on');
	end if;
	v_expires := (current_date + make_interval(months => v_months))::date;
	insert into public.volunteer_verifications (
		volunteer_id, municipality_id, verified_at, verified_by, met_on, vog_issued_on, expires_on
	) values (p_volunteer_id, v_me.municipality_id, now(), (select auth.uid()), p_met_on, p_vog_issued_on, v_expires)
	on conflict (volunteer_id) do update set
		verified_at = excluded.verified_at, verified_by = excluded.verified_by, met_on = excluded.met_on,
		vog_issued_on = excluded.vog_issued_on, expires_on = excluded.expires_on, reminder_sent_at = null,
		-- The question is answered: after a lapse the volunteer asks anew.
		requested_at = null;
	perform public.log_audit(v_me.municipality_id, 'buurthulp.volunteer_verified', 'volunteer', p_volunteer_id,
		jsonb_build_object('expires_on', v_expires));
	perform public.notify(v_me.municipality_id, p_volunteer_id, 'volunteer_verified',
		jsonb_build_object('expires_on', v_expires));
	perform public.log_processing(
		v_me.municipality_id, 'buurthulp.volunteer_verification', 'change', 'volunteer.verified',
		p_volunteer_id, 'account', 'volunteer', p_volunteer_id, 'coordinator'
	);
	return jsonb_build_object('ok', true, 'expires_on', v_expires);
end;
$$;
revoke all on function public.verify_volunteer(uuid, date, date) from public, anon, authenticated;
grant execute on function public.verify_volunteer(uuid, date, date) to authenticated;

-- A coordinator withdraws a verification (doubt, or the volunteer stopped). Answers {ok}.
create or replace function public.withdraw_volunteer_verification(p_volunteer_id uuid) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_row public.volunteer_verifications%rowtype;
begin
	select * into v_row from public.volunteer_verifications where volunteer_id = p_volunteer_id for update;
	if not found or not public.has_role('coordinator', v_row.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	update public.volunteer_verifications
		set verified_at = null, verified_by = null, met_on = null, vog_issued_on = null, expires_on = null,
			reminder_sent_at = null, requested_at = null
		where volunteer_id = p_volunteer_id;
	perform public.log_audit(v_row.municipality_id, 'buurthulp.volunteer_verification_withdrawn', 'volunteer', p_volunteer_id, '{}'::jsonb);
	perform public.log_processing(
		v_row.municipality_id, 'buurthulp.volunteer_verification', 'change', 'volunteer.verification_withdrawn',
		p_volunteer_id, 'account', 'volunteer', p_volunteer_id, 'coordinator'
	);
	return jsonb_build_object('ok', true);
end;
$$;
revoke all on function public.withdraw_volunteer_verification(uuid) from public, anon, authenticated;
grant execute on function public.withdraw_volunteer_verification(uuid) to authenticated;

-- For the coordinator: who waits for verification (asked, or lapsed), whose verification lapses
-- within 60 days, and how many are verified. Each volunteer listed is a read in the log.
create or replace function public.volunteer_verifications_page() returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_rows jsonb;
begin
	perform public.log_reads_without_waiting();
	if v_municipality is null or not public.has_role('coordinator', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	with listed as (
		select v.volunteer_id, p.display_name, v.requested_at, v.verified_at, v.met_on, v.vog_issued_on, v.expires_on,
			case when v.verified_at is null or v.expires_on < current_date then 'waiting' else 'expiring' end as list
		from public.volunteer_verifications v join public.profiles p on p.id = v.volunteer_id
		where v.municipality_id = v_municipality
			and ((v.verified_at is null and v.requested_at is not null)
				or v.expires_on < current_date + 60)
		order by v.expires_on nulls first, v.requested_at
		limit 500
	)
	select coalesce(jsonb_agg(jsonb_build_object(
		'volunteer_id', l.volunteer_id, 'display_name', l.display_name, 'list', l.list,
		'requested_at', l.requested_at, 'verified_at', l.verified_at, 'met_on', l.met_on,
		'vog_issued_on', l.vog_issued_on, 'expires_on', l.expires_on
	)), '[]'::jsonb) into v_rows from listed l;
	perform public.log_processing_many(
		v_municipality, 'buurthulp.volunteer_verification', 'read', 'volunteer_verifications.viewed',
		array(select (x ->> 'volunteer_id')::uuid from jsonb_array_elements(v_rows) x), null,
		'volunteer', array(select (x ->> 'volunteer_id')::uuid from jsonb_array_elements(v_rows) x), 'coordinator'
	);
	return jsonb_build_object(
		'months', (select m.volunteer_verification_months from public.municipalities m where m.id = v_municipality),
		'verified', (select count(*) from public.volunteer_verifications v
			where v.municipality_id = v_municipality and v.verified_at is not null and v.expires_on >= current_date),
		'volunteers', v_rows
	);
end;
$$;
revoke all on function public.volunteer_verifications_page() from public, anon, authenticated;
grant execute on function public.volunteer_verifications_page() to authenticated;

-- What a resident sees of a volunteer before accepting a reaction: since when they volunteer, how
-- many matches they completed, whether they are verified (and until when). For security definer
-- pages that already checked the reader may see the reaction.
create or replace function public.volunteer_trust(p_volunteer_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'volunteer_since', (select v.created_at from public.volunteer_profiles v where v.user_id = p_volunteer_id),
		'completed_matches', (select count(*) from public.matches m where m.volunteer_id = p_volunteer_id and m.status = 'done'),
		'verified', public.is_verified_volunteer(p_volunteer_id),
		'verified_until', (select v.expires_on from public.volunteer_verifications v
			where v.volunteer_id = p_volunteer_id and v.verified_at is not null and v.expires_on >= current_date)
	);
$$;
revoke all on function public.volunteer_trust(uuid) from public, anon, authenticated;

-- Scheduled: a volunteer whose verification lapses within 30 days is told once, with the date, so
-- they can ask for a new check in time. Returns how many were told.
create or replace function public.remind_lapsing_verifications() returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_row record;
	v_told integer := 0;
begin
	for v_row in
		update public.volunteer_verifications v set reminder_sent_at = now()
		where v.verified_at is not null and v.reminder_sent_at is null
			and v.expires_on between current_date and current_date + 30
		returning v.volunteer_id, v.municipality_id, v.expires_on
	loop
		perform public.notify(v_row.municipality_id, v_row.volunteer_id, 'verification_lapsing',
			jsonb_build_object('expires_on', v_row.expires_on));
		v_told := v_told + 1;
	end loop;
	return v_told;
end;
$$;
revoke all on function public.remind_lapsing_verifications() from public, anon, authenticated;
grant execute on function public.remind_lapsing_verifications() to service_role;

-- Registered with the platform scheduler (06_platform_scheduler.sql).
insert into public.scheduled_jobs (name, area, every) values
	('remind_lapsing_verifications', 'buurthulp', interval '1 day');

-- The municipality admin sets how long a verification holds (6 to 120 months). Verifications
-- already made keep their end date. Answers {ok, reason?}.
create or replace function public.set_volunteer_verification_months(p_months integer) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_months is null or p_months not between 6 and 120 then
		return jsonb_build_object('ok', false, 'reason', 'months_out_of_range');
	end if;
	update public.municipalities set volunteer_verification_months = p_months where id = v_municipality;
	perform public.log_audit(v_municipality, 'buurthulp.verification_months_set', 'municipality', v_municipality,
		jsonb_build_object('months', p_months));
	return jsonb_build_object('ok', true);
end;
$$;
revoke all on function public.set_volunteer_verification_months(integer) from public, anon, authenticated;
grant execute on function public.set_volunteer_verification_months(integer) to authenticated;
