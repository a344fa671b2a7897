// The per-request Supabase client: acts as the signed-in user (their JWT from the session cookie),
// never as service_role. In embedded mode it calls the in-process API handler instead of HTTP.
import { createServerClient } from '@supabase/ssr';
import type { Cookies } from '@sveltejs/kit';
import { PUBLIC_SUPABASE_PUBLISHABLE_KEY, PUBLIC_SUPABASE_URL } from '$app/env/public';
import type { Database } from '#lib/database.types';
import { embeddedEnabled, embeddedSupabase } from './embedded/instance';

async function inProcessFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	const lite = await embeddedSupabase();
	return lite.fetch(new Request(input, init));
}

export function createRequestClient(cookies: Cookies) {
	return createServerClient<Database>(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (toSet) => {
				for (const { name, value, options } of toSet) {
					cookies.set(name, value, { ...options, path: '/' });
				}
			}
		},
		global: embeddedEnabled() ? { fetch: inProcessFetch } : undefined
	});
}

export type RequestClient = ReturnType<typeof createRequestClient>;
