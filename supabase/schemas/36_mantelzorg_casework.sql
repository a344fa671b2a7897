-- Mantelzorgwaardering casework: the consulent's queue with fraud signals and the file of one
-- application (every look is logged), and the municipality's call-back checks of a random sample
-- of approved applications.

-- ---------------------------------------------------------------------------------------------
-- Call-back checks: a random sample of approved applications, phoned by the municipality
-- ---------------------------------------------------------------------------------------------

create type public.callback_outcome as enum ('confirmed', 'doubtful', 'not_reached');

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

create trigger callback_checks_set_timestamps before insert or update on public.callback_checks
	for each row execute function public.set_timestamps();

create index callback_checks_municipality_idx on public.callback_checks (municipality_id, created_at desc);

alter table public.callback_checks enable row level security;

create policy "Municipality admins see the call-back checks of their municipality" on public.callback_checks
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

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
			where a.municipality_id = p_app.municipality_id and a.scheme_id = p_app.scheme_id
				and lower(a.care_recipient_name) = lower(p_app.care_recipient_name)
				and a.care_recipient_postcode = p_app.care_recipient_postcode
		),
		'same_address', (
			select count(*) from public.applications a
			where a.municipality_id = p_app.municipality_id and a.scheme_id = p_app.scheme_id
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
-- first (at most 200), with their signals. Only what the list needs: no care recipient, no
-- contact details.
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

-- The file of one application for its consulent (or an admin): everything on it, its cheques,
-- its signals and the earlier applications behind them that this reader may open. Each look is
-- written to the audit log (who looked at which carer's file), so this read is not "stable".
create or replace function public.application_file(p_application_id uuid) returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_app public.applications%rowtype;
	v_signals jsonb;
	v_subject record;
	v_caseworker boolean;
begin
	perform public.log_reads_without_waiting();
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
-- Drawing the call-back sample and recording the outcome
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

create or replace function public.callback_checks_page() returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_page jsonb;
begin
	-- Async commit only when nothing was written before (draw_callback_sample calls this after
	-- drawing: then its commit waits for the disk as every change does).
	perform public.log_reads_without_waiting();
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
