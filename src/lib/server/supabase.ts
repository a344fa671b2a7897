// The per-request Supabase client: acts as the signed-in user (their JWT from the session cookie),
// never as service_role. In embedded mode it calls the in-process API handler instead of HTTP.
import { createServerClient } from '@supabase/ssr';
import type { RequestEvent } from '@sveltejs/kit';
import { PUBLIC_SUPABASE_PUBLISHABLE_KEY, PUBLIC_SUPABASE_URL } from '$app/env/public';
import type { Database } from '#lib/database.types';
import { privateAnswers } from './embedded/auth-front';
import { embeddedEnabled, embeddedSupabase } from './embedded/instance';
import { sessionCookieOptions } from './session-cookie';

/** Counts the calls one page request makes, reported in its Server-Timing header. */
export interface CallMeter {
	calls: number;
	millis: number;
}

// The forms' own calls get the same answers as the API (a login mail answers at once), so their
// timing does not tell known from unknown addresses either.
async function inProcessFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	const lite = await embeddedSupabase();
	return privateAnswers(new Request(input, init), (r) => lite.fetch(r));
}

function meteredFetch(meter: CallMeter): typeof fetch {
	const base = embeddedEnabled() ? inProcessFetch : fetch;
	return async (input, init) => {
		const started = performance.now();
		try {
			return await base(input, init);
		} finally {
			meter.calls += 1;
			meter.millis += performance.now() - started;
		}
	};
}

/**
 * `municipalityId` is the host's municipality: sent on every call as `x-municipality`, so SQL
 * scopes public lists to it (public.current_municipality_id()).
 */
export function createRequestClient(
	{ cookies, url }: Pick<RequestEvent, 'cookies' | 'url'>,
	meter: CallMeter = { calls: 0, millis: 0 },
	municipalityId?: string
) {
	const https = url.protocol === 'https:';
	return createServerClient<Database>(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (toSet) => {
				for (const { name, value, options } of toSet) {
					cookies.set(name, value, sessionCookieOptions(options, https));
				}
			}
		},
		global: {
			fetch: meteredFetch(meter),
			headers: municipalityId ? { 'x-municipality': municipalityId } : {}
		}
	});
}

export type RequestClient = ReturnType<typeof createRequestClient>;
