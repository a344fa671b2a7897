import { error, redirect } from '@sveltejs/kit';
import { sequence, type Handle, type ServerInit } from '@sveltejs/kit/hooks';
import { embeddedEnabled, embeddedSupabase } from '#lib/server/embedded/instance';
import { createRequestClient } from '#lib/server/supabase';
import { startBackgroundJobs } from '#lib/server/notifications/scheduler';
import { hasRole, loadViewer } from '#lib/server/viewer';
import { handleServerError } from '#lib/server/page-errors';
import { securityHeaders } from '#lib/server/security-headers';

export const init: ServerInit = async () => {
	if (embeddedEnabled()) await embeddedSupabase();
	startBackgroundJobs();
};

const API_PREFIXES = ['/auth/v1/', '/rest/v1/'];

/** Serves the embedded Supabase API on the app's own origin, as its auth links expect. */
const embeddedApi: Handle = async ({ event, resolve }) => {
	if (embeddedEnabled() && API_PREFIXES.some((p) => event.url.pathname.startsWith(p))) {
		const lite = await embeddedSupabase();
		return lite.fetch(event.request);
	}
	return resolve(event);
};

const supabase: Handle = async ({ event, resolve }) => {
	const meter = { calls: 0, millis: 0 };
	event.locals.supabase = createRequestClient(event, meter);
	event.locals.viewer = await loadViewer(event.locals.supabase);
	const response = await resolve(event, {
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
	// Lets the benchmark (and a curious developer) check the three-calls-per-page budget.
	if (!response.headers.has('server-timing')) {
		try {
			response.headers.set(
				'server-timing',
				`supabase;desc="${meter.calls} calls";dur=${meter.millis.toFixed(1)}`
			);
		} catch {
			// Some responses (redirects from fetch) have immutable headers; the metric is optional.
		}
	}
	return response;
};

/** Guards by route group: (app) needs a signed-in user, beheer/ a staff role. */
const guard: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id ?? '';
	const viewer = event.locals.viewer;
	if (routeId.startsWith('/(app)') || routeId.startsWith('/beheer')) {
		if (!viewer) {
			redirect(303, `/inloggen?naar=${encodeURIComponent(event.url.pathname + event.url.search)}`);
		}
		event.setHeaders({ 'cache-control': 'no-store' });
	}
	if (routeId.startsWith('/beheer') && !hasRole(viewer, 'municipality_admin')) {
		error(403, 'Deze pagina is alleen voor beheerders van de gemeente.');
	}
	return resolve(event);
};

export const handle = sequence(embeddedApi, securityHeaders, supabase, guard);

export const handleError = handleServerError;
