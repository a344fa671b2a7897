-- Buurthuizen registrations, per occurrence: a resident registers for one date of an activity,
-- and a count row per occurrence keeps it from being overbooked.

-- ---------------------------------------------------------------------------------------------
-- Registrations, per occurrence
-- ---------------------------------------------------------------------------------------------

create table public.activity_registrations (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	community_centre_id uuid not null references public.community_centres (id) on delete cascade,
	activity_id uuid not null references public.activities (id) on delete cascade,
	occurs_on date not null,
	user_id uuid not null references public.profiles (id) on delete cascade,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	unique (activity_id, occurs_on, user_id)
);

create trigger activity_registrations_set_timestamps before insert or update on public.activity_registrations
	for each row execute function public.set_timestamps();

create index activity_registrations_user_idx on public.activity_registrations (user_id, occurs_on);

create index activity_registrations_centre_idx on public.activity_registrations (community_centre_id, occurs_on);

create trigger activity_registrations_rate_limit before insert on public.activity_registrations
	for each row execute function public.enforce_rate_limit('user_id', '30', '1 hour');

alter table public.activity_registrations enable row level security;

-- Nobody anonymous, and no other resident, sees who registered. register_for_activity and
-- cancel_registration write; there are no write policies.
create policy "Residents see their own registrations" on public.activity_registrations
	for select to authenticated using (user_id = (select auth.uid()));

create policy "Board members see the registrations of their centre" on public.activity_registrations
	for select to authenticated using (public.has_role('board_member', municipality_id, community_centre_id));

create policy "Municipality admins see registrations in their municipality" on public.activity_registrations
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- How many are registered per occurrence. Its row is the lock that keeps an occurrence from
-- being overbooked: register_for_activity raises the count only while it is below the maximum.
create table public.activity_occurrence_counts (
	activity_id uuid not null references public.activities (id) on delete cascade,
	occurs_on date not null,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	registered_count integer not null default 0 check (registered_count >= 0),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (activity_id, occurs_on)
);

create trigger activity_occurrence_counts_set_timestamps before insert or update on public.activity_occurrence_counts
	for each row execute function public.set_timestamps();

alter table public.activity_occurrence_counts enable row level security;

-- A number, not names: "vol" must be visible to everyone.
create policy "Registration counts are as visible as their activity" on public.activity_occurrence_counts
	for select to anon, authenticated using (public.activity_is_visible(activity_id));

-- ---------------------------------------------------------------------------------------------
-- Registration (residents)
-- ---------------------------------------------------------------------------------------------

-- Registers the caller for one occurrence. Atomic: the count row of the occurrence is raised
-- only while it is below the maximum (insert ... on conflict do update ... where locks that row,
-- so simultaneous registrations queue on it and the last places go to the first in line).
-- Returns the number registered for that occurrence afterwards.
create or replace function public.register_for_activity(p_activity_id uuid, p_occurs_on date)
returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
	v_activity public.activities%rowtype;
	v_count integer;
begin
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	if public.is_blocked() then
		raise exception 'account_blocked' using errcode = '42501';
	end if;
	select * into v_activity from public.activities where id = p_activity_id and published;
	if not found then
		raise exception 'activity_not_found' using errcode = 'PT404';
	end if;
	if v_activity.cancelled_at is not null then
		raise exception 'activity_cancelled' using errcode = '22023';
	end if;
	if not v_activity.needs_registration then
		raise exception 'no_registration_needed' using errcode = '22023';
	end if;
	if not public.activity_occurs_on(v_activity, p_occurs_on)
		or public.activity_occurrence_start(v_activity, p_occurs_on) < now() then
		raise exception 'occurrence_not_found' using errcode = '22023';
	end if;
	begin
		insert into public.activity_registrations (municipality_id, community_centre_id, activity_id, occurs_on, user_id)
		values (v_activity.municipality_id, v_activity.community_centre_id, v_activity.id, p_occurs_on, v_uid);
	exception when unique_violation then
		raise exception 'already_registered' using errcode = '23505';
	end;
	insert into public.activity_occurrence_counts as n (activity_id, occurs_on, municipality_id, registered_count)
	values (v_activity.id, p_occurs_on, v_activity.municipality_id, 1)
	on conflict (activity_id, occurs_on) do update
		set registered_count = n.registered_count + 1
		where v_activity.max_participants is null or n.registered_count < v_activity.max_participants
	returning n.registered_count into v_count;
	if v_count is null then
		-- Full: the registration above is rolled back with this error.
		raise exception 'activity_full' using errcode = '22023';
	end if;
	return v_count;
end;
$$;
revoke all on function public.register_for_activity(uuid, date) from public;
grant execute on function public.register_for_activity(uuid, date) to authenticated;

create or replace function public.cancel_registration(p_activity_id uuid, p_occurs_on date)
returns void language plpgsql security definer set search_path = '' as $$
declare
	v_uid uuid := (select auth.uid());
begin
	if v_uid is null then
		raise exception 'not_signed_in' using errcode = '42501';
	end if;
	delete from public.activity_registrations
	where activity_id = p_activity_id and occurs_on = p_occurs_on and user_id = v_uid;
	if found then
		update public.activity_occurrence_counts set registered_count = greatest(registered_count - 1, 0)
		where activity_id = p_activity_id and occurs_on = p_occurs_on;
	end if;
end;
$$;
revoke all on function public.cancel_registration(uuid, date) from public;
grant execute on function public.cancel_registration(uuid, date) to authenticated;
