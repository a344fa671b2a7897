// Public pages at a city's peak (issue 19, point 7). Anonymous GETs of the public pages and feeds
// are answered with a Cache-Control that lets a proxy or CDN carry them, and each app server keeps
// them in memory per municipality and URL, so most visits never reach the database. Never cached,
// never served from the cache: a request with any cookie (a signed-in visitor, or one who is
// signing in), a response that sets a cookie or says private or no-store, anything but a 200.
//
// Shared invalidation through the database: every write to a table the public pages show bumps
// its municipality's version (public.public_cache_versions, deferred triggers, schema file
// 90_platform_public_cache.sql). A server serves a stored page only while the versions it read
// at most VERSION_CHECK_MS ago still match the one the page was made under, and at most
// PUBLIC_CACHE_MS after it was made; it reads the versions at most once per VERSION_CHECK_MS
// (one query a second, whatever the traffic). So a board member's new activity is on every
// server's map within about a second; a write on this server (a form action, or a write through
// the embedded API) drops this server's entries at once. Without the versions (no secret key,
// database unreachable) nothing is served from the cache.
// The CSP nonce of a stored page is replaced by a fresh one on every hit, so no two visitors
// share a nonce.
import { randomBytes } from 'node:crypto';
import type { Handle } from '@sveltejs/kit/hooks';
import { PUBLIC_CACHE_MS } from '$app/env/private';
import { adminClient } from '../admin';
import { embeddedEnabled, embeddedSupabase } from '../embedded/instance';
import { log } from './log';

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
	'/(public)/mantelzorg/winkels',
	// Open data: the figures cover ended months only, counted from the monitor's facts (cheques,
	// redemptions, matches, registrations). Those tables bump no version on purpose: a redemption
	// would drop every public page of its municipality, several times a second at a busy counter.
	// What can still change an ended month (an undo just after midnight on the 1st, an erasure)
	// shows within the entry's lifetime (PUBLIC_CACHE_MS, 30 s), while the files themselves tell
	// browsers they may keep them for an hour. The page, the GeoJSON (buurthuizen, with triggers)
	// and the data package follow the tables of the other pages.
	'/(public)/open-data',
	'/(public)/open-data/buurthuizen.geojson',
	'/(public)/open-data/cijfers-[jaar].csv',
	'/(public)/open-data/cijfers-[jaar].json',
	'/(public)/open-data/datapackage.json'
]);

/** How long a proxy or CDN may keep an anonymous public page, and serve it while refetching. */
const SHARED_CACHE = 's-maxage=10, stale-while-revalidate=30';
/** What a proxy or CDN may do with an anonymous public page. */
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, ${SHARED_CACHE}`;

/**
 * The Cache-Control of a cacheable anonymous answer: a route's own public lifetime for browsers
 * (the open-data files: an hour) stays, and shared caches get ours unless the route set one.
 */
export function publicCacheControl(own: string): string {
	if (!/\bpublic\b/.test(own)) return PUBLIC_CACHE_CONTROL;
	return /s-maxage/.test(own) ? own : `${own}, ${SHARED_CACHE}`;
}
const PERSONAL_CACHE_CONTROL = 'private, no-store';
const MAX_ENTRIES = 1_000;

interface Entry {
	status: number;
	headers: [string, string][];
	/** The page cut at its CSP nonce (one part when it has none). */
	/**
	 * The page's UTF-8 bytes, cut at its CSP nonce (one part when it has none). Bytes, not a string:
	 * a Response made from a 40 kB string converts and encodes it on every hit, which was about
	 * half of a hit's CPU (node --cpu-prof, README "Public pages at a city's peak").
	 */
	parts: Uint8Array<ArrayBuffer>[];
	nonce: string | null;
	storedAt: number;
	municipalityId: string;
	/** The municipality's public version the page was made under. */
	version: number;
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

/** How old the versions may be when a stored page is served. */
export const VERSION_CHECK_MS = 1_000;
let versions = new Map<string, number>();
let versionsReadAt = Number.NEGATIVE_INFINITY;
let reading: Promise<Map<string, number> | null> | null = null;

async function readVersions(): Promise<Map<string, number> | null> {
	try {
		if (embeddedEnabled()) await embeddedSupabase();
		const client = adminClient();
		if (!client) return null;
		const startedAt = performance.now();
		const { data, error } = await client.rpc('public_cache_state');
		if (error || !data || typeof data !== 'object') {
			log.warn({ err: error?.message }, 'public cache: versions unavailable');
			return null;
		}
		versions = new Map(Object.entries(data as Record<string, number>));
		versionsReadAt = startedAt;
		return versions;
	} catch (err) {
		log.warn({ err: (err as Error).message }, 'public cache: versions unavailable');
		return null;
	}
}

/** The public versions, read at most VERSION_CHECK_MS ago (one read at a time); null: unknown. */
async function currentVersions(): Promise<Map<string, number> | null> {
	if (performance.now() - versionsReadAt < VERSION_CHECK_MS) return versions;
	reading ??= readVersions().finally(() => {
		reading = null;
	});
	return reading;
}

const NONCE = /'nonce-([A-Za-z0-9+/=_-]+)'/;
const encoder = new TextEncoder();

/** The parts with `glue` between each two, as one byte array. */
function joinBytes(parts: Uint8Array<ArrayBuffer>[], glue: Uint8Array): Uint8Array<ArrayBuffer> {
	const size = parts.reduce((sum, part) => sum + part.length, glue.length * (parts.length - 1));
	const out = new Uint8Array(size);
	let at = 0;
	parts.forEach((part, i) => {
		if (i > 0) {
			out.set(glue, at);
			at += glue.length;
		}
		out.set(part, at);
		at += part.length;
	});
	return out;
}

/** A stored response with a fresh CSP nonce in its header and body. */
function serve(entry: Entry): Response {
	const headers = new Headers(entry.headers);
	let body: Uint8Array<ArrayBuffer> = entry.parts[0]!;
	if (entry.nonce) {
		const fresh = randomBytes(16).toString('base64');
		body = joinBytes(entry.parts, Buffer.from(fresh, 'latin1'));
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
	const municipalityId = event.locals.municipality.id;
	const key = `${municipalityId} ${event.url.pathname}${event.url.search}`;
	const ttl = PUBLIC_CACHE_MS;
	const known = ttl > 0 ? await currentVersions() : null;
	// Read before the page is made: a write that commits meanwhile has a newer version.
	const version = known?.get(municipalityId) ?? 0;
	const hit = known ? entries.get(key) : undefined;
	if (hit && hit.version === version && performance.now() - hit.storedAt < ttl) {
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
	response.headers.set('cache-control', publicCacheControl(control));
	// A CDN must not hand the anonymous copy to a visitor who has a session.
	response.headers.set('vary', 'cookie');
	if (!known || request.method !== 'GET') return response;
	const body = await response.text();
	const headers = [...response.headers].filter(
		([name]) => name !== 'x-request-id' && name !== 'server-timing'
	);
	const csp = response.headers.get('content-security-policy') ?? '';
	const nonce = NONCE.exec(csp)?.[1] ?? null;
	if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
	entries.delete(key);
	entries.set(key, {
		status: 200,
		headers,
		parts: (nonce ? body.split(nonce) : [body]).map((part) => encoder.encode(part)),
		nonce,
		storedAt: performance.now(),
		municipalityId,
		version
	});
	cacheStats.stored++;
	return new Response(body, { status: 200, headers: response.headers });
};
