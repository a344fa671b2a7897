-- Monitor sociaal domein (issue 21): the open data (/open-data): counts per wijk per month with
-- small numbers suppressed, the years there are figures for, and the buurthuizen as GeoJSON.

-- ---------------------------------------------------------------------------------------------
-- Open data: counts per wijk per month, small numbers suppressed
-- ---------------------------------------------------------------------------------------------

-- What one (metric, month) group publishes: the wijken's counts and, as the last element, their
-- total. A count under 5 is shown as '<5'. Because the total is published too, the cells shown as
-- '<5' must not be recoverable from it: with S the suppressed cells and K = total − the shown
-- cells (which anyone can compute), each '<5' cell must be able to take two values.
--   * Two or more '<5' cells and no other suppression: the values lie in 0..4 and add up to K;
--     a cell is pinned only when K = 0 (all zero) or K = 4·m (all four). Otherwise nothing to do.
--   * Else one more cell is hidden (shown as 'x', known to be 5 or more): the smallest shown cell
--     with value ≥ 6 − k (k: the sum of the '<5' cells), so that K − 5 ≥ 1 and every '<5' cell can
--     be 0 and can be at least 1.
--   * If no cell qualifies, the total is hidden ('x') instead: then nothing links the cells.
--   * A total under 5 is shown as '<5' and so are all its cells.
-- Only this table is published per (metric, month); no yearly or per-wijk totals are, so no other
-- sum constrains these cells (tests/integration/monitor/open-data.test.ts tries every group).
create or replace function public.open_data_suppress(p_cells bigint[]) returns text[] language plpgsql immutable set search_path = '' as $$
declare
	v_n integer := coalesce(cardinality(p_cells), 0);
	v_total bigint := 0;
	v_small bigint := 0;
	v_small_count integer := 0;
	v_out text[] := '{}';
	v_pick integer;
begin
	perform public.assert_max_items(p_cells, 200, 'cells');
	for i in 1..v_n loop
		v_total := v_total + p_cells[i];
		v_out := v_out || p_cells[i]::text;
		if p_cells[i] < 5 then
			v_small := v_small + p_cells[i];
			v_small_count := v_small_count + 1;
			v_out[i] := '<5';
		end if;
	end loop;
	v_out := v_out || v_total::text;
	if v_total < 5 then
		return array_fill('<5'::text, array[v_n + 1]);
	end if;
	if v_small_count = 0 or (v_small_count >= 2 and v_small > 0 and v_small < 4 * v_small_count) then
		return v_out;
	end if;
	select i into v_pick from generate_subscripts(p_cells, 1) i
	where p_cells[i] >= 5 and p_cells[i] >= 6 - v_small
	order by p_cells[i], i limit 1;
	if v_pick is not null then
		v_out[v_pick] := 'x';
	else
		v_out[v_n + 1] := 'x';
	end if;
	return v_out;
end;
$$;
-- Callable by anyone: it computes only on the numbers it is given.
grant execute on function public.open_data_suppress(bigint[]) to anon, authenticated, service_role;

-- The counts open data publishes. Amounts of money are left out on purpose: they are counts times
-- a few fixed cheque values, and would give suppressed counts away.
create or replace function public.open_data_metrics() returns text[] language sql immutable set search_path = '' as $$
	select array[
		'mz_carers_reached', 'mz_young_carers_reached', 'mz_redemptions',
		'bh_requests_posted', 'bh_requests_matched', 'bh_requests_done', 'bh_requests_via_coordinator',
		'bh_followups_answered', 'bh_followups_good',
		'bz_occurrences_held', 'bz_occurrences_cancelled', 'bz_registrations'
	];
$$;
grant execute on function public.open_data_metrics() to anon, authenticated;

-- One calendar year of a municipality (by slug; the request's municipality when null), the months
-- that have ended only, every metric × month × wijk (and the total, district null), suppressed.
-- The wijk 'onbekend' appears when some events have no wijk (cheques issued without an
-- application).
create or replace function public.open_data_figures(p_year integer, p_municipality_slug text default null)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality public.municipalities%rowtype;
	v_from date;
	v_to date;
	v_rows jsonb;
begin
	perform public.assert_max_length(p_municipality_slug, 40, 'municipality');
	if p_year is null or p_year not between 2000 and 2100 then
		raise exception 'invalid_period' using errcode = '22023';
	end if;
	select * into v_municipality from public.municipalities m
	where case when p_municipality_slug is null then m.id = public.current_municipality_id()
		else m.slug = p_municipality_slug end
	order by m.created_at, m.id limit 1;
	if v_municipality.id is null then
		return null;
	end if;
	v_from := make_date(p_year, 1, 1);
	v_to := least(make_date(p_year, 12, 31),
		(date_trunc('month', (now() at time zone 'Europe/Amsterdam')::date) - interval '1 day')::date);
	if v_to < v_from then
		v_rows := '[]'::jsonb;
	else
		with f as (
			select * from public.monitor_figures(v_municipality.id, v_from, v_to, null, 'open') f
			where f.metric = any (public.open_data_metrics()) and f.subject = ''
		), places as (
			select d.id::text as key, d.slug, d.name, 0 as rank from public.districts d where d.municipality_id = v_municipality.id
			union all
			select null, 'onbekend', 'Onbekend', 1 where exists (select 1 from f where f.district is null)
		), months as (
			select to_char(g, 'YYYY-MM') as month from generate_series(v_from, v_to, interval '1 month') g
		), cells as (
			-- A join, not a look-up in f per cell: metrics × months × wijken is ~1,600 cells a year.
			select mt.metric, mo.month, p.slug, p.name, p.rank, coalesce(f.value, 0)::bigint as value
			from unnest(public.open_data_metrics()) with ordinality mt(metric, n)
			cross join months mo
			cross join places p
			left join f on f.metric = mt.metric and f.month = mo.month and coalesce(f.district, '-') = coalesce(p.key, '-')
		), groups as (
			select c.metric, c.month, array_agg(c.slug order by c.rank, c.name) as slugs,
				public.open_data_suppress(array_agg(c.value order by c.rank, c.name)) as shown
			from cells c group by c.metric, c.month
		)
		select coalesce(jsonb_agg(jsonb_build_array(g.month, g.slugs[x.i], g.metric, g.shown[x.i])
			order by g.month, g.metric, x.i), '[]'::jsonb)
		into v_rows
		from groups g
		cross join lateral generate_subscripts(g.shown, 1) x(i);
	end if;
	return jsonb_build_object(
		'municipality', jsonb_build_object('slug', v_municipality.slug, 'name', v_municipality.name),
		'year', p_year,
		'through', case when v_to >= v_from then to_char(v_to, 'YYYY-MM') end,
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('slug', d.slug, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = v_municipality.id
		), '[]'::jsonb),
		'metrics', to_jsonb(public.open_data_metrics()),
		'rows', v_rows
	);
end;
$$;
revoke all on function public.open_data_figures(integer, text) from public;
grant execute on function public.open_data_figures(integer, text) to anon, authenticated;

-- The years a municipality has figures for (its first event to this year), for the list of files.
create or replace function public.open_data_years(p_municipality_slug text default null) returns integer[]
language sql stable security definer set search_path = '' as $$
	with m as (
		select m.id from public.municipalities m
		where case when p_municipality_slug is null then m.id = public.current_municipality_id()
		else m.slug = p_municipality_slug end
			and char_length(coalesce(p_municipality_slug, '')) <= 40
		order by m.created_at, m.id limit 1
	), first as (
		select least(
			(select min(f.created_at) from public.cheque_facts f, m where f.municipality_id = m.id),
			(select min(r.created_at) from public.help_requests r, m where r.municipality_id = m.id),
			(select min(a.starts_at) from public.activities a, m where a.municipality_id = m.id and a.published)
		) as at
	)
	select coalesce(array_agg(y order by y desc), '{}')
	from first, generate_series(
		coalesce(extract(year from first.at at time zone 'Europe/Amsterdam')::integer, extract(year from now())::integer),
		extract(year from now() at time zone 'Europe/Amsterdam')::integer
	) y
	where exists (select 1 from m);
$$;
grant execute on function public.open_data_years(text) to anon, authenticated;

-- The buurthuizen and their current and coming activities as a GeoJSON FeatureCollection. Only
-- what the public map already shows; no phone or e-mail (a board may have given a private one).
create or replace function public.open_data_places(p_municipality_slug text default null) returns jsonb
language sql stable security definer set search_path = '' as $$
	with m as (
		select m.id from public.municipalities m
		where case when p_municipality_slug is null then m.id = public.current_municipality_id()
		else m.slug = p_municipality_slug end
			and char_length(coalesce(p_municipality_slug, '')) <= 40
		order by m.created_at, m.id limit 1
	)
	select jsonb_build_object(
		'type', 'FeatureCollection',
		'features', coalesce(jsonb_agg(jsonb_build_object(
			'type', 'Feature',
			'geometry', jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(c.longitude, c.latitude)),
			'properties', jsonb_build_object(
				'slug', c.slug, 'naam', c.name, 'adres', c.street_address, 'postcode', c.postcode, 'plaats', c.city,
				'wijk', d.slug, 'wijk_naam', d.name, 'toegankelijkheid', c.accessibility, 'website', c.website,
				'demo', c.is_demo,
				'activiteiten', coalesce((
					select jsonb_agg(jsonb_build_object(
						'titel', a.title, 'omschrijving', a.description, 'categorie', a.category, 'voor', a.audience,
						'herhaling', a.recurrence, 'eerste_keer', a.starts_at, 'einde_eerste_keer', a.ends_at,
						'herhaalt_tot', a.repeat_until, 'kosten_cent', a.cost_cents,
						'aanmelden', a.needs_registration
					) order by a.starts_at)
					from public.activities a
					where a.community_centre_id = c.id and a.published and a.cancelled_at is null
						and a.series_ends_at >= now()
				), '[]'::jsonb)
			)
		) order by c.name), '[]'::jsonb)
	)
	from m
	join public.community_centres c on c.municipality_id = m.id
	join public.districts d on d.id = c.district_id;
$$;
grant execute on function public.open_data_places(text) to anon, authenticated;
