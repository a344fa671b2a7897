-- Privacy as a platform service (issue 20), owned by no area: the processing register
-- (verwerkingsregister, AVG art. 30) as data, shown on /privacy, and the processing log (Logboek
-- Dataverwerkingen, Logius): every staff read or change of another person's personal data,
-- written in the same transaction by the function that does it. The per-area exports of
-- everything held about a person are in 14_platform_privacy_exports.sql.
-- docs/architecture.md ("Privacy") says where we follow the Logboek standard and where we differ.

-- ---------------------------------------------------------------------------------------------
-- The processing register
-- ---------------------------------------------------------------------------------------------

-- AVG art. 6 lid 1 sub a–f.
create type public.legal_basis as enum (
	'consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'
);

-- One row per processing activity, written by the schema file of the area that processes (like
-- notification_kinds). The same register serves every municipality: each is the controller of
-- its own residents' data. Texts are Dutch (B1): /privacy shows them as they are.
create table public.processing_activities (
	code text primary key check (code ~ '^[a-z][a-z_]{1,39}\.[a-z][a-z_]{1,59}$'),
	-- Raised by a trigger whenever what the activity says changes, so a log line names the version
	-- of the activity it was made under (the Logboek standard asks for a new identifier).
	version integer not null default 1 check (version >= 1),
	area text not null check (area ~ '^[a-z][a-z_]{1,39}$'),
	name text not null check (char_length(name) between 3 and 120),
	purpose text not null check (char_length(purpose) between 10 and 1000),
	legal_basis text not null check (legal_basis = any (enum_range(null::public.legal_basis)::text[])),
	legal_basis_detail text not null default '' check (char_length(legal_basis_detail) <= 500),
	data_categories text[] not null check (cardinality(data_categories) between 1 and 30),
	-- Special categories (AVG art. 9), e.g. health; empty when there are none.
	special_categories text not null default '' check (char_length(special_categories) <= 300),
	data_subjects text[] not null check (cardinality(data_subjects) between 1 and 10),
	recipients text[] not null default '{}' check (cardinality(recipients) <= 20),
	retention text not null check (char_length(retention) between 5 and 500),
	-- For the jobs that delete: how many months after the moment the retention text names. Null
	-- when the retention follows an event (a scheme's end, the account's deletion).
	retention_months integer check (retention_months between 1 and 240),
	sort_order integer not null default 100,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger processing_activities_set_timestamps before insert or update on public.processing_activities
	for each row execute function public.set_timestamps();

alter table public.processing_activities enable row level security;

-- The register is public: /privacy shows it to everyone. Only migrations write it.
create policy "The processing register is public" on public.processing_activities
	for select to anon, authenticated using (true);

create or replace function public.processing_activities_version() returns trigger language plpgsql set search_path = '' as $$
begin
	if (new.name, new.purpose, new.legal_basis, new.legal_basis_detail, new.data_categories,
			new.special_categories, new.data_subjects, new.recipients, new.retention, new.retention_months)
		is distinct from
		(old.name, old.purpose, old.legal_basis, old.legal_basis_detail, old.data_categories,
			old.special_categories, old.data_subjects, old.recipients, old.retention, old.retention_months) then
		new.version := old.version + 1;
	else
		new.version := old.version;
	end if;
	return new;
end;
$$;
revoke all on function public.processing_activities_version() from public, anon, authenticated;

create trigger processing_activities_version before update on public.processing_activities
	for each row execute function public.processing_activities_version();

insert into public.processing_activities (
	code, area, name, purpose, legal_basis, legal_basis_detail, data_categories, special_categories,
	data_subjects, recipients, retention, retention_months, sort_order
) values
	('platform.account', 'platform', 'Account en profiel',
		'Je kunt inloggen, je naam en wijk staan bij wat je plaatst, en wij kunnen je mailen over je eigen hulpvragen, aanvragen en aanmeldingen.',
		'consent', 'Je maakt zelf een account aan en kunt het zelf verwijderen.',
		array['Naam', 'E-mailadres', 'Wijk', 'Telefoonnummer en adres (als je die invult)', 'Rollen'], '',
		array['Inwoners met een account', 'Vrijwilligers', 'Medewerkers'],
		array['Alleen jij; je naam zien andere deelnemers in je gemeente', 'Je telefoonnummer en adres ziet alleen de vrijwilliger die jou helpt, tot 14 dagen na de hulp'],
		'Zolang je account bestaat. Verwijder je je account, dan is alles direct weg, behalve wat de wet ons laat bewaren.',
		null, 10),
	('platform.notifications', 'platform', 'E-mails over wat er gebeurt',
		'We laten je per e-mail weten dat er iets voor je is, zoals een reactie of een besluit. In de e-mail staat geen berichttekst en geen contactgegeven.',
		'consent', 'Hoort bij je account.',
		array['E-mailadres', 'Soort e-mail en datum'], '',
		array['Inwoners met een account', 'Vrijwilligers', 'Medewerkers'],
		array['Niemand: alleen het systeem dat de e-mail verstuurt'],
		'Zolang je account bestaat.',
		null, 20),
	('platform.privacy_rights', 'platform', 'Je privacyrechten',
		'Je kunt zien welke gegevens we van je hebben, ze downloaden, laten verbeteren en je account verwijderen. We houden bij hoe vaak je je gegevens downloadt, zodat niemand de website kan overbelasten.',
		'legal_obligation', 'AVG artikel 12 tot en met 20.',
		array['Wanneer je je gegevens bekeek of downloadde'], '',
		array['Inwoners met een account'],
		array['Niemand'],
		'Zolang je account bestaat.',
		null, 30),
	('platform.processing_log', 'platform', 'Logboek: wie heeft gegevens bekeken of veranderd',
		'We schrijven op wanneer een medewerker gegevens van een ander bekijkt of verandert, waarom, en vanuit welke rol. Zo kan de gemeente zich verantwoorden en kun jij zien wie jouw gegevens bekeek.',
		'legal_obligation', 'AVG artikel 5 lid 2 (verantwoording) en artikel 32 (beveiliging); standaard Logboek Dataverwerkingen.',
		array['Wie (medewerker en rol), wanneer, welke verwerking, over wie'], '',
		array['Inwoners, vrijwilligers, mantelzorgers en medewerkers'],
		array['De functionaris gegevensbescherming van de gemeente', 'Jij ziet wat over jou is opgeschreven, zonder de naam van de medewerker'],
		'2 jaar. Daarna verwijderen we de regels automatisch.',
		24, 40),
	('platform.audit', 'platform', 'Controle op geld en besluiten',
		'We schrijven op wie een aanvraag, besluit, cheque of betaling heeft gemaakt of veranderd, zodat niemand alleen geld kan maken én uitgeven.',
		'legal_obligation', 'Gemeentewet artikel 212 en 213 (financiële verantwoording en controle).',
		array['Welke handeling, wanneer, door welke medewerker (alleen nummers, geen namen)'], '',
		array['Mantelzorgers', 'Winkels', 'Medewerkers'],
		array['Beheerders van de gemeente', 'De accountant van de gemeente'],
		'7 jaar, zoals de gemeente haar boekhouding bewaart.',
		84, 50);

-- ---------------------------------------------------------------------------------------------
-- The processing log (Logboek Dataverwerkingen)
-- ---------------------------------------------------------------------------------------------

create type public.processing_operation as enum ('read', 'change');

create type public.data_subject_type as enum ('account', 'application', 'help_request');

-- One row per action per person concerned (the standard: one log line refers to 0 or 1 people).
-- Field names follow the standard's interface: trace_id, span_id, parent_span_id, name,
-- status_code, start time (created_at) and end time (ended_at), and its core attributes
-- processing_activity_id, data_subject_id and data_subject_type. Added for the person's own view
-- and the privacy officer: who did it (actor_id, kept out of the person's view), in which role
-- and organisation, and which record (object_type, object_id).
-- A page that lists people writes a line for each (a board's registration list: 70 and more), so
-- a line must be cheap to write: bench:privacy measured each per-row check. The one writer,
-- log_processing_many, checks the activity and takes the municipality from the row the action
-- read, and forms the trace and span ids as hex (processing_trace checks a caller's traceparent):
-- no foreign keys (two index lookups per line), lengths instead of patterns for the ids, and
-- a cast instead of enum_range() for the enum columns.
create table public.processing_log (
	id uuid primary key default gen_random_uuid(),
	municipality_id uuid not null,
	trace_id text not null check (char_length(trace_id) = 32),
	span_id text not null check (char_length(span_id) = 16),
	parent_span_id text check (char_length(parent_span_id) = 16),
	name text not null check (name ~ '^[a-z][a-z_.]{2,80}$'),
	operation text not null check (operation::public.processing_operation is not null),
	-- 0 unset, 1 ok, 2 error. A line is written in the transaction of the action, so a failed
	-- action leaves no line; what is logged went through.
	status_code smallint not null default 0 check (status_code in (0, 1, 2)),
	processing_activity_id text not null,
	processing_activity_version integer not null,
	-- No foreign keys: the log keeps its lines when an account or application is deleted. The id
	-- is a random uuid (a pseudonym), never a BSN or an e-mail address.
	data_subject_id uuid not null,
	data_subject_type text not null check (data_subject_type::public.data_subject_type is not null),
	actor_id uuid,
	actor_role text check (actor_role is null or actor_role::public.membership_role is not null),
	actor_organisation text not null check (char_length(actor_organisation) between 2 and 200),
	object_type text check (object_type ~ '^[a-z][a-z_]{1,39}$'),
	object_id uuid,
	created_at timestamptz not null default now(),
	ended_at timestamptz not null default clock_timestamp(),
	-- Always equal to created_at: a line is never updated.
	updated_at timestamptz not null default now()
);

create trigger processing_log_set_timestamps before insert or update on public.processing_log
	for each row execute function public.set_timestamps();

create index processing_log_subject_idx on public.processing_log (data_subject_id, created_at desc);

create index processing_log_actor_idx on public.processing_log (actor_id, created_at desc) where actor_id is not null;

create index processing_log_municipality_idx on public.processing_log (municipality_id, created_at desc);

create index processing_log_created_idx on public.processing_log (created_at);

-- No index on trace_id: nothing searches by it, and every index is paid for on every line.


alter table public.processing_log enable row level security;

-- Nobody reads the table through the API: the person reads their lines through
-- my_processing_log (without the staff member), the privacy officer through
-- search_processing_log (which is logged itself).
create policy "Only the service role reads the processing log" on public.processing_log
	for select to service_role using (true);

-- Append-only for every role, functions included. The one exception is the retention job, and
-- only for lines older than the register's retention for the log.
create or replace function public.processing_log_is_append_only() returns trigger language plpgsql set search_path = '' as $$
begin
	if tg_op = 'DELETE'
		and current_setting('buurtkracht.purging_processing_log', true) = 'on'
		and old.created_at < now() - make_interval(months => coalesce((
			select a.retention_months from public.processing_activities a where a.code = 'platform.processing_log'
		), 24)) then
		return old;
	end if;
	raise exception 'processing_log_append_only' using errcode = '42501';
end;
$$;
revoke all on function public.processing_log_is_append_only() from public, anon, authenticated;

create trigger processing_log_append_only before update or delete on public.processing_log
	for each row execute function public.processing_log_is_append_only();

create trigger processing_log_no_truncate before truncate on public.processing_log
	for each statement execute function public.processing_log_is_append_only();

-- The trace of the current transaction: the trace id of the W3C traceparent header the app sends
-- with every Supabase call of one page request (so a page's calls share a trace), else a new one,
-- kept for the rest of the transaction. The header's parent id becomes the lines' parent span.
create or replace function public.processing_trace() returns table (trace_id text, parent_span_id text)
language plpgsql volatile set search_path = '' as $$
declare
	v_trace text := nullif(current_setting('buurtkracht.trace_id', true), '');
	v_header text;
begin
	if v_trace is null then
		begin
			v_header := left((nullif(current_setting('request.headers', true), '')::jsonb) ->> 'traceparent', 60);
		exception when others then
			v_header := null;
		end;
		if v_header ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$'
			and split_part(v_header, '-', 2) !~ '^0+$' and split_part(v_header, '-', 3) !~ '^0+$' then
			v_trace := split_part(v_header, '-', 2);
			perform set_config('buurtkracht.parent_span_id', split_part(v_header, '-', 3), true);
		else
			v_trace := replace(gen_random_uuid()::text, '-', '');
			perform set_config('buurtkracht.parent_span_id', '', true);
		end if;
		perform set_config('buurtkracht.trace_id', v_trace, true);
	end if;
	return query select v_trace, nullif(current_setting('buurtkracht.parent_span_id', true), '');
end;
$$;
revoke all on function public.processing_trace() from public, anon, authenticated;

-- How the person concerned sees who acted: the role's organisation, never the staff member.
create or replace function public.processing_actor_organisation(p_role text, p_municipality_id uuid, p_scope_id uuid)
returns text language sql stable security definer set search_path = '' as $$
	select left(case p_role
		when 'caseworker' then 'Sociaal wijkteam'
			|| coalesce(' ' || (select d.name from public.districts d where d.id = p_scope_id), '')
			|| ', gemeente ' || m.name
		when 'coordinator' then 'Buurtcoördinatie, gemeente ' || m.name
		when 'board_member' then 'Bestuur van '
			|| coalesce((select c.name from public.community_centres c where c.id = p_scope_id), 'een buurthuis')
		when 'shop_staff' then 'Een winkel die meedoet aan de mantelzorgwaardering'
		when 'privacy_officer' then 'Functionaris gegevensbescherming, gemeente ' || m.name
		else 'Gemeente ' || m.name
	end, 200)
	from public.municipalities m where m.id = p_municipality_id;
$$;
revoke all on function public.processing_actor_organisation(text, uuid, uuid) from public, anon, authenticated;

-- The one way in, for security definer functions only (like log_audit): one line per person
-- concerned. p_subject_ids, p_subject_types and p_object_ids go together by position (a null
-- object id takes p_object_id); null subjects are skipped, repeats are written once.
create or replace function public.log_processing_many(
	p_municipality_id uuid,
	p_activity text,
	p_operation text,
	p_name text,
	p_subject_ids uuid[],
	p_subject_types text[],
	p_object_type text,
	p_object_ids uuid[],
	p_actor_role text,
	p_scope_id uuid default null
) returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_trace record;
	v_version integer;
	v_organisation text;
	v_count integer;
begin
	if coalesce(cardinality(p_subject_ids), 0) = 0 then
		return 0;
	end if;
	select a.version into v_version from public.processing_activities a where a.code = p_activity;
	if v_version is null then
		raise exception 'unknown_processing_activity: %', p_activity using errcode = '22023';
	end if;
	select * into v_trace from public.processing_trace();
	v_organisation := public.processing_actor_organisation(p_actor_role, p_municipality_id, p_scope_id);
	insert into public.processing_log (
		municipality_id, trace_id, span_id, parent_span_id, name, operation, processing_activity_id,
		processing_activity_version, data_subject_id, data_subject_type, actor_id, actor_role,
		actor_organisation, object_type, object_id
	)
	select distinct on (s.subject_id, coalesce(s.object_id, p_object_ids[1]))
		p_municipality_id, v_trace.trace_id, left(replace(gen_random_uuid()::text, '-', ''), 16),
		v_trace.parent_span_id, p_name, p_operation, p_activity, v_version, s.subject_id,
		coalesce(s.subject_type, 'account'), (select auth.uid()), p_actor_role,
		coalesce(v_organisation, 'Gemeente'), p_object_type, coalesce(s.object_id, p_object_ids[1])
	from unnest(p_subject_ids, p_subject_types, p_object_ids) as s (subject_id, subject_type, object_id)
	where s.subject_id is not null
		-- Nobody is logged for looking at their own data.
		and s.subject_id is distinct from (select auth.uid());
	get diagnostics v_count = row_count;
	return v_count;
end;
$$;
revoke all on function public.log_processing_many(uuid, text, text, text, uuid[], text[], text, uuid[], text, uuid) from public, anon, authenticated, service_role;

create or replace function public.log_processing(
	p_municipality_id uuid,
	p_activity text,
	p_operation text,
	p_name text,
	p_subject_id uuid,
	p_subject_type text,
	p_object_type text,
	p_object_id uuid,
	p_actor_role text,
	p_scope_id uuid default null
) returns void language sql security definer set search_path = '' as $$
	select public.log_processing_many(
		p_municipality_id, p_activity, p_operation, p_name, array[p_subject_id], array[p_subject_type],
		p_object_type, array[p_object_id], p_actor_role, p_scope_id
	);
$$;
revoke all on function public.log_processing(uuid, text, text, text, uuid, text, text, uuid, text, uuid) from public, anon, authenticated, service_role;

-- For read-only pages whose only writes are log lines (processing log, audit log): their commit
-- does not wait for the disk (synchronous_commit off for this transaction). Without it, logging
-- turns every page view into a commit that waits for the WAL flush, most of the log's cost. The
-- trade-off (README "Privacy"): a database crash can lose the read-log lines of the last fraction
-- of a second (at most three times wal_writer_delay); never a change, because the setting is only
-- taken when the transaction has written nothing before the page (no transaction id yet), and a
-- page is one API call, so one transaction. Called at the start of such a page, before it logs.
create or replace function public.log_reads_without_waiting() returns void language plpgsql volatile set search_path = '' as $$
begin
	if pg_catalog.pg_current_xact_id_if_assigned() is null then
		perform pg_catalog.set_config('synchronous_commit', 'off', true);
	end if;
end;
$$;
revoke all on function public.log_reads_without_waiting() from public, anon, authenticated, service_role;

-- What the person concerned sees: when, which processing (with its purpose), read or changed, and
-- the role and organisation that did it; never who exactly. Newest first, at most p_limit.
create or replace function public.my_processing_log(p_limit integer default 200)
returns jsonb language sql stable security definer set search_path = '' as $$
	select coalesce(jsonb_agg(jsonb_build_object(
		'created_at', l.created_at, 'activity', l.processing_activity_id, 'activity_name', a.name,
		'operation', l.operation, 'actor_role', l.actor_role, 'actor_organisation', l.actor_organisation,
		'object_type', l.object_type
	) order by l.created_at desc), '[]'::jsonb)
	from (
		select * from public.processing_log x
		where x.data_subject_type = 'account' and x.data_subject_id = (select auth.uid())
		order by x.created_at desc
		limit least(greatest(coalesce(p_limit, 200), 1), 1000)
	) l
	join public.processing_activities a on a.code = l.processing_activity_id;
$$;
revoke all on function public.my_processing_log(integer) from public;
grant execute on function public.my_processing_log(integer) to authenticated;

-- An account of the caller's municipality by e-mail address or id, for the privacy officer.
create or replace function public.privacy_person_lookup(p_municipality_id uuid, p_person text)
returns uuid language sql stable security definer set search_path = '' as $$
	select p.id from public.profiles p
	left join auth.users u on u.id = p.id
	where p.municipality_id = p_municipality_id
		and (lower(u.email) = lower(trim(p_person))
			or (trim(p_person) ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
				and p.id = trim(p_person)::uuid))
	limit 1;
$$;
revoke all on function public.privacy_person_lookup(uuid, text) from public, anon, authenticated;

-- The privacy officer's search: the lines about a person (p_person: e-mail address or id; an id
-- also finds applications and requests of people without an account) or made by a staff member
-- (p_actor: e-mail address or id), in a period. Every search is itself a log line about the person
-- searched for (or the staff member, when searching by actor). Answers {ok, reason?, lines}.
create or replace function public.search_processing_log(
	p_person text default null,
	p_actor text default null,
	p_from date default null,
	p_to date default null,
	p_limit integer default 200
) returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_subject uuid;
	v_actor uuid;
	v_lines jsonb;
begin
	perform public.assert_max_length(p_person, 320, 'person');
	perform public.assert_max_length(p_actor, 320, 'actor');
	if v_municipality is null or not public.has_role('privacy_officer', v_municipality) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if nullif(trim(p_person), '') is null and nullif(trim(p_actor), '') is null then
		return jsonb_build_object('ok', false, 'reason', 'search_needs_person_or_actor');
	end if;
	if nullif(trim(p_person), '') is not null then
		v_subject := public.privacy_person_lookup(v_municipality, p_person);
		if v_subject is null and trim(p_person) ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
			v_subject := trim(p_person)::uuid;
		end if;
		if v_subject is null then
			return jsonb_build_object('ok', false, 'reason', 'person_not_found');
		end if;
	end if;
	if nullif(trim(p_actor), '') is not null then
		v_actor := public.privacy_person_lookup(v_municipality, p_actor);
		if v_actor is null then
			return jsonb_build_object('ok', false, 'reason', 'actor_not_found');
		end if;
	end if;
	select coalesce(jsonb_agg(jsonb_build_object(
		'created_at', l.created_at, 'trace_id', l.trace_id, 'name', l.name, 'operation', l.operation,
		'activity', l.processing_activity_id, 'activity_name', a.name,
		'subject_id', l.data_subject_id, 'subject_type', l.data_subject_type,
		'subject_name', (select p.display_name from public.profiles p where p.id = l.data_subject_id),
		'actor_id', l.actor_id, 'actor_name', (select p.display_name from public.profiles p where p.id = l.actor_id),
		'actor_role', l.actor_role, 'actor_organisation', l.actor_organisation,
		'object_type', l.object_type, 'object_id', l.object_id
	) order by l.created_at desc), '[]'::jsonb)
	into v_lines
	from (
		select * from public.processing_log x
		where x.municipality_id = v_municipality
			and (v_subject is null or x.data_subject_id = v_subject)
			and (v_actor is null or x.actor_id = v_actor)
			and (p_from is null or x.created_at >= (p_from::timestamp at time zone 'Europe/Amsterdam'))
			and (p_to is null or x.created_at < ((p_to + 1)::timestamp at time zone 'Europe/Amsterdam'))
		order by x.created_at desc
		limit least(greatest(coalesce(p_limit, 200), 1), 1000)
	) l
	join public.processing_activities a on a.code = l.processing_activity_id;
	perform public.log_processing(
		v_municipality, 'platform.processing_log', 'read', 'processing_log.searched',
		coalesce(v_subject, v_actor), case when v_subject is not null and not exists (
			select 1 from public.profiles p where p.id = v_subject
		) then 'application' else 'account' end,
		'processing_log', null, 'privacy_officer'
	);
	return jsonb_build_object('ok', true, 'lines', v_lines);
end;
$$;
revoke all on function public.search_processing_log(text, text, date, date, integer) from public;
grant execute on function public.search_processing_log(text, text, date, date, integer) to authenticated;

-- Scheduled: removes log lines older than the register's retention for the log, in batches.
create or replace function public.purge_processing_log() returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_months integer := coalesce((
		select a.retention_months from public.processing_activities a where a.code = 'platform.processing_log'
	), 24);
	v_count integer;
begin
	perform set_config('buurtkracht.purging_processing_log', 'on', true);
	delete from public.processing_log
	where id in (
		select l.id from public.processing_log l
		where l.created_at < now() - make_interval(months => v_months)
		order by l.created_at
		limit 20000
	);
	get diagnostics v_count = row_count;
	perform set_config('buurtkracht.purging_processing_log', '', true);
	return v_count;
end;
$$;
revoke all on function public.purge_processing_log() from public, anon, authenticated;
grant execute on function public.purge_processing_log() to service_role;

insert into public.scheduled_jobs (name, area, every) values ('purge_processing_log', 'platform', interval '1 day');

-- ---------------------------------------------------------------------------------------------
-- Helpers for the areas' log lines
-- ---------------------------------------------------------------------------------------------

-- The first of p_roles the caller holds in the municipality: the role they act in.
create or replace function public.processing_actor_role(p_municipality_id uuid, p_roles text[])
returns text language sql stable security definer set search_path = '' as $$
	select x.role from unnest(p_roles) with ordinality as x (role, n)
	where public.has_role(x.role, p_municipality_id)
	order by x.n limit 1;
$$;
revoke all on function public.processing_actor_role(uuid, text[]) from public, anon, authenticated;

-- Roles granted or taken away by an admin change what the person may do: logged for the person.
create or replace function public.log_membership_change() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_row public.memberships := case when tg_op = 'DELETE' then old else new end;
	v_role text;
begin
	if (select auth.uid()) is null or (select auth.uid()) = v_row.user_id then
		return null;
	end if;
	v_role := coalesce(public.processing_actor_role(v_row.municipality_id, array['municipality_admin']), 'shop_staff');
	perform public.log_processing(
		v_row.municipality_id, 'platform.account', 'change',
		case when tg_op = 'DELETE' then 'membership.revoked' else 'membership.granted' end,
		v_row.user_id, 'account', 'membership', v_row.id, v_role,
		case when v_role = 'shop_staff' then v_row.shop_id end
	);
	return null;
end;
$$;
revoke all on function public.log_membership_change() from public, anon, authenticated;

create trigger memberships_processing_log after insert or delete on public.memberships
	for each row execute function public.log_membership_change();
