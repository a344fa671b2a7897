-- Platform audit log: an append-only record of who did what to which row, owned by no area.
-- Areas write it from their security definer functions (log_audit) or triggers, never from the
-- API. Municipality admins read their municipality's entries. Nobody, not even an admin or the
-- service role, can change or delete an entry: a trigger refuses every update and delete.
--
-- Entries hold ids and codes, never personal data (names, addresses, reasons typed by people),
-- so the log can outlive the retention of the data it describes.

create table public.audit_log (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null references public.municipalities (id),
	-- No foreign key: the log keeps its rows when an account is deleted. Null for the scheduler.
	actor_id uuid,
	-- '<area>.<what happened>', e.g. 'mantelzorg.application_approved'.
	action text not null check (action ~ '^[a-z][a-z_]{1,39}\.[a-z][a-z_]{1,59}$'),
	entity_type text not null check (entity_type ~ '^[a-z][a-z_]{1,39}$'),
	entity_id uuid,
	details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object' and pg_column_size(details) <= 4000),
	created_at timestamptz not null default now(),
	-- Always equal to created_at (a row is never updated); kept so the log has the columns every
	-- table has.
	updated_at timestamptz not null default now()
);

create trigger audit_log_set_timestamps before insert or update on public.audit_log
	for each row execute function public.set_timestamps();

create index audit_log_municipality_idx on public.audit_log (municipality_id, created_at desc);

create index audit_log_entity_idx on public.audit_log (entity_type, entity_id, created_at);

alter table public.audit_log enable row level security;

create policy "Municipality admins read the audit log of their municipality" on public.audit_log
	for select to authenticated using (public.has_role('municipality_admin', municipality_id));

-- RLS already gives the API no update or delete; this holds for every role, functions included.
create or replace function public.audit_log_is_append_only() returns trigger language plpgsql set search_path = '' as $$
begin
	raise exception 'audit_log_append_only' using errcode = '42501';
end;
$$;

create trigger audit_log_append_only before update or delete on public.audit_log
	for each row execute function public.audit_log_is_append_only();

create trigger audit_log_no_truncate before truncate on public.audit_log
	for each statement execute function public.audit_log_is_append_only();

-- The one way in. Only other security definer functions (running as the owner) call it: the API
-- roles may not, or anyone could write entries in someone else's name.
create or replace function public.log_audit(
	p_municipality_id uuid,
	p_action text,
	p_entity_type text,
	p_entity_id uuid,
	p_details jsonb default '{}'::jsonb
) returns void language sql security definer set search_path = '' as $$
	insert into public.audit_log (municipality_id, actor_id, action, entity_type, entity_id, details)
	values (p_municipality_id, (select auth.uid()), p_action, p_entity_type, p_entity_id, coalesce(p_details, '{}'::jsonb));
$$;
revoke all on function public.log_audit(uuid, text, text, uuid, jsonb) from public, anon, authenticated, service_role;
