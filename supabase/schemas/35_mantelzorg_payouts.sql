-- Mantelzorgwaardering after the counter: shops are reimbursed in batches (one shop, one period,
-- paid once, approved by another admin than the one who made it), and the municipality's
-- dashboard of the scheme year in figures.

-- ---------------------------------------------------------------------------------------------
-- Reimbursement batches: create (takes the rows), approve, export (marks exported)
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
-- refuses a message id it has seen).
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

-- The admin's payout page: per approved shop what is waiting to be paid, and the batches.
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
-- Dashboard: the scheme year in figures (also the "Feiten & Cijfers" table and its CSV)
-- ---------------------------------------------------------------------------------------------

-- Counts come from the live applications plus the anonymous scheme_counts the retention job
-- leaves behind; money comes from cheques and redemptions, which outlive the personal data.
create or replace function public.mantelzorg_dashboard(p_year integer default null) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_scheme public.schemes;
	v_today date := (now() at time zone 'Europe/Amsterdam')::date;
begin
	if not public.has_role('municipality_admin', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	select * into v_scheme from public.schemes s
	where s.municipality_id = v_municipality
		and s.year = coalesce(p_year, extract(year from v_today)::integer);
	if v_scheme.id is null then
		return jsonb_build_object('scheme', null);
	end if;
	return jsonb_build_object(
		'scheme', jsonb_build_object('id', v_scheme.id, 'year', v_scheme.year, 'budget_cents', v_scheme.budget_cents),
		'districts', coalesce((
			-- A carer counts once per wijk however many people they care for; young when any of
			-- their approved applications brought a Pluim. One pass over applications and cheques.
			with carers as (
				select ap.district_id, bool_or(c.kind = 'pluim') as young
				from public.applications ap
				left join public.cheques c on c.application_id = ap.id
				where ap.scheme_id = v_scheme.id and ap.status = 'approved'
				group by ap.district_id, lower(ap.carer_first_name), lower(ap.carer_last_name), ap.carer_birth_date
			), per_district as (
				select district_id, count(*) as carers, count(*) filter (where young) as young
				from carers group by district_id
			)
			select jsonb_agg(jsonb_build_object(
				'district_id', d.id, 'name', d.name,
				'carers', coalesce(pd.carers, 0) + coalesce(sc.approved, 0),
				'young_carers', coalesce(pd.young, 0) + coalesce(sc.young_carers, 0)
			) order by d.name)
			from public.districts d
			left join per_district pd on pd.district_id = d.id
			left join public.scheme_counts sc on sc.scheme_id = v_scheme.id and sc.district_id = d.id
			where d.municipality_id = v_municipality
		), '[]'::jsonb),
		'money', (
			select jsonb_build_object(
				'cheques_issued', count(*) filter (where c.kind = 'cheque' and c.replaced_by is null),
				'pluims_issued', count(*) filter (where c.kind = 'pluim' and c.replaced_by is null),
				'issued_cents', coalesce(sum(c.value_cents) filter (where c.replaced_by is null), 0),
				'outstanding_cents', coalesce(sum(c.remaining_cents) filter (
					where c.status = 'active' and c.expires_on >= v_today), 0),
				'expired_cents', coalesce(sum(c.remaining_cents) filter (
					where c.status = 'active' and c.expires_on < v_today), 0)
			)
			from public.cheques c where c.scheme_id = v_scheme.id
		),
		'redemptions', (
			select jsonb_build_object(
				'redeemed_cents', coalesce(sum(r.amount_cents), 0),
				'redemption_count', count(*),
				'paid_cents', coalesce(sum(r.amount_cents) filter (where r.batch_id is not null), 0),
				'shops_taking_part', count(distinct r.shop_id)
			)
			from public.redemptions r join public.cheques c on c.id = r.cheque_id
			where c.scheme_id = v_scheme.id and r.undone_at is null
		),
		'approved_shops', (
			select count(*) from public.shops s where s.municipality_id = v_municipality and s.status = 'approved'
		)
	);
end;
$$;
revoke all on function public.mantelzorg_dashboard(integer) from public;
grant execute on function public.mantelzorg_dashboard(integer) to authenticated;
