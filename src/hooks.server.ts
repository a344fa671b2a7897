import { error, redirect } from '@sveltejs/kit';
import { sequence, type Handle, type ServerInit } from '@sveltejs/kit/hooks';
import { limitRequestBody } from '#lib/server/embedded/body-limit';
import { embeddedEnabled, embeddedSupabase } from '#lib/server/embedded/instance';
import { guardedApi } from '#lib/server/embedded/auth-front';
import { rpcSignaturesOf } from '#lib/server/embedded/rpc-arguments';
import { createRequestClient } from '#lib/server/supabase';
import { startBackgroundJobs } from '#lib/server/notifications/scheduler';
import { forbiddenPagePath, guardRoute } from '#lib/server/guards';
import { loadViewer } from '#lib/server/viewer';
import { handleServerError } from '#lib/server/page-errors';
import { securityHeaders } from '#lib/server/security-headers';
import { mailLinks } from '#lib/server/notifications/mail-link';
import { appLimiters } from '#lib/server/limits';
import { health } from '#lib/server/platform/health';
import { backupEndpoint } from '#lib/server/platform/backup-endpoint';
import { requestLog } from '#lib/server/platform/request-log';
import { crossSitePosts } from '#lib/server/platform/csrf';
import { dropPublicCache, publicCache } from '#lib/server/platform/public-cache';
import { installShutdown } from '#lib/server/platform/shutdown';
import { tenant } from '#lib/server/tenancy/handle';
import { dropForeignSession } from '#lib/server/tenancy/accounts';

export const init: ServerInit = async () => {
	if (embeddedEnabled()) await embeddedSupabase();
	startBackgroundJobs();
	installShutdown();
};

const API_PREFIXES = ['/auth/v1/', '/rest/v1/'];

/**
 * Serves the embedded Supabase API on the app's own origin, as its auth links expect: bodies over
 * the size limit are refused, password sign-ins and typed codes are counted per account and
 * client address, login-mail and sign-up requests answer the same for known and unknown
 * addresses, and rpc arguments are read as PostgREST reads them (embedded/auth-front.ts).
 */
const embeddedApi: Handle = async ({ event, resolve }) => {
	if (embeddedEnabled() && API_PREFIXES.some((p) => event.url.pathname.startsWith(p))) {
		const lite = await embeddedSupabase();
		const request = await limitRequestBody(event.request);
		if (request instanceof Response) return request;
		const response = await guardedApi(request, event.getClientAddress(), (r) => lite.fetch(r), {
			...appLimiters(),
			rpc: await rpcSignaturesOf(lite)
		});
		// A write through the API may change what the public pages show.
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') dropPublicCache();
		return response;
	}
	return resolve(event);
};

const supabase: Handle = async ({ event, resolve }) => {
	const meter = event.locals.meter ?? { calls: 0, millis: 0 };
	event.locals.meter = meter;
	event.locals.supabase = createRequestClient(event, meter, event.locals.municipality.id);
	event.locals.viewer = await dropForeignSession(
		event.locals.supabase,
		await loadViewer(event.locals.supabase),
		event.locals.municipality
	);
	const response = await resolve(event, {
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
	// Lets the benchmark (and a curious developer) check the three-calls-per-page budget.
	if (!response.headers.has('server-timing')) {
		try {
			response.headers.set(
				'server-timing',
				`supabase;desc="${meter.calls} calls";dur=${meter.millis.toFixed(1)}, ` +
					`host;desc="municipality";dur=${event.locals.hostMillis.toFixed(2)}`
			);
		} catch {
			// Some responses (redirects from fetch) have immutable headers; the metric is optional.
		}
	}
	return response;
};

const wantsPage = (request: Request) => (request.headers.get('accept') ?? '').includes('text/html');

/** Applies the route rules of guards.ts: sign-in first, then the role, before any load or action. */
const guard: Handle = async ({ event, resolve }) => {
	const isAction = event.request.method !== 'GET' && event.request.method !== 'HEAD';
	const decision = guardRoute(event.route.id, isAction, event.locals.viewer);
	if (decision.kind === 'sign_in') {
		// After signing in, come back to the page, not to the form post.
		const back = isAction ? event.url.pathname : event.url.pathname + event.url.search;
		redirect(303, `/inloggen?naar=${encodeURIComponent(back)}`);
	}
	if (decision.kind === 'forbidden') {
		// A page is refused inside the site's layout (header, "Uitloggen", the way back), so the
		// person can go on; form posts and client-side data requests keep the short answers.
		if (!isAction && !event.isDataRequest && wantsPage(event.request)) {
			return event.fetch(forbiddenPagePath(decision.route), {
				headers: { accept: 'text/html' }
			});
		}
		error(403, decision.message);
	}
	if (decision.personal) event.setHeaders({ 'cache-control': 'no-store' });
	return resolve(event);
};

export const handle = sequence(
	crossSitePosts,
	health,
	backupEndpoint,
	requestLog,
	embeddedApi,
	securityHeaders,
	tenant,
	publicCache,
	supabase,
	mailLinks,
	guard
);

export const handleError = handleServerError;
