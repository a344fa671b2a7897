-- Mantelzorgwaardering cheques and Pluimen: approval issues exactly one per application, with an
-- unguessable code; a lost cheque is blocked and what was left on it reissued. Redemptions at the
-- counter (34_mantelzorg_redemptions.sql) change remaining_cents under the cheque's row lock, as
-- block_and_reissue_cheque does here.
--
-- Cheque codes: 16 Crockford base32 characters, 15 random (75 bits) and 1 check character, stored
-- normalised (no spaces, upper case) and shown as 4 groups of 4. The check character is a
-- weighted sum over GF(32): see cheque_check_character below and src/lib/mantelzorg/cheque-code.ts,
-- which must agree (a test compares them).

-- ---------------------------------------------------------------------------------------------
-- Cheques and Pluimen
-- ---------------------------------------------------------------------------------------------

create type public.cheque_kind as enum ('cheque', 'pluim');

create type public.cheque_status as enum ('active', 'blocked');

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
	constraint cheques_blocked_is_complete check ((status = 'blocked') = (blocked_at is not null)),
	-- Who issued it (approved the application, or reissued a lost cheque): not its letter's printer.
	issued_by uuid references auth.users (id) on delete set null
);

create trigger cheques_set_timestamps before insert or update on public.cheques
	for each row execute function public.set_timestamps();

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

-- Four eyes: codes are the carer's alone. Consulenten and admins read cheques through
-- application_file, letter_queue and the dashboard, none of which return the code.

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
	p_letter_needed boolean,
	p_issued_by uuid
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_id uuid;
begin
	for attempt in 1..5 loop
		begin
			insert into public.cheques (
				municipality_id, scheme_id, application_id, carer_user_id, kind, code, value_cents,
				remaining_cents, holder_first_name, expires_on, letter_needed, issued_by
			) values (
				p_municipality_id, p_scheme_id, p_application_id, p_carer_user_id, p_kind,
				public.generate_cheque_code(), p_value_cents, p_value_cents, p_holder_first_name,
				p_expires_on, p_letter_needed, p_issued_by
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
revoke all on function public.insert_cheque(uuid, uuid, uuid, uuid, text, integer, text, date, boolean, uuid) from public, anon, authenticated;

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

-- Why the signed-in user may not decide this application, or null when they may.
create or replace function public.application_decision_refusal(p_app public.applications) returns text language sql stable security definer set search_path = '' as $$
	select case
		when not (public.is_caseworker_for(p_app.municipality_id, p_app.district_id)
			or public.has_role('municipality_admin', p_app.municipality_id)) then 'forbidden'
		when p_app.carer_user_id = (select auth.uid()) then 'forbidden'
		when p_app.entered_by = (select auth.uid()) then 'entered_by_you'
	end;
$$;
revoke all on function public.application_decision_refusal(public.applications) from public, anon, authenticated;

-- Returns the new cheque's id. The application row is locked, so two consulenten approving at
-- once make one cheque: the second finds it approved. The scheme row is locked too, so two
-- approvals cannot both take the last of the budget.
create or replace function public.approve_application(p_application_id uuid) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
	v_scheme public.schemes%rowtype;
	v_refusal text;
	v_age integer;
	v_kind text;
	v_value integer;
	v_issued bigint;
	v_cheque uuid;
begin
	select * into v_app from public.applications where id = p_application_id for update;
	v_refusal := case when found then public.application_decision_refusal(v_app) else 'forbidden' end;
	if v_refusal is not null then
		raise exception '%', v_refusal using errcode = '42501';
	end if;
	if v_app.status = 'question_asked' then
		raise exception 'question_open' using errcode = 'PT409';
	end if;
	if v_app.status <> 'submitted' then
		raise exception 'application_not_open' using errcode = 'PT409';
	end if;
	select * into v_scheme from public.schemes where id = v_app.scheme_id for update;
	if v_scheme.redeem_until < current_date then
		raise exception 'scheme_ended' using errcode = 'PT409';
	end if;
	v_age := extract(year from age(current_date, v_app.carer_birth_date))::integer;
	select c.kind, c.value_cents into v_kind, v_value from public.cheque_kind_and_value(v_scheme, v_age) c;
	-- Issued: every cheque's value, a reissue counted through the cheque it replaced.
	select coalesce(sum(c.value_cents), 0) into v_issued from public.cheques c
	where c.scheme_id = v_scheme.id and not exists (select 1 from public.cheques o where o.replaced_by = c.id);
	if v_issued + v_value > v_scheme.budget_cents then
		raise exception 'budget_exhausted' using errcode = 'PT409';
	end if;
	begin
		update public.applications
		set status = 'approved', decided_by = (select auth.uid()), decided_at = now()
		where id = p_application_id;
	exception when unique_violation then
		raise exception 'already_approved' using errcode = 'PT409';
	end;
	v_cheque := public.insert_cheque(
		v_app.municipality_id, v_scheme.id, v_app.id, v_app.carer_user_id, v_kind, v_value,
		v_app.carer_first_name, v_scheme.redeem_until, v_app.carer_user_id is null, (select auth.uid())
	);
	perform public.notify(v_app.municipality_id, v_app.carer_user_id, 'application_decided',
		jsonb_build_object('application_id', v_app.id, 'decision', 'approved'));
	perform public.log_audit(v_app.municipality_id, 'mantelzorg.application_approved', 'application', v_app.id,
		jsonb_build_object('cheque_id', v_cheque, 'entered_by', v_app.entered_by));
	perform public.log_audit(v_app.municipality_id, 'mantelzorg.cheque_issued', 'cheque', v_cheque,
		jsonb_build_object('application_id', v_app.id, 'kind', v_kind, 'value_cents', v_value));
	return v_cheque;
end;
$$;
revoke all on function public.approve_application(uuid) from public, anon;
grant execute on function public.approve_application(uuid) to authenticated;

create or replace function public.reject_application(p_application_id uuid, p_reason text) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
	v_refusal text;
begin
	perform public.assert_max_length(p_reason, 1000, 'reason');
	select * into v_app from public.applications where id = p_application_id for update;
	v_refusal := case when found then public.application_decision_refusal(v_app) else 'forbidden' end;
	if v_refusal is not null and v_refusal <> 'entered_by_you' then
		raise exception '%', v_refusal using errcode = '42501';
	end if;
	if v_app.status not in ('submitted', 'question_asked') then
		raise exception 'application_not_open' using errcode = 'PT409';
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
revoke all on function public.reject_application(uuid, text) from public, anon;
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
		raise exception 'cheque_not_active' using errcode = 'PT409';
	end if;
	if v_old.expires_on < current_date then
		raise exception 'cheque_expired' using errcode = 'PT409';
	end if;
	if v_old.remaining_cents = 0 then
		raise exception 'cheque_used_up' using errcode = 'PT409';
	end if;
	update public.cheques
	set status = 'blocked', blocked_at = now(), blocked_by = (select auth.uid()), remaining_cents = 0
	where id = v_old.id;
	v_new := public.insert_cheque(
		v_old.municipality_id, v_old.scheme_id, v_old.application_id, v_old.carer_user_id, v_old.kind,
		v_old.remaining_cents, v_old.holder_first_name, v_old.expires_on, v_old.letter_needed, (select auth.uid())
	);
	update public.cheques set replaced_by = v_new where id = v_old.id;
	perform public.log_audit(v_old.municipality_id, 'mantelzorg.cheque_blocked', 'cheque', v_old.id,
		jsonb_build_object('replaced_by', v_new, 'moved_cents', v_old.remaining_cents));
	perform public.log_audit(v_old.municipality_id, 'mantelzorg.cheque_reissued', 'cheque', v_new,
		jsonb_build_object('replaces', v_old.id, 'value_cents', v_old.remaining_cents));
	return v_new;
end;
$$;
revoke all on function public.block_and_reissue_cheque(uuid) from public, anon;
grant execute on function public.block_and_reissue_cheque(uuid) to authenticated;
