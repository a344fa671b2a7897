-- Volunteers who hear of new requests (issue 20 point 5). A volunteer opts in, on
-- /hulp/vrijwilliger/meldingen, to a mail at once for an urgent request (needed today or tomorrow)
-- and to a daily or weekly digest of the best new "Voor jou" requests. Both rank with
-- suggest_requests_for (23_buurthulp_ranking.sql), so a paused volunteer, one at their maximum of
-- matches, or one not verified for a vulnerable person's request hears nothing the page would not
-- show them. A mail names the request's title, kind of help, wijk and date: never an address.
-- Every mail carries a one-click unsubscribe link (RFC 8058) with the volunteer's own token.

insert into public.processing_activities (
	code, area, name, purpose, legal_basis, legal_basis_detail, data_categories, special_categories,
	data_subjects, recipients, retention, retention_months, sort_order
) values
	('buurthulp.request_alerts', 'buurthulp', 'Mails over nieuwe hulpvragen',
		'Als je dat wilt, mailen we je als er een nieuwe hulpvraag is die bij je past: meteen als de hulp vandaag of morgen nodig is, of in een overzicht per dag of per week.',
		'consent', 'Je zet de mails zelf aan en zet ze met één klik weer uit.',
		array['Welke mails je wilt', 'Over welke hulpvragen we je mailden en wanneer'], '',
		array['Vrijwilligers'],
		array['Niemand: alleen jij krijgt de mails'],
		'Zolang je account bestaat. Over welke hulpvraag we je mailden, weten we tot de hulpvraag weg is.',
		null, 137);

insert into public.notification_kinds (kind, area) values
	('request_urgent', 'buurthulp'),
	('request_digest', 'buurthulp');

-- What each volunteer asked for. One row per account, written only by the functions below.
create table public.request_alerts (
	user_id uuid primary key references auth.users (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	urgent boolean not null default false,
	digest text not null default 'none' check (digest in ('none', 'daily', 'weekly')),
	-- Requests posted after this are new to the next digest; the digest is due one period later.
	digest_since timestamptz not null default now(),
	-- The secret in the unsubscribe link: whoever has the mail may switch the mails off, nothing else.
	unsubscribe_token uuid not null default gen_random_uuid() unique,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger request_alerts_set_timestamps before insert or update on public.request_alerts
	for each row execute function public.set_timestamps();

create index request_alerts_due_idx on public.request_alerts (digest_since) where digest <> 'none';

create index request_alerts_urgent_idx on public.request_alerts (municipality_id) where urgent;

alter table public.request_alerts enable row level security;

create policy "Volunteers see their own alert settings" on public.request_alerts
	for select to authenticated using (user_id = (select auth.uid()));

-- Which request was mailed to whom, so no request is mailed to a volunteer twice (an urgent
-- mail and then the digest), and so the three urgent mails a day are counted.
create table public.request_alert_deliveries (
	user_id uuid not null references auth.users (id) on delete cascade,
	request_id uuid not null references public.help_requests (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	kind text not null check (kind in ('urgent', 'digest')),
	sent_at timestamptz not null default now(),
	primary key (user_id, request_id)
);

create index request_alert_deliveries_request_idx on public.request_alert_deliveries (request_id);

create index request_alert_deliveries_urgent_idx on public.request_alert_deliveries (user_id, sent_at)
	where kind = 'urgent';

alter table public.request_alert_deliveries enable row level security;

create policy "Volunteers see which requests were mailed to them" on public.request_alert_deliveries
	for select to authenticated using (user_id = (select auth.uid()));

-- The signed-in person's choice, for the settings page. Answers {volunteer, urgent, digest}.
create or replace function public.my_request_alerts() returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'volunteer', exists (select 1 from public.volunteer_profiles v where v.user_id = (select auth.uid())),
		'urgent', coalesce(a.urgent, false),
		'digest', coalesce(a.digest, 'none')
	)
	from (select 1) one
	left join public.request_alerts a on a.user_id = (select auth.uid());
$$;
revoke all on function public.my_request_alerts() from public, anon;
grant execute on function public.my_request_alerts() to authenticated;

-- Only volunteers may ask for the mails. A new digest starts with the requests of the last
-- period, so the first one is not empty. Answers {ok, reason?}.
create or replace function public.set_request_alerts(p_urgent boolean, p_digest text) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_me uuid := (select auth.uid());
	v_municipality uuid;
	v_period interval := case p_digest when 'weekly' then interval '7 days' else interval '1 day' end;
begin
	select v.municipality_id into v_municipality from public.volunteer_profiles v where v.user_id = v_me;
	if v_municipality is null then
		return jsonb_build_object('ok', false, 'reason', 'no_profile');
	end if;
	if p_urgent is null or p_digest is null or p_digest not in ('none', 'daily', 'weekly') then
		return jsonb_build_object('ok', false, 'reason', 'invalid_choice');
	end if;
	insert into public.request_alerts as a (user_id, municipality_id, urgent, digest, digest_since)
	values (v_me, v_municipality, p_urgent, p_digest, now() - v_period)
	on conflict (user_id) do update set
		urgent = excluded.urgent,
		digest = excluded.digest,
		digest_since = case
			when a.digest = 'none' and excluded.digest <> 'none' then excluded.digest_since
			else a.digest_since
		end;
	return jsonb_build_object('ok', true);
end;
$$;
revoke all on function public.set_request_alerts(boolean, text) from public, anon;
grant execute on function public.set_request_alerts(boolean, text) to authenticated;

-- One click in a mail, signed in or not (the mail provider's POST has no session). Switching off
-- twice is fine. Answers {ok}: false when no one has this token.
create or replace function public.unsubscribe_request_alerts(p_token uuid) returns jsonb language plpgsql security definer set search_path = '' as $$
declare
	v_found boolean;
begin
	update public.request_alerts set urgent = false, digest = 'none' where unsubscribe_token = p_token;
	v_found := found;
	return jsonb_build_object('ok', v_found);
end;
$$;
revoke all on function public.unsubscribe_request_alerts(uuid) from public;
grant execute on function public.unsubscribe_request_alerts(uuid) to anon, authenticated;

-- A request as a mail shows it: no address, no postcode, no description.
create or replace function public.request_alert_item(p_request_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'id', r.id, 'title', r.title, 'category', r.category, 'district_name', d.name,
		'when_kind', r.when_kind, 'starts_on', r.starts_on
	)
	from public.help_requests r join public.districts d on d.id = r.district_id
	where r.id = p_request_id;
$$;
revoke all on function public.request_alert_item(uuid) from public, anon, authenticated;

-- Scheduled every minute: each urgent request posted in the last day (needed today or tomorrow)
-- is mailed to the volunteers who asked for urgent mails and have it in their "Voor jou" as the
-- kind of help they chose, at most three such mails a day per volunteer. Returns how many mails
-- were queued.
create or replace function public.send_urgent_request_alerts() returns integer language plpgsql security definer set search_path = '' as $$
declare
	c_per_day constant integer := 3;
	v_alert record;
	v_item jsonb;
	v_sent_today integer;
	v_queued integer := 0;
begin
	for v_alert in
		select a.user_id, a.municipality_id, a.unsubscribe_token
		from public.request_alerts a
		join public.volunteer_profiles v on v.user_id = a.user_id and not v.is_paused
		where a.urgent
			and not exists (select 1 from public.account_blocks b where b.user_id = a.user_id)
			and exists (
				select 1 from public.help_requests r
				where r.municipality_id = a.municipality_id and r.status = 'open' and r.hidden_at is null
					and r.created_at > now() - interval '1 day'
					and r.starts_on between current_date and current_date + 1
					and not exists (
						select 1 from public.request_alert_deliveries x
						where x.user_id = a.user_id and x.request_id = r.id
					)
			)
		order by a.user_id
		-- The scheduler runs one job at a time; a direct call beside it skips whom it is mailing.
		for update of a skip locked
	loop
		select count(*) into v_sent_today from public.request_alert_deliveries x
			where x.user_id = v_alert.user_id and x.kind = 'urgent' and x.sent_at > now() - interval '1 day';
		for v_item in
			select i.value
			from jsonb_array_elements(public.suggest_requests_for(v_alert.user_id, 50) -> 'items') i
			join public.help_requests r on r.id = (i.value ->> 'id')::uuid
			where r.created_at > now() - interval '1 day'
				and r.starts_on between current_date and current_date + 1
				-- A mail at once interrupts: only for the kinds of help the volunteer chose.
				and (i.value ->> 'category_fit')::boolean
				and not exists (
					select 1 from public.request_alert_deliveries x
					where x.user_id = v_alert.user_id and x.request_id = r.id
				)
		loop
			exit when v_sent_today >= c_per_day;
			insert into public.request_alert_deliveries (user_id, request_id, municipality_id, kind)
				values (v_alert.user_id, (v_item ->> 'id')::uuid, v_alert.municipality_id, 'urgent')
				on conflict do nothing;
			continue when not found;
			perform public.notify(v_alert.municipality_id, v_alert.user_id, 'request_urgent',
				public.request_alert_item((v_item ->> 'id')::uuid) - 'id'
					|| jsonb_build_object('request_id', v_item ->> 'id', 'unsubscribe', v_alert.unsubscribe_token));
			v_sent_today := v_sent_today + 1;
			v_queued := v_queued + 1;
		end loop;
	end loop;
	return v_queued;
end;
$$;
revoke all on function public.send_urgent_request_alerts() from public, anon, authenticated;
grant execute on function public.send_urgent_request_alerts() to service_role;

-- The best new requests for one volunteer's digest: their "Voor jou" order, only requests posted
-- since their last digest and not mailed to them before, at most five. Also what the demo's reach
-- is measured with (bench/digest-reach.ts).
create or replace function public.request_digest_items(p_user_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select coalesce(jsonb_agg(public.request_alert_item(n.id) order by n.ord), '[]'::jsonb)
	from (
		select r.id, i.ord
		from public.request_alerts a
		cross join lateral jsonb_array_elements(public.suggest_requests_for(a.user_id, 50) -> 'items')
			with ordinality i (value, ord)
		join public.help_requests r on r.id = (i.value ->> 'id')::uuid
		where a.user_id = p_user_id and r.created_at > a.digest_since
			and not exists (
				select 1 from public.request_alert_deliveries x where x.user_id = p_user_id and x.request_id = r.id
			)
		-- A digest is a short list, not the board.
		order by i.ord limit 5
	) n;
$$;
revoke all on function public.request_digest_items(uuid) from public, anon, authenticated;

-- Scheduled every hour: each volunteer whose digest is due (a day or a week after the last) gets
-- one mail with the best new requests, or none when there is nothing new. Returns how many mails
-- were queued.
create or replace function public.send_request_digests() returns integer language plpgsql security definer set search_path = '' as $$
declare
	v_alert record;
	v_items jsonb;
	v_queued integer := 0;
begin
	for v_alert in
		select a.user_id, a.municipality_id, a.digest, a.unsubscribe_token
		from public.request_alerts a
		where a.digest <> 'none'
			and a.digest_since <= now() - case a.digest when 'weekly' then interval '7 days' else interval '1 day' end
			and not exists (select 1 from public.account_blocks b where b.user_id = a.user_id)
		order by a.digest_since
		for update of a skip locked
	loop
		v_items := public.request_digest_items(v_alert.user_id);
		update public.request_alerts set digest_since = now() where user_id = v_alert.user_id;
		continue when jsonb_array_length(v_items) = 0;
		insert into public.request_alert_deliveries (user_id, request_id, municipality_id, kind)
			select v_alert.user_id, (i ->> 'id')::uuid, v_alert.municipality_id, 'digest'
			from jsonb_array_elements(v_items) i;
		perform public.notify(v_alert.municipality_id, v_alert.user_id, 'request_digest',
			jsonb_build_object('digest', v_alert.digest, 'items', v_items, 'unsubscribe', v_alert.unsubscribe_token));
		v_queued := v_queued + 1;
	end loop;
	return v_queued;
end;
$$;
revoke all on function public.send_request_digests() from public, anon, authenticated;
grant execute on function public.send_request_digests() to service_role;

-- Registered with the platform scheduler (06_platform_scheduler.sql).
insert into public.scheduled_jobs (name, area, every) values
	('send_urgent_request_alerts', 'buurthulp', interval '1 minute'),
	('send_request_digests', 'buurthulp', interval '1 hour');
