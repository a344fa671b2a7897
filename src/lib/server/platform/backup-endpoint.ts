// POST /_ops/backup: a copy of the embedded PGlite database while the app keeps serving, for
// `npm run db:backup` (PGlite allows one process per data folder, so only the app itself can copy
// it while it runs). Only with the secret key, which can read every row anyway; never cached,
// never logged. On PostgreSQL `npm run db:backup` uses pg_dump and this answers 409.
import { timingSafeEqual } from 'node:crypto';
import type { Handle } from '@sveltejs/kit/hooks';
import { SUPABASE_SECRET_KEY } from '$app/env/private';
import { embeddedEnabled, embeddedSupabase } from '../embedded/instance';
import { log } from './log';

export const BACKUP_PATH = '/_ops/backup';

const text = (status: number, body: string) =>
	new Response(`${body}\n`, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});

/** Constant-time comparison of the bearer token with the secret key. */
export function holdsKey(header: string | null, secret: string | undefined): boolean {
	if (!secret || !header?.startsWith('Bearer ')) return false;
	const given = Buffer.from(header.slice('Bearer '.length));
	const expected = Buffer.from(secret);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export const backupEndpoint: Handle = async ({ event, resolve }) => {
	if (event.url.pathname !== BACKUP_PATH) return resolve(event);
	if (event.request.method !== 'POST') {
		return new Response(null, { status: 405, headers: { allow: 'POST' } });
	}
	if (!holdsKey(event.request.headers.get('authorization'), SUPABASE_SECRET_KEY)) {
		return text(401, 'secret key required');
	}
	if (!embeddedEnabled()) return text(409, 'not embedded: back up the database itself');
	const lite = await embeddedSupabase();
	if (lite.driver !== 'pglite' || !lite.dumpDataDir) {
		return text(409, 'PostgreSQL: npm run db:backup uses pg_dump');
	}
	const started = performance.now();
	const archive = await lite.dumpDataDir();
	log.info(
		{ backup: { bytes: archive.size, ms: Math.round(performance.now() - started) } },
		'backup taken'
	);
	return new Response(archive.stream(), {
		headers: {
			'content-type': 'application/gzip',
			'content-length': String(archive.size),
			'cache-control': 'no-store'
		}
	});
};
