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
				'carer_house_number', a.carer_house_number, 'carer_street', a.carer_street,
				'carer_town', a.carer_town, 'carer_email', a.carer_email,
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
		'shop_memberships', coalesce((
			select jsonb_agg(jsonb_build_object('shop', s.name, 'since', mb.created_at) order by mb.created_at)
			from public.memberships mb join public.shops s on s.id = mb.shop_id
			where mb.user_id = p_user_id and mb.role = 'shop_staff'
		), '[]'::jsonb),
		-- Invitations to work at a shop, sent to this person's address (an owner typed it).
		'shop_invitations', coalesce((
			select jsonb_agg(jsonb_build_object(
				'shop', s.name, 'created_at', i.created_at, 'expires_at', i.expires_at,
				'accepted_at', i.accepted_at, 'withdrawn_at', i.withdrawn_at
			) order by i.created_at desc)
			from public.shop_staff_invitations i
			join public.shops s on s.id = i.shop_id
			where i.email = (select lower(u.email) from auth.users u where u.id = p_user_id)
				or i.accepted_by = p_user_id
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
			'shop_invitations_sent', (select count(*) from public.shop_staff_invitations i where i.invited_by = p_user_id),
			'payout_batches', (select count(*) from public.reimbursement_batches b
				where p_user_id in (b.created_by, b.approved_by, b.exported_by))
		)
	);
$$;
revoke all on function public.export_mantelzorg_data(uuid) from public, anon, authenticated;

insert into public.personal_data_exports (function_name, area, sort_order, tables) values
	('export_mantelzorg_data', 'mantelzorg', 30, array[
		'applications', 'callback_checks', 'cheques', 'redemptions', 'shops', 'shop_private_details',
		'caseworker_districts', 'code_attempts', 'reimbursement_batches', 'shop_staff_invitations'
	]);

-- ---------------------------------------------------------------------------------------------
-- The processing log: staff reads and changes of a carer's data
-- ---------------------------------------------------------------------------------------------



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

-- ---------------------------------------------------------------------------------------------
-- Deleting an account (16_platform_account_deletion.sql): what Mantelzorg does
-- ---------------------------------------------------------------------------------------------

-- An approved application and its cheques are part of the municipality's financial accounts: they
-- are kept until the retention job removes them (the scheme's redeem_until plus its
-- retention_months), without the carer's e-mail, phone and address; the name stays, as the
-- payments need it. Every other application of the person goes at once. The person's cheques are
-- locked first, so a redemption in progress finishes before the account goes (and one that starts
-- later finds the cheque as it was: a cheque in hand keeps its value).
create or replace function public.erase_mantelzorg_data(p_user_id uuid, p_dry_run boolean) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
	v_kept jsonb;
	v_removed integer;
begin
	if not p_dry_run then
		perform 1 from public.cheques c where c.carer_user_id = p_user_id order by c.id for update;
		perform 1 from public.applications a where a.carer_user_id = p_user_id order by a.id for update;
	end if;
	select coalesce(jsonb_agg(jsonb_build_object(
		'area', 'mantelzorg', 'what', 'application', 'id', a.id, 'year', s.year,
		'until', s.redeem_until + make_interval(months => s.retention_months),
		'fields', jsonb_build_array('carer_first_name', 'carer_last_name', 'carer_birth_date', 'care_recipient_name',
			'care_recipient_postcode', 'care_relation', 'hours_per_week', 'cheques')
	) order by s.year), '[]'::jsonb)
	into v_kept
	from public.applications a join public.schemes s on s.id = a.scheme_id
	where a.carer_user_id = p_user_id and a.status = 'approved';
	if p_dry_run then
		return jsonb_build_object(
			'applications_removed', (
				select count(*) from public.applications a where a.carer_user_id = p_user_id and a.status <> 'approved'
			),
			'kept', v_kept
		);
	end if;
	update public.applications
	set carer_email = null, carer_phone = null, carer_postcode = null, carer_house_number = null,
		carer_street = null, carer_town = null
	where carer_user_id = p_user_id and status = 'approved';
	delete from public.applications where carer_user_id = p_user_id and status <> 'approved';
	get diagnostics v_removed = row_count;
	return jsonb_build_object('kept', v_kept, 'applications_removed', v_removed);
end;
$$;
revoke all on function public.erase_mantelzorg_data(uuid, boolean) from public, anon, authenticated;

insert into public.personal_data_erasures (function_name, area, sort_order) values
	('erase_mantelzorg_data', 'mantelzorg', 30);
