-- Mantelzorgwaardering for the carer: their own page (applications, cheques and receipts), the
-- printed letters for carers without an account, and the scheduled jobs: expiry reminders, and
-- deleting personal data after the retention period.

-- ---------------------------------------------------------------------------------------------
-- The carer's own page: applications, cheques and their receipts
-- ---------------------------------------------------------------------------------------------

-- Runs as the carer (security invoker): RLS shows them only their own rows.
create or replace function public.my_carer_page() returns jsonb language sql stable security invoker set search_path = '' as $$
	select jsonb_build_object(
		'open_scheme', (
			select jsonb_build_object(
				'id', s.id, 'year', s.year, 'application_opens_on', s.application_opens_on,
				'application_closes_on', s.application_closes_on, 'redeem_until', s.redeem_until
			)
			from public.schemes s
			where s.municipality_id = public.my_municipality_id()
				and current_date between s.application_opens_on and s.application_closes_on
			order by s.year desc limit 1
		),
		'applications', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'status', a.status, 'created_at', a.created_at, 'scheme_year', s.year,
				'care_recipient_name', a.care_recipient_name, 'question', a.question,
				'question_asked_at', a.question_asked_at, 'answer', a.answer, 'answered_at', a.answered_at,
				'decided_at', a.decided_at, 'rejection_reason', a.rejection_reason
			) order by a.created_at desc)
			from public.applications a join public.schemes s on s.id = a.scheme_id
			where a.carer_user_id = (select auth.uid())
		), '[]'::jsonb),
		'cheques', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', c.id, 'application_id', c.application_id, 'kind', c.kind, 'code', c.code,
				'value_cents', c.value_cents, 'remaining_cents', c.remaining_cents,
				'expires_on', c.expires_on, 'status', c.status, 'created_at', c.created_at,
				'receipts', public.cheque_receipts(c.id)
			) order by c.status, c.created_at desc)
			from public.cheques c
			where c.carer_user_id = (select auth.uid())
		), '[]'::jsonb)
	);
$$;
revoke all on function public.my_carer_page() from public;
grant execute on function public.my_carer_page() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The letter queue: cheques (and expiry reminders) for carers without an account
-- ---------------------------------------------------------------------------------------------

-- Every letter waiting to be printed, with the name and address to print on it: kind 'cheque'
-- (the new cheque) or 'reminder' (it expires soon). Admins only.
create or replace function public.letter_queue() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return coalesce((
		select jsonb_agg(jsonb_build_object(
			'cheque_id', c.id, 'letter', l.letter, 'kind', c.kind,
			'value_cents', c.value_cents, 'remaining_cents', c.remaining_cents, 'expires_on', c.expires_on,
			'carer_first_name', a.carer_first_name, 'carer_last_name', a.carer_last_name,
			'carer_postcode', a.carer_postcode, 'carer_house_number', a.carer_house_number,
			'carer_street', a.carer_street, 'carer_town', a.carer_town,
			'district_name', d.name, 'created_at', c.created_at,
			'issued_by_me', c.issued_by is not distinct from (select auth.uid())
		) order by d.name, a.carer_last_name, c.created_at)
		from public.cheques c
		join public.applications a on a.id = c.application_id
		join public.districts d on d.id = a.district_id
		cross join lateral (
			select 'cheque' as letter where c.letter_needed and c.letter_printed_at is null
			union all
			select 'reminder' where c.reminder_letter_needed and c.reminder_letter_printed_at is null
		) l
		where c.municipality_id = v_municipality and c.status = 'active'
	), '[]'::jsonb);
end;
$$;
revoke all on function public.letter_queue() from public, anon;
grant execute on function public.letter_queue() to authenticated;

-- Marks letters printed; returns how many. p_letter: 'cheque' or 'reminder'.
create or replace function public.mark_letters_printed(p_cheque_ids uuid[], p_letter text default 'cheque')
returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_count integer;
begin
	perform public.assert_max_items(p_cheque_ids, 2000, 'cheque_ids');
	perform public.assert_max_length(p_letter, 20, 'letter');
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_letter = 'cheque' then
		update public.cheques set letter_printed_at = now()
		where id = any (p_cheque_ids) and municipality_id = v_municipality and letter_needed and letter_printed_at is null;
	elsif p_letter = 'reminder' then
		update public.cheques set reminder_letter_printed_at = now()
		where id = any (p_cheque_ids) and municipality_id = v_municipality
			and reminder_letter_needed and reminder_letter_printed_at is null;
	else
		raise exception 'invalid_letter' using errcode = '22023';
	end if;
	get diagnostics v_count = row_count;
	perform public.log_audit(v_municipality, 'mantelzorg.letters_printed', 'cheque', null,
		jsonb_build_object('letter', p_letter, 'count', v_count));
	return v_count;
end;
$$;
revoke all on function public.mark_letters_printed(uuid[], text) from public;
grant execute on function public.mark_letters_printed(uuid[], text) to authenticated;

-- Everything the PDF of the waiting letters prints, codes included, for the letters the caller
-- may print (not the ones of cheques they issued). Each letter handed out is written to the
-- audit log with who printed it: downloading the PDF again is logged again.
create or replace function public.print_letter_queue() returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_letters jsonb;
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	select coalesce(jsonb_agg(q.letter || jsonb_build_object('code', c.code, 'scheme_year', s.year) order by q.ord), '[]'::jsonb)
	into v_letters
	from jsonb_array_elements(public.letter_queue()) with ordinality as q (letter, ord)
	join public.cheques c on c.id = (q.letter ->> 'cheque_id')::uuid
	join public.schemes s on s.id = c.scheme_id
	where not (q.letter ->> 'issued_by_me')::boolean;
	perform public.log_audit(v_municipality, 'mantelzorg.letter_printed', 'cheque', (l ->> 'cheque_id')::uuid,
		jsonb_build_object('letter', l ->> 'letter'))
	from jsonb_array_elements(v_letters) l;
	-- The processing log: one line per carer whose name, address and code the PDF prints.
	perform public.log_processing_many(
		v_municipality, 'mantelzorg.letters', 'read', 'letters.printed',
		array_agg(coalesce(a.carer_user_id, a.id)),
		array_agg(case when a.carer_user_id is null then 'application' else 'account' end),
		'cheque', array_agg(c.id), 'municipality_admin'
	)
	from jsonb_array_elements(v_letters) l
	join public.cheques c on c.id = (l ->> 'cheque_id')::uuid
	join public.applications a on a.id = c.application_id;
	return jsonb_build_object(
		'municipality_name', (select m.name from public.municipalities m where m.id = v_municipality),
		'letters', v_letters,
		'shops', public.approved_shops(v_municipality, null, null) -> 'shops'
	);
end;
$$;
revoke all on function public.print_letter_queue() from public, anon;
grant execute on function public.print_letter_queue() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Scheduled jobs: expiry reminders, and deleting personal data after the retention period
-- ---------------------------------------------------------------------------------------------

-- The reminder is a mail to a carer with an account (words in src/lib/server/mantelzorg/mail.ts).
insert into public.notification_kinds (kind, area) values ('cheque_expiry_reminder', 'mantelzorg');
-- 30 days before a cheque expires with money left on it: a mail to a carer with an account, a
-- reminder letter in the queue for one without. Once per cheque.
create or replace function public.remind_expiring_cheques() returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_cheque public.cheques%rowtype;
	v_count integer := 0;
begin
	for v_cheque in
		select * from public.cheques c
		where c.status = 'active' and c.reminder_sent_at is null and c.remaining_cents > 0
			and c.expires_on between current_date and current_date + 30
		order by c.expires_on
		limit 5000
		for update skip locked
	loop
		if v_cheque.carer_user_id is not null then
			perform public.notify(v_cheque.municipality_id, v_cheque.carer_user_id, 'cheque_expiry_reminder',
				jsonb_build_object('cheque_id', v_cheque.id, 'expires_on', v_cheque.expires_on, 'kind', v_cheque.kind));
		end if;
		update public.cheques
		set reminder_sent_at = now(), reminder_letter_needed = v_cheque.carer_user_id is null
		where id = v_cheque.id;
		perform public.log_audit(v_cheque.municipality_id, 'mantelzorg.cheque_reminded', 'cheque', v_cheque.id,
			jsonb_build_object('by_letter', v_cheque.carer_user_id is null));
		v_count := v_count + 1;
	end loop;
	return v_count;
end;
$$;
revoke all on function public.remind_expiring_cheques() from public, anon, authenticated;
grant execute on function public.remind_expiring_cheques() to service_role;

-- For each scheme whose retention has ended (redeem_until + retention_months before today):
-- add its applications to the anonymous counts per wijk, strip the cheques of the holder's name
-- and account, and delete the applications (their call-back checks go with them). The cheques
-- themselves stay, as the ledger of what shops were paid for.
create or replace function public.purge_expired_applications() returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_scheme public.schemes%rowtype;
	v_deleted integer;
	v_total integer := 0;
begin
	for v_scheme in
		select * from public.schemes s
		where s.redeem_until + make_interval(months => s.retention_months) < current_date
			and exists (select 1 from public.applications a where a.scheme_id = s.id)
		for update skip locked
	loop
		insert into public.scheme_counts (municipality_id, scheme_id, district_id, applications, approved, rejected, young_carers)
		select v_scheme.municipality_id, v_scheme.id, a.district_id, count(*),
			count(*) filter (where a.status = 'approved'),
			count(*) filter (where a.status = 'rejected'),
			count(*) filter (where a.status = 'approved' and exists (
				select 1 from public.cheques c where c.application_id = a.id and c.kind = 'pluim'))
		from public.applications a where a.scheme_id = v_scheme.id
		group by a.district_id
		on conflict (scheme_id, district_id) do update set
			applications = public.scheme_counts.applications + excluded.applications,
			approved = public.scheme_counts.approved + excluded.approved,
			rejected = public.scheme_counts.rejected + excluded.rejected,
			young_carers = public.scheme_counts.young_carers + excluded.young_carers;
		update public.cheques set holder_first_name = null, carer_user_id = null
		where scheme_id = v_scheme.id;
		-- The confirmation mails to an address a consulent typed (application_received) go too.
		delete from public.notification_outbox o
		where o.recipient_email is not null and o.municipality_id = v_scheme.municipality_id
			and o.payload ->> 'application_id' in (
				select a.id::text from public.applications a where a.scheme_id = v_scheme.id);
		delete from public.applications where scheme_id = v_scheme.id;
		get diagnostics v_deleted = row_count;
		perform public.log_audit(v_scheme.municipality_id, 'mantelzorg.applications_purged', 'scheme', v_scheme.id,
			jsonb_build_object('year', v_scheme.year, 'applications', v_deleted));
		v_total := v_total + v_deleted;
	end loop;
	return v_total;
end;
$$;
revoke all on function public.purge_expired_applications() from public, anon, authenticated;
grant execute on function public.purge_expired_applications() to service_role;

-- Registered with the platform scheduler (06_platform_scheduler.sql).
insert into public.scheduled_jobs (name, area, every) values
	('remind_expiring_cheques', 'mantelzorg', interval '1 day'),
	('purge_expired_applications', 'mantelzorg', interval '1 day');
