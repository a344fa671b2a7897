-- Mantelzorgwaardering registers with the platform's privacy services (issue 20): its processing
-- activities in the register, and the export of everything it holds about one person.

insert into public.processing_activities (
	code, area, name, purpose, legal_basis, legal_basis_detail, data_categories, special_categories,
	data_subjects, recipients, retention, retention_months, sort_order
) values
	('mantelzorg.application_review', 'mantelzorg', 'Mantelzorgaanvraag beoordelen',
		'Een consulent van het sociaal wijkteam beoordeelt of je de mantelzorgwaardering krijgt. Daarvoor kijkt de consulent naar jou, naar de persoon voor wie je zorgt, en of er twee keer voor dezelfde persoon is aangevraagd.',
		'public_task', 'Wmo 2015, artikel 2.1.6: de gemeente geeft mantelzorgers elk jaar een blijk van waardering.',
		array['Naam, geboortedatum en adres', 'E-mailadres en telefoonnummer', 'Naam en postcode van de persoon voor wie je zorgt', 'Relatie, uren per week en sinds wanneer', 'Vragen, antwoorden en het besluit'],
		'Gezondheid: dat de persoon voor wie je zorgt zorg nodig heeft.',
		array['Mantelzorgers', 'De personen voor wie zij zorgen'],
		array['De consulent van het sociaal wijkteam van je wijk', 'Beheerders van de gemeente'],
		'Tot het einde van de bewaartermijn van de regeling (standaard 2 jaar na de laatste dag om te verzilveren). Daarna bewaren we alleen tellingen per wijk, zonder namen.',
		null, 210),
	('mantelzorg.cheques', 'mantelzorg', 'Cheque of Pluim geven en verzilveren',
		'Je krijgt een cheque of Pluim en besteedt die bij een winkel. De winkel ziet alleen je voornaam en wat er nog op staat.',
		'public_task', 'Wmo 2015, artikel 2.1.6.',
		array['Code en waarde van de cheque', 'Voornaam', 'Waar en wanneer je hem gebruikte'], '',
		array['Mantelzorgers'],
		array['De winkel ziet je voornaam en het saldo', 'Beheerders van de gemeente'],
		'Zo lang als de gemeente haar boekhouding bewaart (7 jaar). Je naam halen we eraf aan het einde van de bewaartermijn van de regeling.',
		null, 220),
	('mantelzorg.letters', 'mantelzorg', 'Brieven voor mantelzorgers zonder e-mail',
		'Wie geen e-mail heeft, krijgt de cheque en de herinnering per brief. Een medewerker van de gemeente print de brieven.',
		'public_task', 'Wmo 2015, artikel 2.1.6.',
		array['Naam en adres', 'Code en waarde van de cheque'], '',
		array['Mantelzorgers zonder e-mail'],
		array['Beheerders van de gemeente'],
		'Tot het einde van de bewaartermijn van de regeling.',
		null, 230),
	('mantelzorg.callback', 'mantelzorg', 'Steekproef: mantelzorgers terugbellen',
		'De gemeente belt een paar goedgekeurde aanvragen na, om te controleren dat het geld goed terechtkomt.',
		'public_task', 'Gemeentewet artikel 212 (financiële controle).',
		array['Naam, telefoonnummer en e-mailadres', 'Uitkomst van het gesprek'], '',
		array['Mantelzorgers'],
		array['Beheerders van de gemeente'],
		'Tot het einde van de bewaartermijn van de regeling.',
		null, 240),
	('mantelzorg.shops', 'mantelzorg', 'Winkels die meedoen',
		'Winkels melden zich aan, de gemeente keurt ze goed, en hun medewerkers nemen cheques aan.',
		'contract', 'De afspraken tussen de gemeente en de winkel.',
		array['Naam en KvK-nummer van de winkel', 'Naam, e-mail en telefoon van de contactpersoon', 'IBAN', 'Medewerkers'], '',
		array['Contactpersonen en medewerkers van winkels'],
		array['Beheerders van de gemeente'],
		'Zolang de winkel meedoet, en daarna zo lang als de gemeente haar boekhouding bewaart.',
		null, 250),
	('mantelzorg.reimbursement', 'mantelzorg', 'Winkels uitbetalen',
		'De gemeente betaalt winkels het bedrag van de cheques die zij aannamen.',
		'legal_obligation', 'Gemeentewet artikel 212 (financiële verantwoording).',
		array['Bedragen en data', 'IBAN en naam van de rekeninghouder'], '',
		array['Winkels'],
		array['Beheerders van de gemeente', 'De bank van de gemeente'],
		'7 jaar, zoals de gemeente haar boekhouding bewaart.',
		84, 260);

-- What Mantelzorgwaardering holds about one person: their applications (as they sent them, with
-- questions, answers and the decision), their cheques with receipts (the code's last four
-- characters only: a downloaded file should not be money), the call-back checks and the history
-- of their applications and cheques; shops they own; and as staff, counts.
create or replace function public.export_mantelzorg_data(p_user_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'applications', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'scheme_year', s.year, 'status', a.status, 'district', d.name,
				'carer_first_name', a.carer_first_name, 'carer_last_name', a.carer_last_name,
				'carer_birth_date', a.carer_birth_date, 'carer_postcode', a.carer_postcode,
				'carer_house_number', a.carer_house_number, 'carer_email', a.carer_email,
				'carer_phone', a.carer_phone, 'care_recipient_name', a.care_recipient_name,
				'care_recipient_postcode', a.care_recipient_postcode, 'care_relation', a.care_relation,
				'hours_per_week', a.hours_per_week, 'caring_since', a.caring_since, 'consent_at', a.consent_at,
				'entered_by_caseworker', a.entered_by is not null,
				'question', a.question, 'question_asked_at', a.question_asked_at, 'answer', a.answer,
				'answered_at', a.answered_at, 'decided_at', a.decided_at, 'rejection_reason', a.rejection_reason,
				'created_at', a.created_at,
				'kept_until', (s.redeem_until + make_interval(months => s.retention_months))::date,
				'callback_checks', coalesce((
					select jsonb_agg(jsonb_build_object(
						'drawn_at', c.created_at, 'outcome', c.outcome, 'note', c.note, 'recorded_at', c.recorded_at
					) order by c.created_at)
					from public.callback_checks c where c.application_id = a.id
				), '[]'::jsonb),
				'history', coalesce((
					select jsonb_agg(jsonb_build_object('action', l.action, 'created_at', l.created_at) order by l.created_at)
					from public.audit_log l where l.entity_type = 'application' and l.entity_id = a.id
				), '[]'::jsonb)
			) order by a.created_at desc)
			from public.applications a
			join public.schemes s on s.id = a.scheme_id
			join public.districts d on d.id = a.district_id
			where a.carer_user_id = p_user_id
		), '[]'::jsonb),
		'cheques', coalesce((
			select jsonb_agg(jsonb_build_object(
				'kind', c.kind, 'code_ends_with', right(c.code, 4), 'value_cents', c.value_cents,
				'remaining_cents', c.remaining_cents, 'expires_on', c.expires_on, 'status', c.status,
				'holder_first_name', c.holder_first_name, 'created_at', c.created_at,
				'redemptions', coalesce((
					select jsonb_agg(jsonb_build_object(
						'created_at', r.created_at, 'amount_cents', r.amount_cents, 'shop', sh.name,
						'undone_at', r.undone_at
					) order by r.created_at)
					from public.redemptions r join public.shops sh on sh.id = r.shop_id
					where r.cheque_id = c.id
				), '[]'::jsonb)
			) order by c.created_at desc)
			from public.cheques c where c.carer_user_id = p_user_id
		), '[]'::jsonb),
		'shops_owned', coalesce((
			select jsonb_agg(jsonb_build_object(
				'name', s.name, 'kvk_number', s.kvk_number, 'street_address', s.street_address,
				'postcode', s.postcode, 'city', s.city, 'category', s.category, 'status', s.status,
				'iban', pd.iban, 'account_holder', pd.account_holder, 'contact_name', pd.contact_name,
				'contact_email', pd.contact_email, 'contact_phone', pd.contact_phone, 'created_at', s.created_at
			) order by s.created_at)
			from public.shops s left join public.shop_private_details pd on pd.shop_id = s.id
			where s.owner_user_id = p_user_id
		), '[]'::jsonb),
		'caseworker_districts', coalesce((
			select jsonb_agg(d.name order by d.name)
			from public.caseworker_districts cd join public.districts d on d.id = cd.district_id
			where cd.user_id = p_user_id
		), '[]'::jsonb),
		-- As staff: counts only, the records are about carers and shops.
		'staff_work', jsonb_build_object(
			'applications_entered', (select count(*) from public.applications a where a.entered_by = p_user_id),
			'applications_decided', (select count(*) from public.applications a where a.decided_by = p_user_id),
			'questions_asked', (select count(*) from public.applications a where a.question_asked_by = p_user_id),
			'callback_checks', (select count(*) from public.callback_checks c where c.drawn_by = p_user_id or c.recorded_by = p_user_id),
			'cheques_blocked', (select count(*) from public.cheques c where c.blocked_by = p_user_id),
			'shops_decided', (select count(*) from public.shops s where s.decided_by = p_user_id),
			'redemptions', (select count(*) from public.redemptions r where r.staff_user_id = p_user_id),
			'redemptions_undone', (select count(*) from public.redemptions r where r.undone_by = p_user_id),
			'wrong_codes', (select count(*) from public.code_attempts c where c.staff_user_id = p_user_id),
			'payout_batches', (select count(*) from public.reimbursement_batches b
				where p_user_id in (b.created_by, b.approved_by, b.exported_by))
		)
	);
$$;
revoke all on function public.export_mantelzorg_data(uuid) from public, anon, authenticated;

insert into public.personal_data_exports (function_name, area, sort_order, tables) values
	('export_mantelzorg_data', 'mantelzorg', 30, array[
		'applications', 'callback_checks', 'cheques', 'redemptions', 'shops', 'shop_private_details',
		'caseworker_districts', 'code_attempts', 'reimbursement_batches'
	]);

-- ---------------------------------------------------------------------------------------------
-- The processing log: staff reads and changes of a carer's data
-- ---------------------------------------------------------------------------------------------

-- Whom an application is about: the carer's account, or for a carer without one the application.
create or replace function public.application_subject(p_app public.applications, out subject_id uuid, out subject_type text)
language sql immutable set search_path = '' as $$
	select coalesce(p_app.carer_user_id, p_app.id),
		case when p_app.carer_user_id is null then 'application' else 'account' end;
$$;
revoke all on function public.application_subject(public.applications) from public, anon, authenticated;

-- Every change to an application by someone other than its carer (a consulent entering, asking,
-- recording an answer, deciding; an admin), in the same transaction.
create or replace function public.log_application_change() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_subject record;
	v_role text;
begin
	if (select auth.uid()) is null or (select auth.uid()) is not distinct from new.carer_user_id then
		return null;
	end if;
	select * into v_subject from public.application_subject(new);
	v_role := public.processing_actor_role(new.municipality_id, array['caseworker', 'municipality_admin']);
	perform public.log_processing(
		new.municipality_id, 'mantelzorg.application_review', 'change',
		case
			when tg_op = 'INSERT' then 'application.entered'
			when new.status is distinct from old.status then 'application.' || new.status
			else 'application.changed'
		end,
		v_subject.subject_id, v_subject.subject_type, 'application', new.id, v_role,
		case when v_role = 'caseworker' then new.district_id end
	);
	return null;
end;
$$;
revoke all on function public.log_application_change() from public, anon, authenticated;

create trigger applications_processing_log after insert or update on public.applications
	for each row execute function public.log_application_change();

-- A cheque blocked (and reissued) by a consulent or an admin.
create or replace function public.log_cheque_change() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_app public.applications;
	v_subject record;
	v_role text;
begin
	if (select auth.uid()) is null or new.status is not distinct from old.status then
		return null;
	end if;
	select * into v_app from public.applications a where a.id = new.application_id;
	if v_app.id is null then
		return null;
	end if;
	select * into v_subject from public.application_subject(v_app);
	v_role := public.processing_actor_role(new.municipality_id, array['caseworker', 'municipality_admin']);
	perform public.log_processing(
		new.municipality_id, 'mantelzorg.cheques', 'change', 'cheque.' || new.status,
		v_subject.subject_id, v_subject.subject_type, 'cheque', new.id, v_role,
		case when v_role = 'caseworker' then v_app.district_id end
	);
	return null;
end;
$$;
revoke all on function public.log_cheque_change() from public, anon, authenticated;

create trigger cheques_processing_log after update of status on public.cheques
	for each row execute function public.log_cheque_change();

-- A call-back check drawn for a carer, and its outcome written down.
create or replace function public.log_callback_change() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_app public.applications;
	v_subject record;
begin
	if (select auth.uid()) is null then
		return null;
	end if;
	select * into v_app from public.applications a where a.id = new.application_id;
	select * into v_subject from public.application_subject(v_app);
	perform public.log_processing(
		new.municipality_id, 'mantelzorg.callback', 'change',
		case when tg_op = 'INSERT' then 'callback_check.drawn' else 'callback_check.recorded' end,
		v_subject.subject_id, v_subject.subject_type, 'callback_check', new.id, 'municipality_admin'
	);
	return null;
end;
$$;
revoke all on function public.log_callback_change() from public, anon, authenticated;

create trigger callback_checks_processing_log after insert or update of outcome on public.callback_checks
	for each row execute function public.log_callback_change();

-- application_file: unchanged from *_mantelzorg.sql but for the processing-log line (the read).
create or replace function public.application_file(p_application_id uuid) returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
	v_signals jsonb;
	v_subject record;
	v_caseworker boolean;
begin
	select * into v_app from public.applications where id = p_application_id;
	if not found then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	v_caseworker := public.is_caseworker_for(v_app.municipality_id, v_app.district_id);
	if not (v_caseworker or public.has_role('municipality_admin', v_app.municipality_id)) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	v_signals := public.application_signals(v_app);
	perform public.log_audit(v_app.municipality_id, 'mantelzorg.application_viewed', 'application', v_app.id, '{}'::jsonb);
	select * into v_subject from public.application_subject(v_app);
	perform public.log_processing(
		v_app.municipality_id, 'mantelzorg.application_review', 'read', 'application_file.viewed',
		v_subject.subject_id, v_subject.subject_type, 'application', v_app.id,
		case when v_caseworker then 'caseworker' else 'municipality_admin' end,
		case when v_caseworker then v_app.district_id end
	);
	return jsonb_build_object(
		'application', to_jsonb(v_app) || jsonb_build_object(
			'district_name', (select d.name from public.districts d where d.id = v_app.district_id),
			'age', extract(year from age(current_date, v_app.carer_birth_date))::integer,
			'entered_by_name', (select p.display_name from public.profiles p where p.id = v_app.entered_by),
			'decided_by_name', (select p.display_name from public.profiles p where p.id = v_app.decided_by)
		),
		'scheme', (select jsonb_build_object('id', s.id, 'year', s.year, 'young_carer_max_age', s.young_carer_max_age,
			'min_hours_per_week', s.min_hours_per_week, 'min_months', s.min_months)
			from public.schemes s where s.id = v_app.scheme_id),
		'cheques', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', c.id, 'kind', c.kind, 'code', c.code, 'value_cents', c.value_cents,
				'remaining_cents', c.remaining_cents, 'expires_on', c.expires_on, 'status', c.status,
				'replaced_by', c.replaced_by, 'letter_needed', c.letter_needed,
				'letter_printed_at', c.letter_printed_at, 'created_at', c.created_at
			) order by c.created_at)
			from public.cheques c where c.application_id = v_app.id
		), '[]'::jsonb),
		'signals', v_signals,
		'flags', public.signal_flags(v_signals),
		'related', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id, 'status', a.status, 'created_at', a.created_at,
				'carer_first_name', a.carer_first_name, 'carer_last_name', a.carer_last_name,
				'district_name', d.name
			) order by a.created_at)
			from public.applications a join public.districts d on d.id = a.district_id
			where a.municipality_id = v_app.municipality_id and a.id <> v_app.id
				and (
					(lower(a.carer_last_name) = lower(v_app.carer_last_name) and a.carer_birth_date = v_app.carer_birth_date
						and a.carer_postcode = v_app.carer_postcode)
					or (a.scheme_id = v_app.scheme_id and lower(a.care_recipient_name) = lower(v_app.care_recipient_name)
						and a.care_recipient_postcode = v_app.care_recipient_postcode)
					or (a.scheme_id = v_app.scheme_id and a.carer_postcode = v_app.carer_postcode
						and lower(a.carer_house_number) = lower(v_app.carer_house_number))
				)
				and (public.is_caseworker_for(a.municipality_id, a.district_id) or public.has_role('municipality_admin', a.municipality_id))
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.application_file(uuid) from public;
grant execute on function public.application_file(uuid) to authenticated;

-- callback_checks_page: unchanged from *_mantelzorg.sql but volatile, with one processing-log
-- line per carer on the list (the page shows their phone number and e-mail address).
create or replace function public.callback_checks_page() returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_page jsonb;
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	v_page := coalesce((
		select jsonb_agg(jsonb_build_object(
			'id', c.id, 'application_id', a.id, 'drawn_at', c.created_at, 'outcome', c.outcome,
			'note', c.note, 'recorded_at', c.recorded_at,
			'carer_first_name', a.carer_first_name, 'carer_last_name', a.carer_last_name,
			'carer_phone', a.carer_phone, 'carer_email', a.carer_email, 'district_name', d.name,
			'decided_at', a.decided_at
		) order by c.outcome is not null, c.created_at desc)
		from public.callback_checks c
		join public.applications a on a.id = c.application_id
		join public.districts d on d.id = a.district_id
		where c.municipality_id = v_municipality
	), '[]'::jsonb);
	perform public.log_processing_many(
		v_municipality, 'mantelzorg.callback', 'read', 'callback_checks.viewed',
		array_agg(coalesce(a.carer_user_id, a.id)),
		array_agg(case when a.carer_user_id is null then 'application' else 'account' end),
		'callback_check', array_agg(c.id), 'municipality_admin'
	)
	from public.callback_checks c join public.applications a on a.id = c.application_id
	where c.municipality_id = v_municipality;
	return v_page;
end;
$$;
revoke all on function public.callback_checks_page() from public;
grant execute on function public.callback_checks_page() to authenticated;

-- letter_print_page: unchanged from *_mantelzorg_letters.sql but volatile, with one processing-log
-- line per carer whose name, address and code the page (or its PDF) shows.
create or replace function public.letter_print_page() returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_queue jsonb;
begin
	-- letter_queue refuses everyone but the municipality's admins.
	v_queue := public.letter_queue();
	perform public.log_processing_many(
		v_municipality, 'mantelzorg.letters', 'read', 'letters.viewed',
		array_agg(coalesce(a.carer_user_id, a.id)),
		array_agg(case when a.carer_user_id is null then 'application' else 'account' end),
		'cheque', array_agg(c.id), 'municipality_admin'
	)
	from jsonb_array_elements(v_queue) q (letter)
	join public.cheques c on c.id = (q.letter ->> 'cheque_id')::uuid
	join public.applications a on a.id = c.application_id;
	return jsonb_build_object(
		'municipality_name', (select m.name from public.municipalities m where m.id = v_municipality),
		'letters', coalesce((
			select jsonb_agg(q.letter || jsonb_build_object('scheme_year', s.year) order by q.ord)
			from jsonb_array_elements(v_queue) with ordinality as q (letter, ord)
			join public.cheques c on c.id = (q.letter ->> 'cheque_id')::uuid
			join public.schemes s on s.id = c.scheme_id
		), '[]'::jsonb),
		'shops', public.approved_shops(v_municipality, null, null) -> 'shops'
	);
end;
$$;
revoke all on function public.letter_print_page() from public;
grant execute on function public.letter_print_page() to authenticated;
