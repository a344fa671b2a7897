-- Mantelzorgwaardering at the counter: redemptions (verzilveringen) of cheques at a shop, the
-- wrong-code log behind the lockout, and the reimbursement batches the redemptions are paid in
-- (their functions and the dashboard are in 35_mantelzorg_payouts.sql).
--
-- Money moves in one place: redeem_cheque and undo_redemption change cheques.remaining_cents
-- under the cheque's row lock (as block_and_reissue_cheque does), and every change is written to
-- the platform audit log. A refusal at the counter is an answer, not an error: redeem_cheque and
-- lookup_cheque return {"ok": false, "reason": …} so the wrong-code log they write is kept.

-- ---------------------------------------------------------------------------------------------
-- Closed value lists and registrations
-- ---------------------------------------------------------------------------------------------

create type public.reimbursement_batch_status as enum ('draft', 'approved', 'exported');

-- Too many wrong codes lock the shop's counter; the municipality is told.
insert into public.notification_kinds (kind, area) values ('shop_code_lockout', 'mantelzorg');

-- ---------------------------------------------------------------------------------------------
-- Reimbursement batches: one shop, one period, paid once
-- ---------------------------------------------------------------------------------------------

create table public.reimbursement_batches (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	shop_id uuid not null references public.shops (id) on delete restrict,
	-- A short human reference, also the SEPA message id: MZ-<yyyymmdd>-<first 8 of id>.
	reference text not null unique check (reference ~ '^MZ-[0-9]{8}-[0-9a-f]{8}$'),
	period_start date not null,
	period_end date not null,
	total_cents integer not null check (total_cents > 0),
	redemption_count integer not null check (redemption_count > 0),
	status text not null default 'draft'
		check (status = any (enum_range(null::public.reimbursement_batch_status)::text[])),
	created_by uuid references auth.users (id) on delete set null,
	approved_by uuid references auth.users (id) on delete set null,
	approved_at timestamptz,
	exported_by uuid references auth.users (id) on delete set null,
	exported_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint reimbursement_batches_period_in_order check (period_start <= period_end)
);

create trigger reimbursement_batches_set_timestamps before insert or update on public.reimbursement_batches
	for each row execute function public.set_timestamps();

create index reimbursement_batches_shop_idx on public.reimbursement_batches (municipality_id, shop_id, created_at desc);

alter table public.reimbursement_batches enable row level security;

create policy "Municipality admins see the batches of their municipality" on public.reimbursement_batches
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

create policy "Shop staff see their shop's batches" on public.reimbursement_batches
	for select to authenticated using (public.has_role('shop_staff', municipality_id, shop_id));

-- ---------------------------------------------------------------------------------------------
-- Redemptions
-- ---------------------------------------------------------------------------------------------

create table public.redemptions (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	cheque_id uuid not null references public.cheques (id) on delete restrict,
	shop_id uuid not null references public.shops (id) on delete restrict,
	staff_user_id uuid references auth.users (id) on delete set null,
	amount_cents integer not null check (amount_cents between 1 and 100000),
	-- What was left on the cheque right after this redemption: a retry with the same key answers it.
	remaining_after_cents integer not null check (remaining_after_cents >= 0),
	idempotency_key uuid not null unique,
	-- Staff confirmed a second redemption of the same cheque at the same shop within minutes.
	confirmed_again boolean not null default false,
	undone_at timestamptz,
	undone_by uuid references auth.users (id) on delete set null,
	batch_id uuid references public.reimbursement_batches (id) on delete restrict,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint redemptions_undone_never_paid check (undone_at is null or batch_id is null)
);

create trigger redemptions_set_timestamps before insert or update on public.redemptions
	for each row execute function public.set_timestamps();

create index redemptions_cheque_idx on public.redemptions (cheque_id, created_at desc);

create index redemptions_shop_idx on public.redemptions (shop_id, created_at desc);

create index redemptions_unbatched_idx on public.redemptions (municipality_id, shop_id, created_at)
	where batch_id is null and undone_at is null;

create index redemptions_batch_idx on public.redemptions (batch_id) where batch_id is not null;

alter table public.redemptions enable row level security;

create policy "Shop staff see their shop's redemptions" on public.redemptions
	for select to authenticated using (public.has_role('shop_staff', municipality_id, shop_id));

-- Carers read their receipts through cheque_receipts (date, amount, shop), not these rows.
create policy "Municipality admins see the redemptions of their municipality" on public.redemptions
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- ---------------------------------------------------------------------------------------------
-- Wrong codes: every unknown code typed at a counter, for the lockout and the municipality's alert
-- ---------------------------------------------------------------------------------------------

create table public.code_attempts (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	shop_id uuid not null references public.shops (id) on delete cascade,
	staff_user_id uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger code_attempts_set_timestamps before insert or update on public.code_attempts
	for each row execute function public.set_timestamps();

create index code_attempts_shop_idx on public.code_attempts (shop_id, created_at desc);

create index code_attempts_staff_idx on public.code_attempts (staff_user_id, created_at desc);

alter table public.code_attempts enable row level security;

create policy "Municipality admins see the wrong codes of their municipality" on public.code_attempts
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- ---------------------------------------------------------------------------------------------
-- The counter: shared checks, lookup, redeem, undo
-- ---------------------------------------------------------------------------------------------

-- Codes are typed with spaces, hyphens and lower case, and O/I/L for 0/1 (Crockford).
create or replace function public.counter_code(p_code text) returns text language sql immutable set search_path = '' as $$
	select translate(upper(regexp_replace(coalesce(p_code, ''), '[\s-]', '', 'g')), 'OIL', '011');
$$;

-- The caller's approved shop, or an exception: not staff → forbidden; not approved → shop_not_approved.
create or replace function public.counter_shop(p_shop_id uuid) returns public.shops language plpgsql stable security definer set search_path = '' as $$
declare
	v_shop public.shops;
begin
	if (select auth.uid()) is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	select * into v_shop from public.shops s where s.id = p_shop_id;
	if v_shop.id is null or not public.has_role('shop_staff', v_shop.municipality_id, v_shop.id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if v_shop.status <> 'approved' then
		raise exception 'shop_not_approved' using errcode = '42501';
	end if;
	return v_shop;
end;
$$;
revoke all on function public.counter_shop(uuid) from public, anon, authenticated;

-- Lockout: 5 wrong codes per staff account or 20 per shop within 15 minutes lock code entry until
-- the oldest of them is 15 minutes old.
create or replace function public.counter_locked(p_shop_id uuid) returns boolean language sql stable security definer set search_path = '' as $$
	select (
		select count(*) from public.code_attempts a
		where a.staff_user_id = (select auth.uid()) and a.created_at > now() - interval '15 minutes'
	) >= 5 or (
		select count(*) from public.code_attempts a
		where a.shop_id = p_shop_id and a.created_at > now() - interval '15 minutes'
	) >= 20;
$$;
revoke all on function public.counter_locked(uuid) from public, anon, authenticated;

-- Logs a wrong code; when it is the one that locks code entry, alerts the municipality's admins.
create or replace function public.counter_wrong_code(p_shop public.shops) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_now_locked boolean;
begin
	insert into public.code_attempts (municipality_id, shop_id, staff_user_id)
	values (p_shop.municipality_id, p_shop.id, (select auth.uid()));
	v_now_locked := public.counter_locked(p_shop.id);
	if v_now_locked then
		perform public.log_audit(p_shop.municipality_id, 'mantelzorg.code_entry_locked', 'shop', p_shop.id, '{}'::jsonb);
		perform public.notify(m.municipality_id, m.user_id, 'shop_code_lockout',
			jsonb_build_object('shop_id', p_shop.id, 'shop_name', p_shop.name))
		from public.memberships m
		where m.municipality_id = p_shop.municipality_id and m.role = 'municipality_admin'
			-- one alert per lockout, not one per further try
			and not exists (
				select 1 from public.notification_outbox o
				where o.recipient_id = m.user_id and o.kind = 'shop_code_lockout'
					and o.payload ->> 'shop_id' = p_shop.id::text
					and o.created_at > now() - interval '15 minutes'
			);
	end if;
	return jsonb_build_object('ok', false, 'reason', case when v_now_locked then 'code_entry_locked' else 'code_unknown' end);
end;
$$;
revoke all on function public.counter_wrong_code(public.shops) from public, anon, authenticated;

-- What staff may see of a cheque: what is left, until when, and the holder's first name.
create or replace function public.lookup_cheque(p_shop_id uuid, p_code text) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_shop public.shops;
	v_cheque public.cheques;
begin
	perform public.assert_max_length(p_code, 40, 'code');
	v_shop := public.counter_shop(p_shop_id);
	if public.counter_locked(p_shop_id) then
		return jsonb_build_object('ok', false, 'reason', 'code_entry_locked');
	end if;
	select * into v_cheque from public.cheques c
	where c.code = public.counter_code(p_code) and c.municipality_id = v_shop.municipality_id;
	if v_cheque.id is null then
		return public.counter_wrong_code(v_shop);
	end if;
	return jsonb_build_object(
		'ok', v_cheque.status = 'active' and v_cheque.remaining_cents > 0
			and v_cheque.expires_on >= (now() at time zone 'Europe/Amsterdam')::date,
		'reason', case
			when v_cheque.status <> 'active' then 'cheque_blocked'
			when v_cheque.expires_on < (now() at time zone 'Europe/Amsterdam')::date then 'cheque_expired'
			when v_cheque.remaining_cents = 0 then 'cheque_used'
		end,
		'code', v_cheque.code,
		'kind', v_cheque.kind,
		'remaining_cents', v_cheque.remaining_cents,
		'value_cents', v_cheque.value_cents,
		'expires_on', v_cheque.expires_on,
		'holder_first_name', v_cheque.holder_first_name,
		'redeemed_here_recently', exists (
			select 1 from public.redemptions r
			where r.cheque_id = v_cheque.id and r.shop_id = p_shop_id and r.undone_at is null
				and r.created_at > now() - interval '5 minutes'
		)
	);
end;
$$;
revoke all on function public.lookup_cheque(uuid, text) from public;
grant execute on function public.lookup_cheque(uuid, text) to authenticated;

-- The receipt's reference of a redemption: the first eight characters of its id, as ABCD-1234.
create or replace function public.redemption_reference(p_id uuid) returns text language sql immutable set search_path = '' as $$
	select upper(substr(p_id::text, 1, 4) || '-' || substr(p_id::text, 5, 4));
$$;
revoke all on function public.redemption_reference(uuid) from public, anon, authenticated;

-- Until when the assistant who took a redemption may undo it at the counter: five minutes.
create or replace function public.redemption_undo_until(p_created_at timestamptz) returns timestamptz language sql immutable set search_path = '' as $$
	select p_created_at + interval '5 minutes';
$$;
revoke all on function public.redemption_undo_until(timestamptz) from public, anon, authenticated;

-- Redeems p_amount_cents of a cheque at a shop, atomically under the cheque's row lock.
-- Idempotent: the same key again returns the first answer and redeems nothing more.
-- Refusals are answers: {"ok": false, "reason": code_unknown | code_entry_locked | cheque_blocked
-- | cheque_expired | cheque_used | insufficient_balance | confirm_again | idempotency_key_reused}.
create or replace function public.redeem_cheque(
	p_shop_id uuid,
	p_code text,
	p_amount_cents integer,
	p_idempotency_key uuid,
	p_confirm_again boolean default false
) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_shop public.shops;
	v_cheque public.cheques;
	v_earlier public.redemptions;
	v_id uuid;
	v_created_at timestamptz;
	v_today date := (now() at time zone 'Europe/Amsterdam')::date;
begin
	perform public.assert_max_length(p_code, 40, 'code');
	if p_idempotency_key is null or p_amount_cents is null or p_amount_cents < 1 or p_amount_cents > 100000 then
		raise exception 'invalid_amount' using errcode = '22023';
	end if;
	v_shop := public.counter_shop(p_shop_id);

	-- A retry of a redemption that already went through (no lock needed: the row is final).
	select * into v_earlier from public.redemptions r where r.idempotency_key = p_idempotency_key;
	if v_earlier.id is not null then
		return public.redemption_answer(v_earlier, p_shop_id);
	end if;

	if public.counter_locked(p_shop_id) then
		return jsonb_build_object('ok', false, 'reason', 'code_entry_locked');
	end if;
	select * into v_cheque from public.cheques c
	where c.code = public.counter_code(p_code) and c.municipality_id = v_shop.municipality_id
	for update;
	if v_cheque.id is null then
		return public.counter_wrong_code(v_shop);
	end if;

	-- A simultaneous retry with the same key waited for the lock above: answer as the first did.
	select * into v_earlier from public.redemptions r where r.idempotency_key = p_idempotency_key;
	if v_earlier.id is not null then
		return public.redemption_answer(v_earlier, p_shop_id);
	end if;

	if v_cheque.status <> 'active' then
		return jsonb_build_object('ok', false, 'reason', 'cheque_blocked');
	elsif v_cheque.expires_on < v_today then
		return jsonb_build_object('ok', false, 'reason', 'cheque_expired', 'expires_on', v_cheque.expires_on);
	elsif v_cheque.remaining_cents = 0 then
		return jsonb_build_object('ok', false, 'reason', 'cheque_used', 'remaining_cents', 0);
	elsif p_amount_cents > v_cheque.remaining_cents then
		return jsonb_build_object('ok', false, 'reason', 'insufficient_balance', 'remaining_cents', v_cheque.remaining_cents);
	end if;
	if not coalesce(p_confirm_again, false) and exists (
		select 1 from public.redemptions r
		where r.cheque_id = v_cheque.id and r.shop_id = p_shop_id and r.undone_at is null
			and r.created_at > now() - interval '5 minutes'
	) then
		return jsonb_build_object('ok', false, 'reason', 'confirm_again', 'remaining_cents', v_cheque.remaining_cents,
			'holder_first_name', v_cheque.holder_first_name);
	end if;

	update public.cheques set remaining_cents = remaining_cents - p_amount_cents where id = v_cheque.id;
	insert into public.redemptions (
		municipality_id, cheque_id, shop_id, staff_user_id, amount_cents, remaining_after_cents,
		idempotency_key, confirmed_again
	) values (
		v_shop.municipality_id, v_cheque.id, p_shop_id, v_uid, p_amount_cents,
		v_cheque.remaining_cents - p_amount_cents, p_idempotency_key, coalesce(p_confirm_again, false)
	) returning id, created_at into v_id, v_created_at;
	perform public.log_audit(v_shop.municipality_id, 'mantelzorg.cheque_redeemed', 'redemption', v_id,
		jsonb_build_object('cheque_id', v_cheque.id, 'shop_id', p_shop_id, 'amount_cents', p_amount_cents));
	return jsonb_build_object(
		'ok', true, 'redemption_id', v_id, 'amount_cents', p_amount_cents,
		'remaining_cents', v_cheque.remaining_cents - p_amount_cents,
		'holder_first_name', v_cheque.holder_first_name, 'expires_on', v_cheque.expires_on,
		'created_at', v_created_at, 'reference', public.redemption_reference(v_id),
		'undo_until', public.redemption_undo_until(v_created_at)
	);
end;
$$;
revoke all on function public.redeem_cheque(uuid, text, integer, uuid, boolean) from public;
grant execute on function public.redeem_cheque(uuid, text, integer, uuid, boolean) to authenticated;

-- The first answer again, for a retry with the same idempotency key. A key used by someone else
-- or at another shop is refused, and tells nothing about that redemption.
create or replace function public.redemption_answer(p_row public.redemptions, p_shop_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select case
		when p_row.shop_id <> p_shop_id or p_row.staff_user_id is distinct from (select auth.uid())
			then jsonb_build_object('ok', false, 'reason', 'idempotency_key_reused')
		else jsonb_build_object(
			'ok', true, 'replayed', true, 'redemption_id', p_row.id, 'amount_cents', p_row.amount_cents,
			'remaining_cents', p_row.remaining_after_cents,
			'holder_first_name', (select c.holder_first_name from public.cheques c where c.id = p_row.cheque_id),
			'expires_on', (select c.expires_on from public.cheques c where c.id = p_row.cheque_id),
			'created_at', p_row.created_at, 'reference', public.redemption_reference(p_row.id),
			'undo_until', public.redemption_undo_until(p_row.created_at)
		)
	end;
$$;
revoke all on function public.redemption_answer(public.redemptions, uuid) from public, anon, authenticated;

-- Staff undo their own redemption, while they still work at the shop, within five minutes
-- (redemption_undo_until) and before it is in a reimbursement batch. The batch takes its rows
-- with an UPDATE … WHERE batch_id IS NULL AND undone_at IS NULL, and this with the opposite
-- condition, so whichever commits first wins and an undone redemption is never paid.
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
		and now() <= public.redemption_undo_until(r.created_at)
	returning * into v_row;
	if v_row.id is null then
		select * into v_row from public.redemptions r where r.id = p_redemption_id;
		if v_row.batch_id is not null then
			raise exception 'redemption_batched' using errcode = 'PT409';
		elsif v_row.undone_at is not null then
			raise exception 'redemption_already_undone' using errcode = 'PT409';
		end if;
		raise exception 'undo_window_passed' using errcode = 'PT409';
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

-- The shop's own redemptions: no more of the carer than the first name and the code's last four.
create or replace function public.shop_redemptions_page(p_shop_id uuid, p_limit integer default 100) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_shop public.shops;
begin
	select * into v_shop from public.shops s where s.id = p_shop_id;
	if v_shop.id is null or not public.has_role('shop_staff', v_shop.municipality_id, v_shop.id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	return jsonb_build_object(
		'shop', jsonb_build_object('id', v_shop.id, 'name', v_shop.name, 'status', v_shop.status),
		'redemptions', coalesce((
			select jsonb_agg(x.item order by x.created_at desc)
			from (
				select r.created_at, jsonb_build_object(
					'id', r.id, 'amount_cents', r.amount_cents, 'created_at', r.created_at,
					'undone_at', r.undone_at, 'batched', r.batch_id is not null,
					'mine', r.staff_user_id = (select auth.uid()),
					'undo_until', case when r.staff_user_id = (select auth.uid()) and r.undone_at is null
						and r.batch_id is null and now() <= public.redemption_undo_until(r.created_at)
						then public.redemption_undo_until(r.created_at) end,
					'reference', public.redemption_reference(r.id),
					'staff_name', p.display_name,
					'holder_first_name', c.holder_first_name, 'code_end', right(c.code, 4)
				) as item
				from public.redemptions r
				join public.cheques c on c.id = r.cheque_id
				left join public.profiles p on p.id = r.staff_user_id
				where r.shop_id = p_shop_id
				order by r.created_at desc
				limit least(greatest(coalesce(p_limit, 100), 1), 500)
			) x
		), '[]'::jsonb),
		'unbatched_cents', (
			select coalesce(sum(r.amount_cents), 0) from public.redemptions r
			where r.shop_id = p_shop_id and r.batch_id is null and r.undone_at is null
		)
	);
end;
$$;
revoke all on function public.shop_redemptions_page(uuid, integer) from public;
grant execute on function public.shop_redemptions_page(uuid, integer) to authenticated;

-- The receipts of one cheque for the carer's page (my_carer_page): each redemption with the
-- shop's name, newest first; an undone one is shown as undone. Only the cheque's carer, its
-- consulent or an admin reads them.
create or replace function public.cheque_receipts(p_cheque_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select coalesce(jsonb_agg(jsonb_build_object(
		'id', r.id, 'amount_cents', r.amount_cents, 'created_at', r.created_at,
		'undone_at', r.undone_at, 'shop_name', s.name
	) order by r.created_at desc), '[]'::jsonb)
	from public.cheques c
	join public.redemptions r on r.cheque_id = c.id
	join public.shops s on s.id = r.shop_id
	where c.id = p_cheque_id and (
		c.carer_user_id = (select auth.uid())
		or public.has_role('municipality_admin', c.municipality_id)
		or (c.application_id is not null and public.is_caseworker_for_application(c.application_id))
	);
$$;
revoke all on function public.cheque_receipts(uuid) from public;
grant execute on function public.cheque_receipts(uuid) to authenticated;
