-- Mantelzorgwaardering: the yearly appreciation for informal carers. The regeling (scheme) per
-- municipality per year, the consulenten's wijken, and the anonymous counts that outlive the
-- personal data. Applications follow in 31_, cheques in 32_, shops in 33_, redemptions at the
-- counter in 34_, reimbursements and the dashboard in 35_, the consulent's and the municipality's
-- casework in 36_, and the carer's page, letters and jobs in 37_mantelzorg_*.sql.
--
-- Carer data is about health and care: each role sees only what it needs, every change and every
-- look at a file by a consulent is written to the platform audit log (ids only), and the
-- retention job deletes applications once the scheme's retention has ended.

-- ---------------------------------------------------------------------------------------------
-- Schemes (regelingen): one per municipality per year
-- ---------------------------------------------------------------------------------------------

create type public.reimbursement_schedule as enum ('monthly', 'quarterly');

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

create trigger schemes_set_timestamps before insert or update on public.schemes
	for each row execute function public.set_timestamps();

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

create trigger caseworker_districts_set_timestamps before insert or update on public.caseworker_districts
	for each row execute function public.set_timestamps();

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

create trigger scheme_counts_set_timestamps before insert or update on public.scheme_counts
	for each row execute function public.set_timestamps();

alter table public.scheme_counts enable row level security;

create policy "Municipality admins see the counts of their municipality" on public.scheme_counts
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));
