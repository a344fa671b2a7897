-- Mantelzorgwaardering applications (aanvragen): a carer applies, or a consulent enters one for a
-- carer (also one without e-mail); a consulent asks a question (the application waits), and
-- decides (32_mantelzorg_cheques.sql: approval issues the cheque).

-- ---------------------------------------------------------------------------------------------
-- Applications (aanvragen)
-- ---------------------------------------------------------------------------------------------

create type public.application_status as enum ('submitted', 'question_asked', 'approved', 'rejected');

create type public.care_relation as enum (
	'partner', 'parent', 'child', 'other_family', 'friend_or_neighbour', 'other'
);

-- Postcodes are stored normalised: '1502AB'. Names are compared case-insensitively.
create table public.applications (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	scheme_id uuid not null references public.schemes (id) on delete restrict,
	district_id uuid not null references public.districts (id),
	-- The carer's account, if they have one (a consulent may enter a carer without one).
	carer_user_id uuid references auth.users (id) on delete set null,
	carer_first_name text not null check (char_length(carer_first_name) between 1 and 60),
	carer_last_name text not null check (char_length(carer_last_name) between 1 and 80),
	carer_birth_date date not null,
	-- Null only on an approved application kept after its carer deleted the account (kept for the
	-- municipality's accounts without contact details: erase_mantelzorg_data).
	carer_postcode text check (carer_postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
	carer_house_number text check (carer_house_number ~ '^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?$'),
	carer_email text check (carer_email is null or (char_length(carer_email) <= 320 and carer_email ~ '^[^@\s]+@[^@\s]+$')),
	carer_phone text check (carer_phone is null or carer_phone ~ '^\+?[0-9 ()-]{6,20}$'),
	care_recipient_name text not null check (char_length(care_recipient_name) between 1 and 120),
	care_recipient_postcode text not null check (care_recipient_postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
	care_relation text not null check (care_relation = any (enum_range(null::public.care_relation)::text[])),
	hours_per_week integer not null check (hours_per_week between 1 and 168),
	caring_since date not null,
	consent_at timestamptz not null,
	status text not null default 'submitted'
		check (status = any (enum_range(null::public.application_status)::text[])),
	-- The consulent who entered it for the carer; null when the carer applied themself.
	entered_by uuid references auth.users (id) on delete set null,
	-- The open (or last) question and its answer; the application waits while one is open.
	question text check (char_length(question) between 3 and 1000),
	question_asked_by uuid references auth.users (id) on delete set null,
	question_asked_at timestamptz,
	answer text check (char_length(answer) between 1 and 2000),
	answered_at timestamptz,
	decided_by uuid references auth.users (id) on delete set null,
	decided_at timestamptz,
	rejection_reason text check (char_length(rejection_reason) between 3 and 1000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- Street and town for the letter's address block; null on applications from before they were
	-- asked (the letter then prints postcode and house number with the municipality's name).
	carer_street text check (char_length(carer_street) between 2 and 120),
	carer_town text check (char_length(carer_town) between 2 and 80),
	constraint applications_decision_is_complete check (
		(status in ('approved', 'rejected')) = (decided_at is not null)
		and (status = 'rejected') = (rejection_reason is not null)
	),
	constraint applications_address_is_complete check ((carer_street is null) = (carer_town is null)),
	constraint applications_question_is_complete check (
		status <> 'question_asked' or (question is not null and question_asked_at is not null)
	)
);

create trigger applications_set_timestamps before insert or update on public.applications
	for each row execute function public.set_timestamps();

-- At most one approved application per carer per cared-for person per scheme.
create unique index applications_one_approved on public.applications (
	scheme_id, lower(carer_first_name), lower(carer_last_name), carer_birth_date, carer_postcode,
	lower(carer_house_number), lower(care_recipient_name), care_recipient_postcode
) where status = 'approved';

create index applications_queue_idx on public.applications (municipality_id, district_id, status, created_at);

create index applications_carer_idx on public.applications (carer_user_id) where carer_user_id is not null;

-- The fraud signals (application_signals) look up earlier applications by these.
create index applications_carer_identity_idx on public.applications (
	municipality_id, lower(carer_last_name), carer_birth_date, carer_postcode
);

create index applications_address_idx on public.applications (municipality_id, carer_postcode, lower(carer_house_number));

create index applications_recipient_idx on public.applications (
	municipality_id, lower(care_recipient_name), care_recipient_postcode
);

create trigger applications_carer_rate_limit before insert on public.applications
	for each row execute function public.enforce_rate_limit('carer_user_id', '10', '1 day');

create trigger applications_caseworker_rate_limit before insert on public.applications
	for each row execute function public.enforce_rate_limit('entered_by', '200', '1 day');

alter table public.applications enable row level security;

create policy "Carers see their own applications" on public.applications
	for select to authenticated using (carer_user_id = (select auth.uid()));

create policy "Caseworkers see the applications of their wijken" on public.applications
	for select to authenticated using (public.is_caseworker_for(municipality_id, district_id));

create policy "Municipality admins see the applications of their municipality" on public.applications
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- No insert, update or delete policies: submit_application, enter_application_for_carer and the
-- decision functions below do every write.

-- Whom an application is about: the carer's account, or for a carer without one the application.
create or replace function public.application_subject(p_app public.applications, out subject_id uuid, out subject_type text)
language sql immutable set search_path = '' as $$
	select coalesce(p_app.carer_user_id, p_app.id),
		case when p_app.carer_user_id is null then 'application' else 'account' end;
$$;
revoke all on function public.application_subject(public.applications) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Helpers for the application functions
-- ---------------------------------------------------------------------------------------------

create or replace function public.normalise_postcode(p_postcode text) returns text language sql immutable set search_path = '' as $$
	select upper(regexp_replace(coalesce(p_postcode, ''), '\s', '', 'g'));
$$;

-- The scheme of the municipality whose application window is open today.
create or replace function public.open_scheme(p_municipality_id uuid) returns public.schemes language sql stable security definer set search_path = '' as $$
	select s.* from public.schemes s
	where s.municipality_id = p_municipality_id
		and current_date between s.application_opens_on and s.application_closes_on
	order by s.year desc
	limit 1;
$$;
revoke all on function public.open_scheme(uuid) from public, anon, authenticated;

-- The wijk for a carer's postcode: the given one if it is the municipality's and its postcode
-- areas take the postcode; else the one wijk whose areas do. Several candidates (Zaandam's
-- postcodes span five wijken) and no choice: district_required, and the form asks for the wijk.
create or replace function public.district_for_postcode(p_municipality_id uuid, p_postcode text, p_district_id uuid)
returns uuid language plpgsql stable security definer set search_path = '' as $$
declare
	v_area smallint := left(p_postcode, 4)::smallint;
	v_ids uuid[];
begin
	if p_district_id is not null then
		if not exists (
			select 1 from public.districts d
			where d.id = p_district_id and d.municipality_id = p_municipality_id
				and (d.postcode_areas = '{}' or v_area = any (d.postcode_areas))
		) then
			raise exception 'postcode_not_in_district' using errcode = '22023';
		end if;
		return p_district_id;
	end if;
	select array_agg(d.id) into v_ids from public.districts d
	where d.municipality_id = p_municipality_id and v_area = any (d.postcode_areas);
	if coalesce(cardinality(v_ids), 0) = 1 then
		return v_ids[1];
	end if;
	if coalesce(cardinality(v_ids), 0) = 0 then
		raise exception 'postcode_not_in_municipality' using errcode = '22023';
	end if;
	raise exception 'district_required' using errcode = '22023';
end;
$$;
revoke all on function public.district_for_postcode(uuid, text, uuid) from public, anon, authenticated;

-- The carer hears by mail that the application arrived: at their account, or, for a carer a
-- consulent entered without an account, at the address the consulent typed (if any).
insert into public.notification_kinds (kind, area) values ('application_received', 'mantelzorg');

-- One insert for both routes in; the callers check who may do it. Returns the new id.
create or replace function public.insert_application(
	p_municipality_id uuid,
	p_carer_user_id uuid,
	p_entered_by uuid,
	p_carer_first_name text,
	p_carer_last_name text,
	p_carer_birth_date date,
	p_carer_postcode text,
	p_carer_house_number text,
	p_carer_email text,
	p_carer_phone text,
	p_care_recipient_name text,
	p_care_recipient_postcode text,
	p_care_relation text,
	p_hours_per_week integer,
	p_caring_since date,
	p_consent boolean,
	p_district_id uuid,
	p_carer_street text,
	p_carer_town text
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_scheme public.schemes;
	v_street text := nullif(trim(p_carer_street), '');
	v_town text := nullif(trim(p_carer_town), '');
	v_postcode text := public.normalise_postcode(p_carer_postcode);
	v_recipient_postcode text := public.normalise_postcode(p_care_recipient_postcode);
	v_district uuid;
	v_id uuid;
begin
	perform public.assert_max_length(p_carer_first_name, 60, 'carer_first_name');
	perform public.assert_max_length(p_carer_last_name, 80, 'carer_last_name');
	perform public.assert_max_length(p_carer_postcode, 10, 'carer_postcode');
	perform public.assert_max_length(p_carer_house_number, 12, 'carer_house_number');
	perform public.assert_max_length(p_carer_email, 320, 'carer_email');
	perform public.assert_max_length(p_carer_phone, 20, 'carer_phone');
	perform public.assert_max_length(p_care_recipient_name, 120, 'care_recipient_name');
	perform public.assert_max_length(p_care_recipient_postcode, 10, 'care_recipient_postcode');
	perform public.assert_max_length(p_care_relation, 40, 'care_relation');
	perform public.assert_max_length(p_carer_street, 120, 'carer_street');
	perform public.assert_max_length(p_carer_town, 80, 'carer_town');
	v_scheme := public.open_scheme(p_municipality_id);
	if v_scheme.id is null then
		raise exception 'application_window_closed' using errcode = 'PT409';
	end if;
	if p_consent is not true then
		raise exception 'consent_required' using errcode = '22023';
	end if;
	if v_postcode !~ '^[1-9][0-9]{3}[A-Z]{2}$' or v_recipient_postcode !~ '^[1-9][0-9]{3}[A-Z]{2}$' then
		raise exception 'invalid_postcode' using errcode = '22023';
	end if;
	-- Street and town come together (the letter's address block), or not at all from older callers.
	if (v_street is null) <> (v_town is null) or char_length(v_street) < 2 or char_length(v_town) < 2 then
		raise exception 'invalid_address' using errcode = '22023';
	end if;
	if p_carer_birth_date is null or p_carer_birth_date > current_date or p_carer_birth_date < current_date - interval '120 years' then
		raise exception 'invalid_birth_date' using errcode = '22023';
	end if;
	if p_caring_since is null or p_caring_since > current_date then
		raise exception 'invalid_caring_since' using errcode = '22023';
	end if;
	if p_hours_per_week is null or p_hours_per_week < greatest(v_scheme.min_hours_per_week, 1) or p_hours_per_week > 168 then
		raise exception 'not_eligible_hours: %', v_scheme.min_hours_per_week using errcode = '22023';
	end if;
	if p_caring_since > current_date - make_interval(months => v_scheme.min_months) then
		raise exception 'not_eligible_months: %', v_scheme.min_months using errcode = '22023';
	end if;
	v_district := public.district_for_postcode(p_municipality_id, v_postcode, p_district_id);
	-- The same person twice for the same care recipient, while the first is still open or approved.
	if p_carer_user_id is not null and exists (
		select 1 from public.applications a
		where a.scheme_id = v_scheme.id and a.carer_user_id = p_carer_user_id
			and lower(a.care_recipient_name) = lower(trim(p_care_recipient_name))
			and a.care_recipient_postcode = v_recipient_postcode
			and a.status <> 'rejected'
	) then
		raise exception 'application_exists' using errcode = 'PT409';
	end if;
	insert into public.applications (
		municipality_id, scheme_id, district_id, carer_user_id, entered_by,
		carer_first_name, carer_last_name, carer_birth_date, carer_postcode, carer_house_number,
		carer_street, carer_town,
		carer_email, carer_phone, care_recipient_name, care_recipient_postcode, care_relation,
		hours_per_week, caring_since, consent_at
	) values (
		p_municipality_id, v_scheme.id, v_district, p_carer_user_id, p_entered_by,
		trim(p_carer_first_name), trim(p_carer_last_name), p_carer_birth_date, v_postcode,
		upper(trim(p_carer_house_number)), v_street, v_town,
		nullif(lower(trim(p_carer_email)), ''), nullif(trim(p_carer_phone), ''),
		trim(p_care_recipient_name), v_recipient_postcode, p_care_relation,
		p_hours_per_week, p_caring_since, now()
	) returning id into v_id;
	perform public.log_audit(
		p_municipality_id, 'mantelzorg.application_submitted', 'application', v_id,
		jsonb_build_object('scheme_id', v_scheme.id, 'district_id', v_district, 'entered_by_caseworker', p_entered_by is not null)
	);
	if p_carer_user_id is not null then
		perform public.notify(p_municipality_id, p_carer_user_id, 'application_received',
			jsonb_build_object('application_id', v_id, 'year', v_scheme.year, 'has_account', true,
				'entered_by_caseworker', p_entered_by is not null));
	else
		perform public.notify_address(p_municipality_id, nullif(trim(p_carer_email), ''), 'application_received',
			jsonb_build_object('application_id', v_id, 'year', v_scheme.year, 'has_account', false,
				'entered_by_caseworker', true));
	end if;
	return v_id;
end;
$$;
revoke all on function public.insert_application(uuid, uuid, uuid, text, text, date, text, text, text, text, text, text, text, integer, date, boolean, uuid, text, text) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Applying: by the carer themself, or entered by a consulent
-- ---------------------------------------------------------------------------------------------

-- The carer applies with their own account; their e-mail is the account's.
create or replace function public.submit_application(
	p_carer_first_name text,
	p_carer_last_name text,
	p_carer_birth_date date,
	p_carer_postcode text,
	p_carer_house_number text,
	p_care_recipient_name text,
	p_care_recipient_postcode text,
	p_care_relation text,
	p_hours_per_week integer,
	p_caring_since date,
	p_consent boolean,
	p_carer_phone text default null,
	p_district_id uuid default null,
	p_carer_street text default null,
	p_carer_town text default null
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_email text;
begin
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	select u.email into v_email from auth.users u where u.id = v_uid;
	return public.insert_application(
		public.my_municipality_id(), v_uid, null,
		p_carer_first_name, p_carer_last_name, p_carer_birth_date, p_carer_postcode, p_carer_house_number,
		v_email, p_carer_phone, p_care_recipient_name, p_care_recipient_postcode, p_care_relation,
		p_hours_per_week, p_caring_since, p_consent, p_district_id, p_carer_street, p_carer_town
	);
end;
$$;
revoke all on function public.submit_application(text, text, date, text, text, text, text, text, integer, date, boolean, text, uuid, text, text) from public;
grant execute on function public.submit_application(text, text, date, text, text, text, text, text, integer, date, boolean, text, uuid, text, text) to authenticated;

-- A consulent enters the application during the wijkteam conversation, for a carer who may have
-- no e-mail or account. When the e-mail given belongs to a confirmed account in the municipality,
-- the application is linked to it, so the carer sees it and hears by mail; otherwise the decision
-- and the cheque go out as a printed letter.
create or replace function public.enter_application_for_carer(
	p_carer_first_name text,
	p_carer_last_name text,
	p_carer_birth_date date,
	p_carer_postcode text,
	p_carer_house_number text,
	p_care_recipient_name text,
	p_care_recipient_postcode text,
	p_care_relation text,
	p_hours_per_week integer,
	p_caring_since date,
	p_consent boolean,
	p_district_id uuid,
	p_carer_email text default null,
	p_carer_phone text default null,
	p_carer_street text default null,
	p_carer_town text default null
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_municipality uuid := public.my_municipality_id();
	v_carer uuid;
begin
	perform public.assert_max_length(p_carer_email, 320, 'carer_email');
	if v_uid is null or p_district_id is null or not public.is_caseworker_for(v_municipality, p_district_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if nullif(trim(p_carer_email), '') is not null then
		select u.id into v_carer from auth.users u join public.profiles p on p.id = u.id
		where lower(u.email) = lower(trim(p_carer_email)) and u.email_confirmed_at is not null
			and p.municipality_id = v_municipality
		limit 1;
	end if;
	return public.insert_application(
		v_municipality, v_carer, v_uid,
		p_carer_first_name, p_carer_last_name, p_carer_birth_date, p_carer_postcode, p_carer_house_number,
		p_carer_email, p_carer_phone, p_care_recipient_name, p_care_recipient_postcode, p_care_relation,
		p_hours_per_week, p_caring_since, p_consent, p_district_id, p_carer_street, p_carer_town
	);
end;
$$;
revoke all on function public.enter_application_for_carer(text, text, date, text, text, text, text, text, integer, date, boolean, uuid, text, text, text, text) from public;
grant execute on function public.enter_application_for_carer(text, text, date, text, text, text, text, text, integer, date, boolean, uuid, text, text, text, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Questions: the application waits while one is open
-- ---------------------------------------------------------------------------------------------

-- The question and the decision are mailed to the carer (words in src/lib/server/mantelzorg/mail.ts).
insert into public.notification_kinds (kind, area) values
	('application_question', 'mantelzorg'),
	('application_decided', 'mantelzorg');
create or replace function public.ask_question(p_application_id uuid, p_question text) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
begin
	perform public.assert_max_length(p_question, 1000, 'question');
	select * into v_app from public.applications where id = p_application_id for update;
	if not found or not public.is_caseworker_for(v_app.municipality_id, v_app.district_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_app.status <> 'submitted' then
		raise exception 'application_not_open' using errcode = 'PT409';
	end if;
	if char_length(coalesce(trim(p_question), '')) < 3 then
		raise exception 'question_required' using errcode = '22023';
	end if;
	update public.applications
	set status = 'question_asked', question = trim(p_question), question_asked_by = (select auth.uid()),
		question_asked_at = now(), answer = null, answered_at = null
	where id = p_application_id;
	perform public.notify(v_app.municipality_id, v_app.carer_user_id, 'application_question',
		jsonb_build_object('application_id', v_app.id));
	perform public.log_audit(v_app.municipality_id, 'mantelzorg.question_asked', 'application', v_app.id, '{}'::jsonb);
end;
$$;
revoke all on function public.ask_question(uuid, text) from public;
grant execute on function public.ask_question(uuid, text) to authenticated;

-- The carer answers in their account, or the consulent writes down the answer given by phone.
create or replace function public.answer_question(p_application_id uuid, p_answer text) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
begin
	perform public.assert_max_length(p_answer, 2000, 'answer');
	select * into v_app from public.applications where id = p_application_id for update;
	if not found or not (
		v_app.carer_user_id = (select auth.uid())
		or public.is_caseworker_for(v_app.municipality_id, v_app.district_id)
	) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_app.status <> 'question_asked' then
		raise exception 'no_open_question' using errcode = 'PT409';
	end if;
	if char_length(coalesce(trim(p_answer), '')) < 1 then
		raise exception 'answer_required' using errcode = '22023';
	end if;
	update public.applications
	set status = 'submitted', answer = trim(p_answer), answered_at = now()
	where id = p_application_id;
	perform public.log_audit(v_app.municipality_id, 'mantelzorg.question_answered', 'application', v_app.id,
		jsonb_build_object('by_carer', v_app.carer_user_id = (select auth.uid())));
end;
$$;
revoke all on function public.answer_question(uuid, text) from public;
grant execute on function public.answer_question(uuid, text) to authenticated;
