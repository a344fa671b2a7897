// Response headers that every page and endpoint of the app sends (the Content-Security-Policy
// itself is SvelteKit's, configured in vite.config.ts). The embedded /auth/v1 and /rest/v1 API is
// answered before this handle and keeps the headers Supabase sends.
//
// An error() thrown from a later handle (the guard's 403) never reaches a page: SvelteKit answers
// it with the static src/error.html and no hook runs afterwards, so that page would go out without
// these headers and without a CSP. This handle catches such an error and answers with the same
// page itself, with every header and a CSP of its own (the page has no script and no style).
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import errorTemplate from '../../error.html?raw';

/**
 * Routes that may use the camera, as route ids without their (group) segments; everything below
 * them too. Every other page denies it, so a script injected anywhere cannot switch it on.
 */
const CAMERA_ROUTES: string[] = [
	'/winkel' // the shop counter's cheque scanner (Mantelzorgwaardering)
];

/** Routes (exactly these) that may ask for the browser's location: "bij mij in de buurt". */
const GEOLOCATION_ROUTES: string[] = ['/buurthuizen'];

const DENIED_FEATURES = ['microphone', 'payment', 'usb', 'display-capture'];

const withoutGroups = (routeId: string) => routeId.replace(/\/\([^/]+\)/g, '') || '/';

export function permissionsPolicy(routeId: string | null): string {
	const route = routeId === null ? null : withoutGroups(routeId);
	const camera =
		route !== null && CAMERA_ROUTES.some((r) => route === r || route.startsWith(`${r}/`));
	const geolocation = route !== null && GEOLOCATION_ROUTES.includes(route);
	return [
		`camera=${camera ? '(self)' : '()'}`,
		`geolocation=${geolocation ? '(self)' : '()'}`,
		...DENIED_FEATURES.map((f) => `${f}=()`)
	].join(', ');
}

/** The CSP of the static error page: nothing to load, nothing may frame it. */
export const STATIC_ERROR_PAGE_CSP =
	"default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** src/error.html filled in the way SvelteKit fills it, as a response of our own. */
export function staticErrorPage(status: number, message: string): Response {
	const html = errorTemplate
		.replaceAll('%sveltekit.status%', String(status))
		.replaceAll('%sveltekit.error.message%', escapeHtml(message));
	return new Response(html, {
		status,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': STATIC_ERROR_PAGE_CSP,
			'cache-control': 'no-store'
		}
	});
}

/** Like SvelteKit: JSON for client-side navigation and API callers, the page for browsers. */
function wantsJson(event: RequestEvent): boolean {
	const accept = event.request.headers.get('accept') ?? '';
	return (
		event.isDataRequest || (accept.includes('application/json') && !accept.includes('text/html'))
	);
}

async function resolveOrErrorPage(
	event: RequestEvent,
	resolve: () => Promise<Response>
): Promise<Response> {
	try {
		return await resolve();
	} catch (thrown) {
		if (!isHttpError(thrown)) throw thrown;
		if (wantsJson(event)) {
			return Response.json(thrown.body, {
				status: thrown.status,
				headers: { 'cache-control': 'no-store' }
			});
		}
		return staticErrorPage(thrown.status, thrown.body.message);
	}
}

/**
 * HSTS, only when the request came over HTTPS (adapter-node takes that from the proxy's protocol
 * header): browsers then refuse plain http for this host for a year. Not includeSubDomains or
 * preload: a municipality's other sites under its domain are not ours to decide for.
 */
export const hstsHeader = (url: URL): Record<string, string> =>
	url.protocol === 'https:' ? { 'strict-transport-security': 'max-age=31536000' } : {};

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolveOrErrorPage(event, () => resolve(event));
	const headers = {
		...hstsHeader(event.url),
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'permissions-policy': permissionsPolicy(event.route.id)
	};
	try {
		for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
	} catch {
		// A response passed through from fetch has immutable headers: copy it to add ours.
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
		return copy;
	}
	return response;
};
