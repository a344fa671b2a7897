// The functions in `public` as the catalog has them, for the tests that sweep every function the
// API exposes (refusal codes, oversized arguments, calls from another municipality): a new
// function is swept without touching those tests.
import { sql } from './factories.ts';

export interface CatalogParam {
	name: string;
	type: string;
}

export interface CatalogFunction {
	name: string;
	/** The arguments with their defaults (pg_get_function_arguments). */
	signature: string;
	/** The arguments without defaults, as GRANT and DROP name them. */
	identity: string;
	source: string;
	language: string;
	returnsTrigger: boolean;
	/** Takes an any* parameter (assert_max_items): not callable with JSON. */
	polymorphic: boolean;
	anon: boolean;
	authenticated: boolean;
	/** The input parameters, in order. */
	params: CatalogParam[];
}

export async function catalogFunctions(): Promise<CatalogFunction[]> {
	return sql<CatalogFunction>(`
		select p.proname as name,
			pg_get_function_arguments(p.oid) as signature,
			pg_get_function_identity_arguments(p.oid) as identity,
			p.prosrc as source,
			l.lanname as language,
			p.prorettype = 'trigger'::regtype as "returnsTrigger",
			exists (select 1 from unnest(p.proargtypes::oid[]) t where format_type(t, null) like 'any%') as polymorphic,
			has_function_privilege('anon', p.oid, 'execute') as anon,
			has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
			coalesce((
				select json_agg(json_build_object('name', a.name, 'type', format_type(a.type, null)) order by a.n)
				from unnest(p.proargnames, coalesce(p.proallargtypes, p.proargtypes::oid[]), p.proargmodes)
					with ordinality as a(name, type, mode, n)
				where coalesce(a.mode, 'i') in ('i', 'b', 'v')
			), '[]') as params
		from pg_proc p join pg_language l on l.oid = p.prolang
		where p.pronamespace = 'public'::regnamespace
		order by p.proname, pg_get_function_arguments(p.oid)`);
}
