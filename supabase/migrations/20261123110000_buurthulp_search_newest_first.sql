-- Buurthulp: a text search on the board costs about the same however many open requests match.
--
-- Before, matches were ordered by ts_rank, so every match was read and ranked, and all of them
-- counted: a common word among 30,000 open requests cost three times what it did among 3,000
-- (bench:match, search C/A). Now a search lists matches newest first, like the board itself, so
-- the planner can walk the newest open requests and stop at the page; and it counts matches up
-- to 500, after which the page says "more than 500" and asks for a sharper search. Without a
-- search word the count stays exact (an index-only count of open requests).

create or replace function public.search_help_requests(
	p_district_id uuid default null,
	p_category text default null,
	p_from date default null,
	p_to date default null,
	p_query text default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
-- The open requests fit in memory: random reads cost little more than sequential ones.
set random_page_cost = 1.1
as $$
declare
	c_count_cap constant integer := 500;
	v_query text := nullif(trim(p_query), '');
	v_tsquery tsquery;
	v_where text := 'r.status = ''open'' and r.hidden_at is null
		and coalesce(r.ends_on, r.starts_on, current_date) >= current_date';
	v_result jsonb;
begin
	-- Only the filters that apply, so each call is planned for its own values. Values are
	-- always passed as parameters ($1..$8), never written into the SQL text.
	if v_query is not null then
		v_tsquery := websearch_to_tsquery('dutch', v_query);
		v_where := v_where || ' and r.search @@ $5';
	end if;
	if p_district_id is not null then
		v_where := v_where || ' and r.district_id = $1';
	end if;
	if p_category is not null then
		v_where := v_where || ' and r.category = $2';
	end if;
	if p_from is not null then
		v_where := v_where || ' and (coalesce(r.ends_on, r.starts_on) is null or coalesce(r.ends_on, r.starts_on) >= $3)';
	end if;
	if p_to is not null then
		v_where := v_where || ' and (r.starts_on is null or r.starts_on <= $4)';
	end if;

	execute format($sql$
		with filtered as not materialized (
			select r.id, r.created_at
			from public.help_requests r
			where %1$s
		),
		counted as (
			select count(*) as n from (select 1 from filtered %2$s) f
		)
		select jsonb_build_object(
			'total', least((select n from counted), $8),
			'more', (select n from counted) > $8,
			'items', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', r.id, 'title', r.title, 'description', r.description, 'category', r.category,
					'district_id', r.district_id, 'district_name', d.name, 'postcode_area', r.postcode_area,
					'when_kind', r.when_kind, 'starts_on', r.starts_on, 'ends_on', r.ends_on,
					'day_part', r.day_part, 'duration_minutes', r.duration_minutes,
					'recurrence', r.recurrence, 'created_at', r.created_at
				) order by p.created_at desc, p.id desc)
				from (
					select f.id, f.created_at from filtered f
					order by f.created_at desc, f.id desc
					limit $6 offset $7
				) p
				join public.help_requests r on r.id = p.id
				join public.districts d on d.id = r.district_id
			), '[]'::jsonb)
		)$sql$, v_where, case when v_query is null then '' else 'limit $8 + 1' end)
	into v_result
	using p_district_id, p_category, p_from, p_to, v_tsquery,
		least(greatest(p_limit, 1), 100), greatest(p_offset, 0),
		case when v_query is null then 2147483646 else c_count_cap end;
	return v_result;
end;
$$;
revoke all on function public.search_help_requests(uuid, text, date, date, text, integer, integer) from public;
grant execute on function public.search_help_requests(uuid, text, date, date, text, integer, integer) to anon, authenticated;
