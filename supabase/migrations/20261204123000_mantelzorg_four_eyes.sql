-- Mantelzorgwaardering, issue 16: four eyes on money, and no column wider than the page.
--
-- * Whoever entered an application does not approve it: another consulent of the wijk or the
--   municipality's admin does (admins may now decide too).
-- * Cheque codes are read by the carer only. Consulenten and admins see that a cheque exists and
--   its balance (application_file, letter_queue: no code); a carer without an account gets the
--   code on the printed letter, and every print is logged with who printed which letter. Whoever
--   issued a cheque (approved it, or reissued it) does not print its letter.
-- * A payout batch is approved by another admin than the one who made it, and exported only once
--   approved (as before). Each step is in the audit log.
-- * The public shops list exposes only what the page shows (approved_shops, security definer);
--   the carer's receipts come from cheque_receipts, without the staff member's account.
--
-- Refusals use SQLSTATEs that the embedded Supabase and PostgREST both answer with a 4xx:
-- 42501 → 403 (401 signed out), 22023 → 400, PT404 → 404, PT409 → 409 (README, Known differences).

-- ---------------------------------------------------------------------------------------------
-- Cheques: who issued it; no direct reads but the carer's own
-- ---------------------------------------------------------------------------------------------

alter table public.cheques add column issued_by uuid references auth.users (id) on delete set null;

-- Consulenten and admins read cheques through application_file, letter_queue and the dashboard,
-- none of which return the code.
drop policy "Caseworkers see the cheques of their wijken" on public.cheques;
drop policy "Municipality admins see the cheques of their municipality" on public.cheques;

drop function public.insert_cheque(uuid, uuid, uuid, uuid, text, integer, text, date, boolean);

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

-- ---------------------------------------------------------------------------------------------
-- Deciding: a consulent of the wijk or the admin, never whoever entered it (or the carer)
-- ---------------------------------------------------------------------------------------------

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

-- Rejecting creates no money, so whoever entered the application may reject it too.
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

-- As before; the new cheque records who issued it, so that person does not print its letter.
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

-- ---------------------------------------------------------------------------------------------
-- The consulent's queue and file; admins see the whole municipality's queue
-- ---------------------------------------------------------------------------------------------

-- Open applications (and those decided in the last 30 days) in the consulent's wijken, or for an
-- admin in the whole municipality, oldest first (at most 200), with their signals and whether the
-- reader entered it (then another person decides). No care recipient, no contact details.
create or replace function public.caseworker_queue() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_municipality uuid := public.my_municipality_id();
	v_admin boolean := public.has_role('municipality_admin', v_municipality);
begin
	if v_uid is null or not (public.has_role('caseworker', v_municipality) or v_admin) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = v_municipality and (v_admin or exists (
				select 1 from public.caseworker_districts cd where cd.district_id = d.id and cd.user_id = v_uid
			))
		), '[]'::jsonb),
		'applications', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', x.id, 'status', x.status, 'created_at', x.created_at, 'decided_at', x.decided_at,
				'district_id', x.district_id, 'district_name', x.district_name,
				'carer_first_name', x.carer_first_name, 'carer_last_name', x.carer_last_name,
				'carer_birth_date', x.carer_birth_date, 'hours_per_week', x.hours_per_week,
				'entered_by_caseworker', x.entered_by is not null, 'entered_by_me', x.entered_by is not distinct from v_uid,
				'has_account', x.carer_user_id is not null,
				'signals', x.signals, 'flags', public.signal_flags(x.signals)
			) order by x.status = 'approved' or x.status = 'rejected', x.created_at)
			from (
				select a.*, d.name as district_name, public.application_signals(a) as signals
				from public.applications a
				join public.districts d on d.id = a.district_id
				where a.municipality_id = v_municipality
					and (v_admin or exists (
						select 1 from public.caseworker_districts cd where cd.district_id = a.district_id and cd.user_id = v_uid
					))
					and (a.status in ('submitted', 'question_asked') or a.decided_at > now() - interval '30 days')
				order by a.created_at
				limit 200
			) x
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.caseworker_queue() from public, anon;
grant execute on function public.caseworker_queue() to authenticated;

-- The file of one application for its consulent (or an admin): everything on it, its cheques
-- (that they exist and their balance, never their code), its signals, whether the reader may
-- decide it (and why not), and the earlier applications behind the signals that this reader may
-- open. Each look is written to the audit log.
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
			'decided_by_name', (select p.display_name from public.profiles p where p.id = v_app.decided_by),
			'entered_by_me', v_app.entered_by is not distinct from (select auth.uid()),
			'approval_refusal', public.application_decision_refusal(v_app)
		),
		'scheme', (select jsonb_build_object('id', s.id, 'year', s.year, 'young_carer_max_age', s.young_carer_max_age,
			'min_hours_per_week', s.min_hours_per_week, 'min_months', s.min_months)
			from public.schemes s where s.id = v_app.scheme_id),
		'cheques', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', c.id, 'kind', c.kind, 'value_cents', c.value_cents,
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
revoke all on function public.application_file(uuid) from public, anon;
grant execute on function public.application_file(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Letters: the queue without codes; printing returns the codes and logs who printed what
-- ---------------------------------------------------------------------------------------------

-- The letters of the municipality waiting to be printed (without codes), each with whether the
-- reader may print it: not when they issued the cheque.
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

drop function public.letter_print_page();

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
-- Payout batches: made by one admin, approved by another, exported once approved
-- ---------------------------------------------------------------------------------------------

create or replace function public.create_reimbursement_batch(
	p_shop_id uuid,
	p_period_start date,
	p_period_end date
) returns uuid language plpgsql security definer set search_path = '' as $$
declare
	v_shop public.shops;
	v_id uuid := gen_random_uuid();
	v_total bigint;
	v_count integer;
begin
	select * into v_shop from public.shops s where s.id = p_shop_id;
	if v_shop.id is null or not public.has_role('municipality_admin', v_shop.municipality_id) then
		raise exception 'shop_not_found' using errcode = 'PT404';
	end if;
	if p_period_start is null or p_period_end is null or p_period_start > p_period_end then
		raise exception 'invalid_period' using errcode = '22023';
	end if;
	insert into public.reimbursement_batches (
		id, municipality_id, shop_id, reference, period_start, period_end, total_cents, redemption_count, created_by
	) values (
		v_id, v_shop.municipality_id, p_shop_id,
		'MZ-' || to_char(now() at time zone 'Europe/Amsterdam', 'YYYYMMDD') || '-' || left(replace(v_id::text, '-', ''), 8),
		p_period_start, p_period_end, 1, 1, (select auth.uid())
	);
	-- The UPDATE re-checks its condition on rows an undo holds: an undone one is skipped.
	with taken as (
		update public.redemptions r set batch_id = v_id
		where r.shop_id = p_shop_id and r.batch_id is null and r.undone_at is null
			and r.created_at >= (p_period_start::timestamp at time zone 'Europe/Amsterdam')
			and r.created_at < ((p_period_end + 1)::timestamp at time zone 'Europe/Amsterdam')
		returning r.amount_cents
	)
	select coalesce(sum(amount_cents), 0), count(*) into v_total, v_count from taken;
	if v_count = 0 then
		raise exception 'nothing_to_pay' using errcode = 'PT409';
	end if;
	update public.reimbursement_batches set total_cents = v_total, redemption_count = v_count where id = v_id;
	perform public.log_audit(v_shop.municipality_id, 'mantelzorg.batch_created', 'reimbursement_batch', v_id,
		jsonb_build_object('shop_id', p_shop_id, 'total_cents', v_total, 'redemption_count', v_count));
	return v_id;
end;
$$;
revoke all on function public.create_reimbursement_batch(uuid, date, date) from public, anon;
grant execute on function public.create_reimbursement_batch(uuid, date, date) to authenticated;

create or replace function public.approve_reimbursement_batch(p_batch_id uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_batch public.reimbursement_batches;
begin
	select * into v_batch from public.reimbursement_batches b where b.id = p_batch_id for update;
	if v_batch.id is null or not public.has_role('municipality_admin', v_batch.municipality_id) then
		raise exception 'batch_not_found' using errcode = 'PT404';
	end if;
	if v_batch.status <> 'draft' then
		raise exception 'batch_not_draft' using errcode = 'PT409';
	end if;
	if v_batch.created_by is not distinct from (select auth.uid()) then
		raise exception 'batch_made_by_you' using errcode = '42501';
	end if;
	update public.reimbursement_batches set status = 'approved', approved_by = (select auth.uid()), approved_at = now()
	where id = p_batch_id;
	perform public.log_audit(v_batch.municipality_id, 'mantelzorg.batch_approved', 'reimbursement_batch', p_batch_id,
		jsonb_build_object('total_cents', v_batch.total_cents, 'created_by', v_batch.created_by));
end;
$$;
revoke all on function public.approve_reimbursement_batch(uuid) from public, anon;
grant execute on function public.approve_reimbursement_batch(uuid) to authenticated;

-- Everything the payment file needs, and the batch marked exported (the first export is logged as
-- the payout; a later download of the same file is logged too, and pays nothing twice: the bank
-- refuses a message id it has seen). Only an approved (or exported) batch exports.
create or replace function public.export_reimbursement_batch(p_batch_id uuid) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_batch public.reimbursement_batches;
	v_result jsonb;
begin
	select * into v_batch from public.reimbursement_batches b where b.id = p_batch_id for update;
	if v_batch.id is null or not public.has_role('municipality_admin', v_batch.municipality_id) then
		raise exception 'batch_not_found' using errcode = 'PT404';
	end if;
	if v_batch.status = 'draft' then
		raise exception 'batch_not_approved' using errcode = 'PT409';
	end if;
	if v_batch.status = 'approved' then
		update public.reimbursement_batches set status = 'exported', exported_by = (select auth.uid()), exported_at = now()
		where id = p_batch_id;
	end if;
	perform public.log_audit(v_batch.municipality_id,
		case when v_batch.status = 'approved' then 'mantelzorg.batch_paid_out' else 'mantelzorg.batch_downloaded' end,
		'reimbursement_batch', p_batch_id, jsonb_build_object('total_cents', v_batch.total_cents));
	select jsonb_build_object(
		'id', v_batch.id, 'reference', v_batch.reference, 'period_start', v_batch.period_start,
		'period_end', v_batch.period_end, 'total_cents', v_batch.total_cents,
		'redemption_count', v_batch.redemption_count, 'municipality_name', m.name,
		'shop_name', s.name, 'iban', d.iban, 'account_holder', d.account_holder,
		'sum_of_redemptions_cents', (
			select coalesce(sum(r.amount_cents), 0) from public.redemptions r where r.batch_id = v_batch.id
		)
	) into v_result
	from public.shops s
	join public.municipalities m on m.id = s.municipality_id
	join public.shop_private_details d on d.shop_id = s.id
	where s.id = v_batch.shop_id;
	return v_result;
end;
$$;
revoke all on function public.export_reimbursement_batch(uuid) from public, anon;
grant execute on function public.export_reimbursement_batch(uuid) to authenticated;

-- The admin's payout page: per approved shop what is waiting to be paid, the batches (with who
-- made and approved each, and whether the reader made it), and how many admins the municipality
-- has, so the page can say why approving is not possible for a single admin.
create or replace function public.reimbursement_admin_page() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
begin
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return jsonb_build_object(
		'admin_count', (
			select count(distinct m.user_id) from public.memberships m
			where m.municipality_id = v_municipality and m.role = 'municipality_admin'
		),
		'shops', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', s.id, 'name', s.name,
				'unbatched_cents', coalesce(u.total, 0), 'unbatched_count', coalesce(u.n, 0),
				'first_at', u.first_at, 'last_at', u.last_at
			) order by s.name)
			from public.shops s
			left join lateral (
				select sum(r.amount_cents) as total, count(*) as n, min(r.created_at) as first_at, max(r.created_at) as last_at
				from public.redemptions r
				where r.shop_id = s.id and r.batch_id is null and r.undone_at is null
			) u on true
			where s.municipality_id = v_municipality and (s.status = 'approved' or u.n > 0)
		), '[]'::jsonb),
		'batches', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', b.id, 'reference', b.reference, 'shop_name', s.name, 'period_start', b.period_start,
				'period_end', b.period_end, 'total_cents', b.total_cents, 'redemption_count', b.redemption_count,
				'status', b.status, 'created_at', b.created_at,
				'created_by_name', (select p.display_name from public.profiles p where p.id = b.created_by),
				'approved_by_name', (select p.display_name from public.profiles p where p.id = b.approved_by),
				'created_by_me', b.created_by is not distinct from (select auth.uid())
			) order by b.created_at desc)
			from public.reimbursement_batches b join public.shops s on s.id = b.shop_id
			where b.municipality_id = v_municipality
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.reimbursement_admin_page() from public, anon;
grant execute on function public.reimbursement_admin_page() to authenticated;

-- /beheer's overview of the four-eyes rules: how many admins, the wijken where one consulent
-- works alone (what they enter waits for the admin), and what waits for a second person.
create or replace function public.four_eyes_page() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_uid uuid := (select auth.uid());
begin
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return jsonb_build_object(
		'admin_count', (
			select count(distinct m.user_id) from public.memberships m
			where m.municipality_id = v_municipality and m.role = 'municipality_admin'
		),
		'districts_with_one_caseworker', coalesce((
			select jsonb_agg(d.name order by d.name) from public.districts d
			where d.municipality_id = v_municipality
				and (select count(*) from public.caseworker_districts cd where cd.district_id = d.id) = 1
		), '[]'::jsonb),
		'applications_waiting', (
			select count(*) from public.applications a
			where a.municipality_id = v_municipality and a.status = 'submitted' and a.entered_by is not null
		),
		'batches_waiting', (
			select count(*) from public.reimbursement_batches b
			where b.municipality_id = v_municipality and b.status = 'draft'
		),
		'my_batches_waiting', (
			select count(*) from public.reimbursement_batches b
			where b.municipality_id = v_municipality and b.status = 'draft' and b.created_by = v_uid
		)
	);
end;
$$;
revoke all on function public.four_eyes_page() from public, anon;
grant execute on function public.four_eyes_page() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- No column wider than the page (issue 16.12)
-- ---------------------------------------------------------------------------------------------

-- Public shop rows carried the owner's and the deciding admin's account ids. The public list and
-- the map read approved shops through approved_shops only, which returns the columns they show.
drop policy "Approved shops are public" on public.shops;

create or replace function public.approved_shops(
	p_municipality_id uuid default null,
	p_district_id uuid default null,
	p_category text default null
) returns jsonb language sql stable security definer set search_path = '' as $$
	with m as (
		select coalesce(p_municipality_id,
			(select m.id from public.municipalities m where m.slug = 'zaanstad')) as id
	)
	select jsonb_build_object(
		'shops', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', s.id, 'name', s.name, 'street_address', s.street_address, 'postcode', s.postcode,
				'city', s.city, 'district_id', s.district_id, 'district_name', d.name,
				'category', s.category, 'description', s.description,
				'latitude', s.latitude, 'longitude', s.longitude
			) order by s.name)
			from public.shops s
			left join public.districts d on d.id = s.district_id
			where s.status = 'approved'
				and s.municipality_id = (select id from m)
				and (p_district_id is null or s.district_id = p_district_id)
				and (p_category is null or s.category = p_category)
				and char_length(coalesce(p_category, '')) <= 40
		), '[]'::jsonb),
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = (select id from m)
		), '[]'::jsonb)
	);
$$;
revoke all on function public.approved_shops(uuid, uuid, text) from public;
grant execute on function public.approved_shops(uuid, uuid, text) to anon, authenticated;

-- The carer's redemption rows carried the staff member's account; cheque_receipts (date, amount,
-- shop) is what the carer's page shows.
drop policy "Carers see the redemptions of their cheques" on public.redemptions;
drop function public.owns_cheque(uuid);

-- These answer null to anyone who is not on a board or an admin: nothing for anon.
revoke execute on function public.activity_registrations_page(uuid) from anon;
revoke execute on function public.activity_board_page(uuid) from anon;
revoke execute on function public.centre_board_page(uuid) from anon;

-- The rest of the shop and counter refusals, with SQLSTATEs both APIs answer with a 4xx.
create or replace function public.decide_shop(p_shop_id uuid, p_status text) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_shop public.shops;
begin
	perform public.assert_max_length(p_status, 20, 'status');
	select * into v_shop from public.shops s where s.id = p_shop_id for update;
	if v_shop.id is null or not public.has_role('municipality_admin', v_shop.municipality_id) then
		raise exception 'shop_not_found' using errcode = 'PT404';
	end if;
	if p_status is null or p_status not in ('approved', 'suspended') then
		raise exception 'invalid_status' using errcode = '22023';
	end if;
	update public.shops set status = p_status, decided_by = (select auth.uid()), decided_at = now()
	where id = p_shop_id;
	perform public.notify(v_shop.municipality_id, v_shop.owner_user_id,
		case when p_status = 'approved' then 'shop_approved' else 'shop_suspended' end,
		jsonb_build_object('shop_name', v_shop.name));
	perform public.log_audit(v_shop.municipality_id, 'mantelzorg.shop_decided', 'shop', v_shop.id,
		jsonb_build_object('status', p_status));
end;
$$;
revoke all on function public.decide_shop(uuid, text) from public, anon;
grant execute on function public.decide_shop(uuid, text) to authenticated;

create or replace function public.remove_shop_staff(p_membership_id uuid) returns void language plpgsql security definer set search_path = '' as $$
declare
	v_row public.memberships;
begin
	delete from public.memberships m
	where m.id = p_membership_id and m.role = 'shop_staff' and public.owns_shop(m.shop_id)
		and m.user_id <> (select auth.uid())
	returning * into v_row;
	if v_row.id is null then
		raise exception 'membership_not_found' using errcode = 'PT404';
	end if;
	perform public.log_audit(v_row.municipality_id, 'mantelzorg.shop_staff_removed', 'shop', v_row.shop_id, '{}'::jsonb);
end;
$$;
revoke all on function public.remove_shop_staff(uuid) from public, anon;
grant execute on function public.remove_shop_staff(uuid) to authenticated;

-- Staff undo their own redemption until it is in a reimbursement batch (see *_redemptions.sql).
create or replace function public.undo_redemption(p_redemption_id uuid) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_row public.redemptions;
	v_remaining integer;
begin
	select * into v_row from public.redemptions r where r.id = p_redemption_id;
	if v_row.id is null or v_row.staff_user_id is distinct from v_uid
		or not public.has_role('shop_staff', v_row.municipality_id, v_row.shop_id) then
		raise exception 'redemption_not_found' using errcode = 'PT404';
	end if;
	-- Lock order as in redeem_cheque: the cheque first, then the redemption.
	perform 1 from public.cheques c where c.id = v_row.cheque_id for update;
	update public.redemptions r set undone_at = now(), undone_by = v_uid
	where r.id = p_redemption_id and r.undone_at is null and r.batch_id is null
	returning * into v_row;
	if v_row.id is null then
		select * into v_row from public.redemptions r where r.id = p_redemption_id;
		if v_row.batch_id is not null then
			raise exception 'redemption_batched' using errcode = 'PT409';
		end if;
		raise exception 'redemption_already_undone' using errcode = 'PT409';
	end if;
	update public.cheques c set remaining_cents = c.remaining_cents + v_row.amount_cents
	where c.id = v_row.cheque_id and c.status = 'active'
	returning c.remaining_cents into v_remaining;
	if v_remaining is null then
		raise exception 'cheque_blocked' using errcode = 'PT409';
	end if;
	perform public.log_audit(v_row.municipality_id, 'mantelzorg.redemption_undone', 'redemption', v_row.id,
		jsonb_build_object('cheque_id', v_row.cheque_id, 'shop_id', v_row.shop_id, 'amount_cents', v_row.amount_cents));
	return jsonb_build_object('remaining_cents', v_remaining, 'amount_cents', v_row.amount_cents);
end;
$$;
revoke all on function public.undo_redemption(uuid) from public, anon;
grant execute on function public.undo_redemption(uuid) to authenticated;

select public.add_timestamp_triggers();
