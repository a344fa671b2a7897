// The statement that broke PGlite for everyone: a full-text search of ~10,000 terms. The SQL
// functions refuse such input now (search_help_requests caps its query), so the recovery test and
// bench put back, for a moment, a search without the caps and restore the real one afterwards.
// Shared by tests/integration/platform/resilience-recovery.test.ts and bench/recovery.ts.

const SIGNATURE = 'public.search_help_requests(uuid,text,date,date,text,integer,integer)';

/** Returns the real definition, to put back with restoreSearch. */
export const SAVE_SEARCH = `select pg_get_functiondef('${SIGNATURE}'::regprocedure) as def`;

/** Same signature, no caps: evaluates the caller's tsquery, as the first version of the board did. */
export const UNCAPPED_SEARCH = `
create or replace function public.search_help_requests(
	p_district_id uuid default null, p_category text default null, p_from date default null,
	p_to date default null, p_query text default null, p_limit integer default 20,
	p_offset integer default 0
) returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_result jsonb;
begin
	execute 'select jsonb_build_object(''total'', count(*)) from public.help_requests r where r.search @@ $1'
	into v_result using websearch_to_tsquery('dutch', p_query);
	return v_result;
end;
$$`;

/** The request that breaks PGlite while UNCAPPED_SEARCH is in place. */
export const CRASH_BODY = JSON.stringify({ p_query: 'x '.repeat(10_000) });
