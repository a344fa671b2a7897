// A service-role Supabase client for background maintenance only: jobs that act for nobody (the
// notification mailer, expiring old requests, asking "hoe ging het?"). Requests never use it; they
// act as the signed-in user through event.locals.supabase, so RLS keeps deciding what people see.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SUPABASE_SECRET_KEY } from '$app/env/private';
import { PUBLIC_SUPABASE_URL } from '$app/env/public';
import type { Database } from '#lib/database.types';
import { embeddedEnabled, embeddedSupabase } from './embedded/instance';

export type AdminClient = SupabaseClient<Database>;

async function inProcessFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	const lite = await embeddedSupabase();
	return lite.fetch(new Request(input, init));
}

let client: AdminClient | undefined;

/** Null when no secret key is configured: then background jobs cannot run. */
export function adminClient(): AdminClient | null {
	if (!SUPABASE_SECRET_KEY) return null;
	client ??= createClient<Database>(PUBLIC_SUPABASE_URL, SUPABASE_SECRET_KEY, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: embeddedEnabled() ? { fetch: inProcessFetch } : {}
	});
	return client;
}
