-- Mantelzorgwaardering: the yearly appreciation for informal carers. The regeling (scheme) per
-- municipality per year; the consulenten's wijken; applications (aanvragen) with questions,
-- decisions and call-back checks; cheques and Pluimen with their codes; the carer's reads; the
-- reminder and retention jobs; and the anonymous counts that outlive the personal data.
--
-- Shops, redemptions and reimbursement batches are in *_mantelzorg_shops.sql; they lock and
-- change cheques.remaining_cents the same way block_and_reissue_cheque does here.
--
-- Cheque codes: 16 Crockford base32 characters, 15 random (75 bits) and 1 check character, stored
-- normalised (no spaces, upper case) and shown as 4 groups of 4. The check character is a
-- weighted sum over GF(32): see cheque_check_character below and src/lib/mantelzorg/cheque-code.ts,
-- which must agree (a test compares them).
--
-- Carer data is about health and care: each role sees only what it needs, every change and every
-- look at a file by a consulent is written to the platform audit log (ids only), and the
-- retention job deletes applications once the scheme's retention has ended.

-- ---------------------------------------------------------------------------------------------
-- Closed value lists (see the note on enums in the platform migration)
-- ---------------------------------------------------------------------------------------------

create type public.reimbursement_schedule as enum ('monthly', 'quarterly');
create type public.application_status as enum ('submitted', 'question_asked', 'approved', 'rejected');
create type public.care_relation as enum (
	'partner', 'parent', 'child', 'other_family', 'friend_or_neighbour', 'other'
);
create type public.cheque_kind as enum ('cheque', 'pluim');
create type public.cheque_status as enum ('active', 'blocked');
create type public.callback_outcome as enum ('confirmed', 'doubtful', 'not_reached');

-- ---------------------------------------------------------------------------------------------
-- Registered with the platform services: mails (words in src/lib/server/mantelzorg/mail.ts);
-- the scheduled jobs are registered at the end, after their functions
-- ---------------------------------------------------------------------------------------------

insert into public.notification_kinds (kind, area) values
	('application_decided', 'mantelzorg'),
	('application_question', 'mantelzorg'),
	('cheque_expiry_reminder', 'mantelzorg');

-- ---------------------------------------------------------------------------------------------
-- Schemes (regelingen): one per municipality per year
-- ---------------------------------------------------------------------------------------------

-- Age bands: [{"min_age": 0, "max_age": 64, "value_cents": 5000}, …], ages inclusive, checked
-- here so a band cannot be written that approve_application would misread.
create or replace function public.age_bands_are_valid(p_bands jsonb) returns boolean language sql immutable set search_path = '' as $$
	select jsonb_typeof(p_bands) = 'array'
		and jsonb_array_length(p_bands) <= 10
		and not exists (
			select 1 from jsonb_array_elements(p_bands) b
			where jsonb_typeof(b) <> 'object'
				or jsonb_typeof(b -> 'min_age') <> 'number'
				or jsonb_typeof(b -> 'max_age') <> 'number'
				or jsonb_typeof(b -> 'value_cents') <> 'number'
				or (b ->> 'min_age')::numeric not between 0 and 130
				or (b ->> 'max_age')::numeric not between (b ->> 'min_age')::numeric and 130
				or (b ->> 'value_cents')::numeric not between 1 and 100000
				or (b ->> 'value_cents')::numeric <> trunc((b ->> 'value_cents')::numeric)
		);
$$;

create table public.schemes (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	year integer not null check (year between 2000 and 2100),
	-- The cheque's value unless an age band says otherwise.
	cheque_value_cents integer not null check (cheque_value_cents between 1 and 100000),
	age_bands jsonb not null default '[]'::jsonb check (public.age_bands_are_valid(age_bands)),
	pluim_value_cents integer not null check (pluim_value_cents between 1 and 100000),
	-- Carers up to and including this age (on the day of approval) get a Pluim.
	young_carer_max_age integer not null default 23 check (young_carer_max_age between 0 and 30),
	-- Eligibility: at least this many hours a week, for at least this many months.
	min_hours_per_week integer not null default 8 check (min_hours_per_week between 0 and 168),
	min_months integer not null default 3 check (min_months between 0 and 120),
	application_opens_on date not null,
	application_closes_on date not null,
	redeem_until date not null,
	budget_cents bigint not null check (budget_cents between 0 and 100000000000),
	-- Personal data is deleted this many months after redeem_until.
	retention_months integer not null default 24 check (retention_months between 1 and 120),
	reimbursement_schedule text not null default 'monthly'
		check (reimbursement_schedule = any (enum_range(null::public.reimbursement_schedule)::text[])),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (municipality_id, year),
	constraint schemes_dates_in_order check (
		application_closes_on >= application_opens_on and redeem_until >= application_closes_on
	)
);

alter table public.schemes enable row level security;

-- The rules of a regeling are public: the application page shows them to everyone.
create policy "Schemes are public" on public.schemes
	for select to anon, authenticated using (true);

create policy "Municipality admins create schemes" on public.schemes
	for insert to authenticated with check (public.has_role('municipality_admin', municipality_id));

create policy "Municipality admins change schemes" on public.schemes
	for update to authenticated
	using (public.has_role('municipality_admin', municipality_id))
	with check (public.has_role('municipality_admin', municipality_id));

-- ---------------------------------------------------------------------------------------------
-- The consulenten's wijken: "their queue" is data, not code
-- ---------------------------------------------------------------------------------------------

create table public.caseworker_districts (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	district_id uuid not null references public.districts (id) on delete cascade,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (user_id, district_id)
);

create index caseworker_districts_district_idx on public.caseworker_districts (district_id);

alter table public.caseworker_districts enable row level security;

-- The wijk must be one of the municipality's, whoever writes the row.
create or replace function public.caseworker_districts_before_write() returns trigger language plpgsql set search_path = '' as $$
begin
	if not exists (
		select 1 from public.districts d where d.id = new.district_id and d.municipality_id = new.municipality_id
	) then
		raise exception 'district_not_found' using errcode = '22023';
	end if;
	return new;
end;
$$;
create trigger caseworker_districts_before_write before insert or update on public.caseworker_districts
	for each row execute function public.caseworker_districts_before_write();

create policy "Caseworkers see their own wijken" on public.caseworker_districts
	for select to authenticated using (user_id = (select auth.uid()));

create policy "Municipality admins see the caseworkers' wijken" on public.caseworker_districts
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

create policy "Municipality admins assign wijken to caseworkers" on public.caseworker_districts
	for insert to authenticated with check (public.has_role('municipality_admin', municipality_id));

create policy "Municipality admins remove wijken from caseworkers" on public.caseworker_districts
	for delete to authenticated using (public.has_role('municipality_admin', municipality_id));

-- True when the signed-in user is a caseworker of the municipality with this wijk.
create or replace function public.is_caseworker_for(p_municipality_id uuid, p_district_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select public.has_role('caseworker', p_municipality_id) and exists (
		select 1 from public.caseworker_districts cd
		where cd.user_id = (select auth.uid()) and cd.district_id = p_district_id
			and cd.municipality_id = p_municipality_id
	);
$$;
revoke all on function public.is_caseworker_for(uuid, uuid) from public;
grant execute on function public.is_caseworker_for(uuid, uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Applications (aanvragen)
-- ---------------------------------------------------------------------------------------------

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
	carer_postcode text not null check (carer_postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
	carer_house_number text not null check (carer_house_number ~ '^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?$'),
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
	constraint applications_decision_is_complete check (
		(status in ('approved', 'rejected')) = (decided_at is not null)
		and (status = 'rejected') = (rejection_reason is not null)
	),
	constraint applications_question_is_complete check (
		status <> 'question_asked' or (question is not null and question_asked_at is not null)
	)
);

-- At most one approved application per carer per cared-for person per scheme.
create unique index applications_one_approved on public.applications (
	scheme_id, lower(carer_first_name), lower(carer_last_name), carer_birth_date, carer_postcode,
	lower(carer_house_number), lower(care_recipient_name), care_recipient_postcode
) where status = 'approved';

create index applications_queue_idx on public.applications (municipality_id, district_id, status, created_at);

create index applications_carer_idx on public.applications (carer_user_id) where carer_user_id is not null;

-- The fraud signals look up earlier applications by these.
create index applications_carer_identity_idx on public.applications (
	municipality_id, lower(carer_last_name), carer_birth_date, carer_postcode
);

create index applications_address_idx on public.applications (municipality_id, carer_postcode, lower(carer_house_number));

create index applications_recipient_idx on public.applications (
	municipality_id, lower(care_recipient_name), care_recipient_postcode
);

alter table public.applications enable row level security;

create policy "Carers see their own applications" on public.applications
	for select to authenticated using (carer_user_id = (select auth.uid()));

create policy "Caseworkers see the applications of their wijken" on public.applications
	for select to authenticated using (public.is_caseworker_for(municipality_id, district_id));

create policy "Municipality admins see the applications of their municipality" on public.applications
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- No insert, update or delete policies: submit_application, enter_application_for_carer and the
-- decision functions below do every write.

-- ---------------------------------------------------------------------------------------------
-- Call-back checks: a random sample of approved applications, phoned by the municipality
-- ---------------------------------------------------------------------------------------------

create table public.callback_checks (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	application_id uuid not null unique references public.applications (id) on delete cascade,
	drawn_by uuid references auth.users (id) on delete set null,
	outcome text check (outcome = any (enum_range(null::public.callback_outcome)::text[])),
	note text check (char_length(note) <= 1000),
	recorded_by uuid references auth.users (id) on delete set null,
	recorded_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index callback_checks_municipality_idx on public.callback_checks (municipality_id, created_at desc);

alter table public.callback_checks enable row level security;

create policy "Municipality admins see the call-back checks of their municipality" on public.callback_checks
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- ---------------------------------------------------------------------------------------------
-- Cheques and Pluimen
-- ---------------------------------------------------------------------------------------------

create table public.cheques (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	scheme_id uuid not null references public.schemes (id) on delete restrict,
	-- Null once the retention job has deleted the application.
	application_id uuid references public.applications (id) on delete set null,
	carer_user_id uuid references auth.users (id) on delete set null,
	kind text not null check (kind = any (enum_range(null::public.cheque_kind)::text[])),
	code text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{16}$'),
	value_cents integer not null check (value_cents between 1 and 100000),
	remaining_cents integer not null,
	-- All a shop ever sees of the holder. Null after retention.
	holder_first_name text check (char_length(holder_first_name) between 1 and 60),
	expires_on date not null,
	status text not null default 'active' check (status = any (enum_range(null::public.cheque_status)::text[])),
	blocked_at timestamptz,
	blocked_by uuid references auth.users (id) on delete set null,
	replaced_by uuid references public.cheques (id),
	-- The carer has no e-mail: the cheque (and its reminder) goes out as a printed letter.
	letter_needed boolean not null default false,
	letter_printed_at timestamptz,
	-- The expiry reminder went out (by mail, or into the letter queue when letter_needed).
	reminder_sent_at timestamptz,
	reminder_letter_needed boolean not null default false,
	reminder_letter_printed_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint cheques_remaining_within_value check (remaining_cents between 0 and value_cents),
	constraint cheques_blocked_is_complete check ((status = 'blocked') = (blocked_at is not null))
);

-- Exactly one usable cheque per application: a reissue blocks the old one first.
create unique index cheques_one_active_per_application on public.cheques (application_id)
	where status = 'active' and application_id is not null;

create index cheques_carer_idx on public.cheques (carer_user_id) where carer_user_id is not null;

create index cheques_municipality_idx on public.cheques (municipality_id, scheme_id, status);

create index cheques_expiry_idx on public.cheques (expires_on) where status = 'active' and reminder_sent_at is null;

create index cheques_letters_idx on public.cheques (municipality_id)
	where (letter_needed and letter_printed_at is null) or (reminder_letter_needed and reminder_letter_printed_at is null);

alter table public.cheques enable row level security;

create policy "Carers see their own cheques" on public.cheques
	for select to authenticated using (carer_user_id = (select auth.uid()));

create or replace function public.is_caseworker_for_application(p_application_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.applications a
		where a.id = p_application_id and public.is_caseworker_for(a.municipality_id, a.district_id)
	);
$$;
revoke all on function public.is_caseworker_for_application(uuid) from public;
grant execute on function public.is_caseworker_for_application(uuid) to authenticated;

create policy "Caseworkers see the cheques of their wijken" on public.cheques
	for select to authenticated using (public.is_caseworker_for_application(application_id));

create policy "Municipality admins see the cheques of their municipality" on public.cheques
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- ---------------------------------------------------------------------------------------------
-- Anonymous counts: what the dashboard keeps after the retention job deleted the applications
-- ---------------------------------------------------------------------------------------------

create table public.scheme_counts (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	scheme_id uuid not null references public.schemes (id) on delete cascade,
	district_id uuid references public.districts (id) on delete set null,
	applications integer not null default 0 check (applications >= 0),
	approved integer not null default 0 check (approved >= 0),
	rejected integer not null default 0 check (rejected >= 0),
	young_carers integer not null default 0 check (young_carers >= 0),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique nulls not distinct (scheme_id, district_id)
);

alter table public.scheme_counts enable row level security;

create policy "Municipality admins see the counts of their municipality" on public.scheme_counts
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- ---------------------------------------------------------------------------------------------
-- Rate limits and the audit of scheme changes
-- ---------------------------------------------------------------------------------------------

create trigger applications_carer_rate_limit before insert on public.applications
	for each row execute function public.enforce_rate_limit('carer_user_id', '10', '1 day');

create trigger applications_caseworker_rate_limit before insert on public.applications
	for each row execute function public.enforce_rate_limit('entered_by', '200', '1 day');

-- Admins write schemes directly (their policies above); the log says who changed which year.
create or replace function public.audit_scheme_change() returns trigger language plpgsql security definer set search_path = '' as $$
begin
	perform public.log_audit(
		new.municipality_id,
		case when tg_op = 'INSERT' then 'mantelzorg.scheme_created' else 'mantelzorg.scheme_changed' end,
		'scheme', new.id, jsonb_build_object('year', new.year)
	);
	return new;
end;
$$;
create trigger schemes_audit after insert or update on public.schemes
	for each row execute function public.audit_scheme_change();

create or replace function public.audit_caseworker_district_change() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_row public.caseworker_districts%rowtype := case when tg_op = 'DELETE' then old else new end;
begin
	perform public.log_audit(
		v_row.municipality_id,
		case when tg_op = 'DELETE' then 'mantelzorg.caseworker_district_removed' else 'mantelzorg.caseworker_district_added' end,
		'caseworker_district', v_row.id,
		jsonb_build_object('user_id', v_row.user_id, 'district_id', v_row.district_id)
	);
	return null;
end;
$$;
create trigger caseworker_districts_audit after insert or delete on public.caseworker_districts
	for each row execute function public.audit_caseworker_district_change();

-- ---------------------------------------------------------------------------------------------
-- Cheque codes
-- ---------------------------------------------------------------------------------------------

-- The check character over the 15 payload characters (Crockford base32 digits d0..d14): the sum
-- of d_i · α^(15-i) in GF(32), with GF(32) built on x^5 + x^2 + 1 and α = x, computed Horner-style
-- (h := (h xor d) · α). The check character's own weight is α^0 = 1, so the 16 weights are all
-- distinct and non-zero: every single wrong character and every swap of two different characters
-- (adjacent or not, the check character included) changes the sum. Same in cheque-code.ts.
create or replace function public.cheque_check_character(p_payload text) returns text language plpgsql immutable set search_path = '' as $$
declare
	v_alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	v_h integer := 0;
	v_d integer;
begin
	if p_payload is null or char_length(p_payload) <> 15 then
		raise exception 'invalid_code' using errcode = '22023';
	end if;
	for i in 1..15 loop
		v_d := strpos(v_alphabet, substr(p_payload, i, 1)) - 1;
		if v_d < 0 then
			raise exception 'invalid_code' using errcode = '22023';
		end if;
		v_h := (v_h # v_d) << 1;
		if v_h >= 32 then
			v_h := v_h # 37;
		end if;
	end loop;
	return substr(v_alphabet, v_h + 1, 1);
end;
$$;

-- Strips spaces and hyphens, upper-cases, reads O as 0 and I/L as 1 (Crockford). Null when what
-- is left is not 16 characters of the alphabet with the right check character, so a typo is
-- caught before any lookup.
create or replace function public.normalise_cheque_code(p_code text) returns text language plpgsql immutable set search_path = '' as $$
declare
	v_code text;
begin
	if p_code is null or char_length(p_code) > 40 then
		return null;
	end if;
	v_code := translate(upper(regexp_replace(p_code, '[\s-]', '', 'g')), 'OIL', '011');
	if v_code !~ '^[0-9A-HJKMNP-TV-Z]{16}$' then
		return null;
	end if;
	if public.cheque_check_character(left(v_code, 15)) <> right(v_code, 1) then
		return null;
	end if;
	return v_code;
end;
$$;

-- 75 random bits from gen_random_uuid (a strong random source: pg_strong_random), taken from the
-- uuid's 19 first hex digits that are not its version or variant digit, as 15 base32 characters,
-- plus the check character.
create or replace function public.generate_cheque_code() returns text language plpgsql volatile set search_path = '' as $$
declare
	v_alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	v_hex text := replace(gen_random_uuid()::text, '-', '');
	v_bits bit(76);
	v_payload text := '';
begin
	v_bits := ('x' || substr(v_hex, 1, 12) || substr(v_hex, 18, 7))::bit(76);
	for i in 0..14 loop
		v_payload := v_payload || substr(v_alphabet, substring(v_bits from i * 5 + 1 for 5)::integer + 1, 1);
	end loop;
	return v_payload || public.cheque_check_character(v_payload);
end;
$$;
revoke all on function public.generate_cheque_code() from public, anon, authenticated;

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
	p_district_id uuid
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_scheme public.schemes;
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
	v_scheme := public.open_scheme(p_municipality_id);
	if v_scheme.id is null then
		raise exception 'application_window_closed' using errcode = 'P0001';
	end if;
	if p_consent is not true then
		raise exception 'consent_required' using errcode = '22023';
	end if;
	if v_postcode !~ '^[1-9][0-9]{3}[A-Z]{2}$' or v_recipient_postcode !~ '^[1-9][0-9]{3}[A-Z]{2}$' then
		raise exception 'invalid_postcode' using errcode = '22023';
	end if;
	if p_carer_birth_date is null or p_carer_birth_date > current_date or p_carer_birth_date < current_date - interval '120 years' then
		raise exception 'invalid_birth_date' using errcode = '22023';
	end if;
	if p_caring_since is null or p_caring_since > current_date then
		raise exception 'invalid_caring_since' using errcode = '22023';
	end if;
	if p_hours_per_week is null or p_hours_per_week < greatest(v_scheme.min_hours_per_week, 1) or p_hours_per_week > 168 then
		raise exception 'not_eligible_hours: %', v_scheme.min_hours_per_week using errcode = 'P0001';
	end if;
	if p_caring_since > current_date - make_interval(months => v_scheme.min_months) then
		raise exception 'not_eligible_months: %', v_scheme.min_months using errcode = 'P0001';
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
		raise exception 'application_exists' using errcode = 'P0001';
	end if;
	insert into public.applications (
		municipality_id, scheme_id, district_id, carer_user_id, entered_by,
		carer_first_name, carer_last_name, carer_birth_date, carer_postcode, carer_house_number,
		carer_email, carer_phone, care_recipient_name, care_recipient_postcode, care_relation,
		hours_per_week, caring_since, consent_at
	) values (
		p_municipality_id, v_scheme.id, v_district, p_carer_user_id, p_entered_by,
		trim(p_carer_first_name), trim(p_carer_last_name), p_carer_birth_date, v_postcode,
		upper(trim(p_carer_house_number)), nullif(lower(trim(p_carer_email)), ''), nullif(trim(p_carer_phone), ''),
		trim(p_care_recipient_name), v_recipient_postcode, p_care_relation,
		p_hours_per_week, p_caring_since, now()
	) returning id into v_id;
	perform public.log_audit(
		p_municipality_id, 'mantelzorg.application_submitted', 'application', v_id,
		jsonb_build_object('scheme_id', v_scheme.id, 'district_id', v_district, 'entered_by_caseworker', p_entered_by is not null)
	);
	return v_id;
end;
$$;
revoke all on function public.insert_application(uuid, uuid, uuid, text, text, date, text, text, text, text, text, text, text, integer, date, boolean, uuid) from public, anon, authenticated;

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
	p_district_id uuid default null
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
		p_hours_per_week, p_caring_since, p_consent, p_district_id
	);
end;
$$;
revoke all on function public.submit_application(text, text, date, text, text, text, text, text, integer, date, boolean, text, uuid) from public;
grant execute on function public.submit_application(text, text, date, text, text, text, text, text, integer, date, boolean, text, uuid) to authenticated;

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
	p_carer_phone text default null
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
		p_hours_per_week, p_caring_since, p_consent, p_district_id
	);
end;
$$;
revoke all on function public.enter_application_for_carer(text, text, date, text, text, text, text, text, integer, date, boolean, uuid, text, text) from public;
grant execute on function public.enter_application_for_carer(text, text, date, text, text, text, text, text, integer, date, boolean, uuid, text, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Questions: the application waits while one is open
-- ---------------------------------------------------------------------------------------------

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
		raise exception 'application_not_open' using errcode = 'P0001';
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
		raise exception 'no_open_question' using errcode = 'P0001';
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

-- ---------------------------------------------------------------------------------------------
-- Decisions: approval issues exactly one cheque (or a Pluim) in the same transaction
-- ---------------------------------------------------------------------------------------------

-- Inserts a cheque with a fresh code (a collision among 2^75 codes is retried, not expected).
create or replace function public.insert_cheque(
	p_municipality_id uuid,
	p_scheme_id uuid,
	p_application_id uuid,
	p_carer_user_id uuid,
	p_kind text,
	p_value_cents integer,
	p_holder_first_name text,
	p_expires_on date,
	p_letter_needed boolean
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_id uuid;
begin
	for attempt in 1..5 loop
		begin
			insert into public.cheques (
				municipality_id, scheme_id, application_id, carer_user_id, kind, code, value_cents,
				remaining_cents, holder_first_name, expires_on, letter_needed
			) values (
				p_municipality_id, p_scheme_id, p_application_id, p_carer_user_id, p_kind,
				public.generate_cheque_code(), p_value_cents, p_value_cents, p_holder_first_name,
				p_expires_on, p_letter_needed
			) returning id into v_id;
			return v_id;
		exception when unique_violation then
			if attempt = 5 or sqlerrm not like '%code%' then
				raise;
			end if;
		end;
	end loop;
	return null;
end;
$$;
revoke all on function public.insert_cheque(uuid, uuid, uuid, uuid, text, integer, text, date, boolean) from public, anon, authenticated;

-- The cheque's kind and value for a carer of this age under this scheme: a Pluim up to the young
-- carers' age limit, else the first age band that holds the age, else the scheme's cheque value.
create or replace function public.cheque_kind_and_value(p_scheme public.schemes, p_age integer, out kind text, out value_cents integer)
language sql immutable set search_path = '' as $$
	select
		case when p_age <= p_scheme.young_carer_max_age then 'pluim' else 'cheque' end,
		case when p_age <= p_scheme.young_carer_max_age then p_scheme.pluim_value_cents
		else coalesce((
			select (b ->> 'value_cents')::integer from jsonb_array_elements(p_scheme.age_bands) with ordinality x(b, n)
			where p_age between (b ->> 'min_age')::integer and (b ->> 'max_age')::integer
			order by n limit 1
		), p_scheme.cheque_value_cents) end;
$$;

-- Returns the new cheque's id. The application row is locked, so two consulenten approving at
-- once make one cheque: the second finds it approved. The scheme row is locked too, so two
-- approvals cannot both take the last of the budget.
create or replace function public.approve_application(p_application_id uuid) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
	v_scheme public.schemes%rowtype;
	v_age integer;
	v_kind text;
	v_value integer;
	v_issued bigint;
	v_cheque uuid;
begin
	select * into v_app from public.applications where id = p_application_id for update;
	if not found or not public.is_caseworker_for(v_app.municipality_id, v_app.district_id)
		or v_app.carer_user_id = (select auth.uid()) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_app.status = 'question_asked' then
		raise exception 'question_open' using errcode = 'P0001';
	end if;
	if v_app.status <> 'submitted' then
		raise exception 'application_not_open' using errcode = 'P0001';
	end if;
	select * into v_scheme from public.schemes where id = v_app.scheme_id for update;
	if v_scheme.redeem_until < current_date then
		raise exception 'scheme_ended' using errcode = 'P0001';
	end if;
	v_age := extract(year from age(current_date, v_app.carer_birth_date))::integer;
	select c.kind, c.value_cents into v_kind, v_value from public.cheque_kind_and_value(v_scheme, v_age) c;
	-- Issued: every cheque's value, a reissue counted through the cheque it replaced.
	select coalesce(sum(c.value_cents), 0) into v_issued from public.cheques c
	where c.scheme_id = v_scheme.id and not exists (select 1 from public.cheques o where o.replaced_by = c.id);
	if v_issued + v_value > v_scheme.budget_cents then
		raise exception 'budget_exhausted' using errcode = 'P0001';
	end if;
	begin
		update public.applications
		set status = 'approved', decided_by = (select auth.uid()), decided_at = now()
		where id = p_application_id;
	exception when unique_violation then
		raise exception 'already_approved' using errcode = 'P0001';
	end;
	v_cheque := public.insert_cheque(
		v_app.municipality_id, v_scheme.id, v_app.id, v_app.carer_user_id, v_kind, v_value,
		v_app.carer_first_name, v_scheme.redeem_until, v_app.carer_user_id is null
	);
	perform public.notify(v_app.municipality_id, v_app.carer_user_id, 'application_decided',
		jsonb_build_object('application_id', v_app.id, 'decision', 'approved'));
	perform public.log_audit(v_app.municipality_id, 'mantelzorg.application_approved', 'application', v_app.id,
		jsonb_build_object('cheque_id', v_cheque));
	perform public.log_audit(v_app.municipality_id, 'mantelzorg.cheque_issued', 'cheque', v_cheque,
		jsonb_build_object('application_id', v_app.id, 'kind', v_kind, 'value_cents', v_value));
	return v_cheque;
end;
$$;
revoke all on function public.approve_application(uuid) from public;
grant execute on function public.approve_application(uuid) to authenticated;

create or replace function public.reject_application(p_application_id uuid, p_reason text) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
begin
	perform public.assert_max_length(p_reason, 1000, 'reason');
	select * into v_app from public.applications where id = p_application_id for update;
	if not found or not public.is_caseworker_for(v_app.municipality_id, v_app.district_id)
		or v_app.carer_user_id = (select auth.uid()) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_app.status not in ('submitted', 'question_asked') then
		raise exception 'application_not_open' using errcode = 'P0001';
	end if;
	if char_length(coalesce(trim(p_reason), '')) < 3 then
		raise exception 'reason_required' using errcode = '22023';
	end if;
	update public.applications
	set status = 'rejected', rejection_reason = trim(p_reason), decided_by = (select auth.uid()), decided_at = now()
	where id = p_application_id;
	perform public.notify(v_app.municipality_id, v_app.carer_user_id, 'application_decided',
		jsonb_build_object('application_id', v_app.id, 'decision', 'rejected'));
	-- The reason is personal; the log keeps only that it was rejected.
	perform public.log_audit(v_app.municipality_id, 'mantelzorg.application_rejected', 'application', v_app.id, '{}'::jsonb);
end;
$$;
revoke all on function public.reject_application(uuid, text) from public;
grant execute on function public.reject_application(uuid, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Block a lost cheque and reissue what was left on it
-- ---------------------------------------------------------------------------------------------

-- Under the same row lock redeem_cheque takes, so a redemption and a block cannot cross: the old
-- code stops at once (status 'blocked', remaining 0) and its rest becomes the new cheque's value.
-- A blocked cheque's replaced_by names its successor; amounts issued are counted over cheques no
-- other cheque names (see approve_application), amounts redeemed from the redemptions.
create or replace function public.block_and_reissue_cheque(p_cheque_id uuid) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_old public.cheques%rowtype;
	v_new uuid;
begin
	select * into v_old from public.cheques where id = p_cheque_id for update;
	if not found or not (
		public.has_role('municipality_admin', v_old.municipality_id)
		or (v_old.application_id is not null and public.is_caseworker_for_application(v_old.application_id))
	) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_old.status <> 'active' then
		raise exception 'cheque_not_active' using errcode = 'P0001';
	end if;
	if v_old.expires_on < current_date then
		raise exception 'cheque_expired' using errcode = 'P0001';
	end if;
	if v_old.remaining_cents = 0 then
		raise exception 'cheque_used_up' using errcode = 'P0001';
	end if;
	update public.cheques
	set status = 'blocked', blocked_at = now(), blocked_by = (select auth.uid()), remaining_cents = 0
	where id = v_old.id;
	v_new := public.insert_cheque(
		v_old.municipality_id, v_old.scheme_id, v_old.application_id, v_old.carer_user_id, v_old.kind,
		v_old.remaining_cents, v_old.holder_first_name, v_old.expires_on, v_old.letter_needed
	);
	update public.cheques set replaced_by = v_new where id = v_old.id;
	perform public.log_audit(v_old.municipality_id, 'mantelzorg.cheque_blocked', 'cheque', v_old.id,
		jsonb_build_object('replaced_by', v_new, 'moved_cents', v_old.remaining_cents));
	perform public.log_audit(v_old.municipality_id, 'mantelzorg.cheque_reissued', 'cheque', v_new,
		jsonb_build_object('replaces', v_old.id, 'value_cents', v_old.remaining_cents));
	return v_new;
end;
$$;
revoke all on function public.block_and_reissue_cheque(uuid) from public;
grant execute on function public.block_and_reissue_cheque(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The consulent's queue with fraud signals, and the file of one application
-- ---------------------------------------------------------------------------------------------

-- Signals for one application, counted over the whole municipality and scheme (not only the
-- consulent's wijken, or a carer could spread applications over wijken):
--   same_carer       other applications by a carer with the same name, birth date and address
--   recipient_carers different carers (by name and birth date) for the same care recipient
--   same_address     applications from the same carer address
create or replace function public.application_signals(p_app public.applications) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'same_carer', (
			select count(*) from public.applications a
			where a.municipality_id = p_app.municipality_id and a.id <> p_app.id
				and lower(a.carer_last_name) = lower(p_app.carer_last_name)
				and lower(a.carer_first_name) = lower(p_app.carer_first_name)
				and a.carer_birth_date = p_app.carer_birth_date
				and a.carer_postcode = p_app.carer_postcode
				and lower(a.carer_house_number) = lower(p_app.carer_house_number)
		),
		'recipient_carers', (
			select count(distinct (lower(a.carer_first_name), lower(a.carer_last_name), a.carer_birth_date))
			from public.applications a
			where a.scheme_id = p_app.scheme_id
				and lower(a.care_recipient_name) = lower(p_app.care_recipient_name)
				and a.care_recipient_postcode = p_app.care_recipient_postcode
		),
		'same_address', (
			select count(*) from public.applications a
			where a.scheme_id = p_app.scheme_id
				and a.carer_postcode = p_app.carer_postcode
				and lower(a.carer_house_number) = lower(p_app.carer_house_number)
		)
	);
$$;
revoke all on function public.application_signals(public.applications) from public, anon, authenticated;

-- The flags the queue shows, from the counts: any earlier application by the same carer; three
-- or more carers for one person; four or more applications from one address.
create or replace function public.signal_flags(p_signals jsonb) returns jsonb language sql immutable set search_path = '' as $$
	select coalesce(jsonb_agg(f), '[]'::jsonb) from (
		select 'same_carer' as f where (p_signals ->> 'same_carer')::integer >= 1
		union all select 'many_carers_for_recipient' where (p_signals ->> 'recipient_carers')::integer >= 3
		union all select 'many_from_address' where (p_signals ->> 'same_address')::integer >= 4
	) x;
$$;

-- Open applications (and those decided in the last 30 days) in the consulent's wijken, oldest
-- first, with their signals. Only what the list needs: no care recipient, no contact details.
create or replace function public.caseworker_queue() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_municipality uuid := public.my_municipality_id();
begin
	if v_uid is null or not public.has_role('caseworker', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.caseworker_districts cd join public.districts d on d.id = cd.district_id
			where cd.user_id = v_uid and cd.municipality_id = v_municipality
		), '[]'::jsonb),
		'applications', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', x.id, 'status', x.status, 'created_at', x.created_at, 'decided_at', x.decided_at,
				'district_id', x.district_id, 'district_name', x.district_name,
				'carer_first_name', x.carer_first_name, 'carer_last_name', x.carer_last_name,
				'carer_birth_date', x.carer_birth_date, 'hours_per_week', x.hours_per_week,
				'entered_by_caseworker', x.entered_by is not null, 'has_account', x.carer_user_id is not null,
				'signals', x.signals, 'flags', public.signal_flags(x.signals)
			) order by x.status = 'approved' or x.status = 'rejected', x.created_at)
			from (
				select a.*, d.name as district_name, public.application_signals(a) as signals
				from public.applications a
				join public.caseworker_districts cd on cd.district_id = a.district_id and cd.user_id = v_uid
				join public.districts d on d.id = a.district_id
				where a.municipality_id = v_municipality
					and (a.status in ('submitted', 'question_asked') or a.decided_at > now() - interval '30 days')
				order by a.created_at
				limit 500
			) x
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.caseworker_queue() from public;
grant execute on function public.caseworker_queue() to authenticated;

-- The file of one application for its consulent (or an admin): everything on it, its cheques,
-- its signals and the earlier applications behind them that this reader may open. Each look is
-- written to the audit log (who looked at which carer's file), so this read is not "stable".
create or replace function public.application_file(p_application_id uuid) returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
	v_signals jsonb;
begin
	select * into v_app from public.applications where id = p_application_id;
	if not found or not (
		public.is_caseworker_for(v_app.municipality_id, v_app.district_id)
		or public.has_role('municipality_admin', v_app.municipality_id)
	) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	v_signals := public.application_signals(v_app);
	perform public.log_audit(v_app.municipality_id, 'mantelzorg.application_viewed', 'application', v_app.id, '{}'::jsonb);
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

-- ---------------------------------------------------------------------------------------------
-- The carer's own page: applications, cheques and (with the shops migration) receipts
-- ---------------------------------------------------------------------------------------------

-- The receipts of one cheque, newest first: [{ "id", "created_at", "amount_cents", "shop_name" }].
-- Empty here; the shops migration replaces this function once redemptions exist, so the carer's
-- page picks them up without changing.
-- Whoever replaces it keeps the check: only the cheque's carer, its consulent or an admin.
create or replace function public.cheque_receipts(p_cheque_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select '[]'::jsonb from public.cheques c
	where c.id = p_cheque_id and (
		c.carer_user_id = (select auth.uid())
		or public.has_role('municipality_admin', c.municipality_id)
		or (c.application_id is not null and public.is_caseworker_for_application(c.application_id))
	);
$$;
revoke all on function public.cheque_receipts(uuid) from public;
grant execute on function public.cheque_receipts(uuid) to authenticated;

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
-- Call-back checks: a random sample of approved applications, for the municipality to phone
-- ---------------------------------------------------------------------------------------------

-- Draws up to p_size approved applications of the municipality's schemes that were not drawn
-- before, at random, and returns the checks (new and earlier) with what the caller needs to
-- phone: name, phone, e-mail, wijk.
create or replace function public.draw_callback_sample(p_size integer) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_drawn integer;
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_size is null or p_size < 1 or p_size > 200 then
		raise exception 'invalid_sample_size' using errcode = '22023';
	end if;
	with drawn as (
		insert into public.callback_checks (municipality_id, application_id, drawn_by)
		select v_municipality, a.id, (select auth.uid())
		from public.applications a
		where a.municipality_id = v_municipality and a.status = 'approved'
			and not exists (select 1 from public.callback_checks c where c.application_id = a.id)
		order by random()
		limit p_size
		returning id
	)
	select count(*) into v_drawn from drawn;
	perform public.log_audit(v_municipality, 'mantelzorg.callback_sample_drawn', 'callback_check', null,
		jsonb_build_object('size', v_drawn));
	return public.callback_checks_page();
end;
$$;
revoke all on function public.draw_callback_sample(integer) from public;
grant execute on function public.draw_callback_sample(integer) to authenticated;

create or replace function public.callback_checks_page() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	if v_municipality is null or not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return coalesce((
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
end;
$$;
revoke all on function public.callback_checks_page() from public;
grant execute on function public.callback_checks_page() to authenticated;

create or replace function public.record_callback_outcome(p_check_id uuid, p_outcome text, p_note text default null)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_check public.callback_checks%rowtype;
begin
	perform public.assert_max_length(p_outcome, 40, 'outcome');
	perform public.assert_max_length(p_note, 1000, 'note');
	select * into v_check from public.callback_checks where id = p_check_id for update;
	if not found or not public.has_role('municipality_admin', v_check.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if p_outcome is null or not (p_outcome = any (enum_range(null::public.callback_outcome)::text[])) then
		raise exception 'invalid_outcome' using errcode = '22023';
	end if;
	update public.callback_checks
	set outcome = p_outcome, note = nullif(trim(p_note), ''), recorded_by = (select auth.uid()), recorded_at = now()
	where id = p_check_id;
	perform public.log_audit(v_check.municipality_id, 'mantelzorg.callback_recorded', 'callback_check', v_check.id,
		jsonb_build_object('application_id', v_check.application_id, 'outcome', p_outcome));
end;
$$;
revoke all on function public.record_callback_outcome(uuid, text, text) from public;
grant execute on function public.record_callback_outcome(uuid, text, text) to authenticated;

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
			'cheque_id', c.id, 'letter', l.letter, 'kind', c.kind, 'code', c.code,
			'value_cents', c.value_cents, 'remaining_cents', c.remaining_cents, 'expires_on', c.expires_on,
			'carer_first_name', a.carer_first_name, 'carer_last_name', a.carer_last_name,
			'carer_postcode', a.carer_postcode, 'carer_house_number', a.carer_house_number,
			'district_name', d.name, 'created_at', c.created_at
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
revoke all on function public.letter_queue() from public;
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

-- ---------------------------------------------------------------------------------------------
-- Scheduled jobs: expiry reminders, and deleting personal data after the retention period
-- ---------------------------------------------------------------------------------------------

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

insert into public.scheduled_jobs (name, area, every) values
	('remind_expiring_cheques', 'mantelzorg', interval '1 day'),
	('purge_expired_applications', 'mantelzorg', interval '1 day');

select public.add_timestamp_triggers();
