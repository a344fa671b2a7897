// The database side of host resolution: municipality_for_host as an anonymous caller, through the
// in-process client in embedded mode. One resolver per server process.
import { createClient } from '@supabase/supabase-js';
import { PUBLIC_SUPABASE_PUBLISHABLE_KEY, PUBLIC_SUPABASE_URL } from '$app/env/public';
import type { Database } from '#lib/database.types';
import { embeddedEnabled, embeddedSupabase } from '../embedded/instance';
import { municipalityRow, type Municipality } from './municipality';
import { HostResolver } from './resolve';

async function inProcessFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	const lite = await embeddedSupabase();
	return lite.fetch(new Request(input, init));
}

let resolver: HostResolver | undefined;

export function hostResolver(): HostResolver {
	if (resolver) return resolver;
	const client = createClient<Database>(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: embeddedEnabled() ? { fetch: inProcessFetch } : {}
	});
	resolver = new HostResolver(async (host): Promise<Municipality | null> => {
		const { data, error } = await client.rpc('municipality_for_host', { p_host: host });
		if (error) throw new Error(`municipality_for_host: ${error.code} ${error.message}`);
		return data ? municipalityRow.parse(data) : null;
	});
	return resolver;
}
