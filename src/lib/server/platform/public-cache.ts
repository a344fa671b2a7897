// Public pages at a city's peak (issue 19, point 7). Anonymous GETs of the public pages and feeds
// are answered with a Cache-Control that lets a proxy or CDN carry them, and this server keeps
// them in memory for PUBLIC_CACHE_MS (default 5 s) per municipality and URL, so most visits never
// reach the database. Never cached, never served from the cache: a request with any cookie (a
// signed-in visitor, or one who is signing in), a response that sets a cookie or says private or
// no-store, anything but a 200. A write on this server (a form action, or a write through the
// embedded API) drops the cache at once; on other servers an entry lives at most PUBLIC_CACHE_MS,
// which bounds how late a board member's new activity shows on the map.
// The CSP nonce of a stored page is replaced by a fresh one on every hit, so no two visitors
// share a nonce.
import { randomBytes } from 'node:crypto';
import type { Handle } from '@sveltejs/kit/hooks';
import { PUBLIC_CACHE_MS } from '$app/env/private';

/** Route ids whose anonymous GETs are the same for every visitor of one municipality. */
export const CACHEABLE_ROUTES: ReadonlySet<string> = new Set([
	'/(public)/hulp',
	'/(public)/buurthuizen',
	'/(public)/buurthuizen/[slug]',
	'/(public)/buurthuizen/[slug]/week',
	'/(public)/buurthuizen/wijk/[slug]',
	'/(public)/buurthuizen/activiteit/[id=uuid]',
	'/(public)/buurthuizen/agenda.ics',
	'/(public)/buurthuizen/[slug]/agenda.ics',
	'/(public)/buurthuizen/wijk/[slug]/agenda.ics',
	'/(public)/mantelzorg/winkels'
]);

/** What a proxy or CDN may do with an anonymous public page. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=10, stale-while-revalidate=30';
const PERSONAL_CACHE_CONTROL = 'private, no-store';
const MAX_ENTRIES = 1_000;

interface Entry {
	status: number;
	headers: [string, string][];
	body: string;
	nonce: string | null;
	storedAt: number;
	municipalityId: string;
}

const entries = new Map<string, Entry>();
export const cacheStats = { hits: 0, misses: 0, stored: 0, dropped: 0 };

/** Drops every entry (of one municipality, when given): its public rows may have changed. */
export function dropPublicCache(municipalityId?: string): void {
	for (const [key, entry] of entries) {
		if (!municipalityId || entry.municipalityId === municipalityId) {
			entries.delete(key);
			cacheStats.dropped++;
		}
	}
}

const NONCE = /'nonce-([A-Za-z0-9+/=_-]+)'/;

/** A stored response with a fresh CSP nonce in its header and body. */
function serve(entry: Entry): Response {
	const headers = new Headers(entry.headers);
	let body = entry.body;
	if (entry.nonce) {
		const fresh = randomBytes(16).toString('base64');
		body = body.replaceAll(entry.nonce, fresh);
		for (const name of ['content-security-policy', 'content-security-policy-report-only']) {
			const value = headers.get(name);
			if (value) headers.set(name, value.replaceAll(entry.nonce, fresh));
		}
	}
	headers.set('x-cache', 'hit');
	return new Response(body, { status: entry.status, headers });
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

export const publicCache: Handle = async ({ event, resolve }) => {
	const { request } = event;
	if (!isRead(request.method)) {
		const response = await resolve(event);
		if (response.status < 400) dropPublicCache(event.locals.municipality?.id);
		return response;
	}
	if (!event.route.id || !CACHEABLE_ROUTES.has(event.route.id)) return resolve(event);
	if (request.headers.has('cookie') || request.headers.has('authorization')) {
		const response = await resolve(event);
		// Someone with a session sees their own header: never for a shared cache.
		if (!response.headers.has('cache-control')) {
			response.headers.set('cache-control', PERSONAL_CACHE_CONTROL);
		}
		response.headers.set('vary', 'cookie');
		return response;
	}
	const key = `${event.locals.municipality.id} ${event.url.pathname}${event.url.search}`;
	const ttl = PUBLIC_CACHE_MS;
	const hit = ttl > 0 ? entries.get(key) : undefined;
	if (hit && performance.now() - hit.storedAt < ttl) {
		cacheStats.hits++;
		return serve(hit);
	}
	cacheStats.misses++;
	const response = await resolve(event);
	const control = response.headers.get('cache-control') ?? '';
	if (
		response.status !== 200 ||
		response.headers.has('set-cookie') ||
		/private|no-store/.test(control)
	) {
		return response;
	}
	response.headers.set('cache-control', PUBLIC_CACHE_CONTROL);
	// A CDN must not hand the anonymous copy to a visitor who has a session.
	response.headers.set('vary', 'cookie');
	if (ttl <= 0 || request.method !== 'GET') return response;
	const body = await response.text();
	const headers = [...response.headers].filter(
		([name]) => name !== 'x-request-id' && name !== 'server-timing'
	);
	const csp = response.headers.get('content-security-policy') ?? '';
	if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
	entries.delete(key);
	entries.set(key, {
		status: 200,
		headers,
		body,
		nonce: NONCE.exec(csp)?.[1] ?? null,
		storedAt: performance.now(),
		municipalityId: event.locals.municipality.id
	});
	cacheStats.stored++;
	return new Response(body, { status: 200, headers: response.headers });
};
