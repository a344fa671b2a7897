// Health endpoints for a load balancer or supervisor, answered before every other handle: no
// session, no CSP nonce, no guard, no request log line, nothing personal.
//   GET /healthz  the process is up and serving (200 "ok")
//   GET /readyz   the database answers and its migrations are at least the ones this build was
//                 made with (200), otherwise 503 with a short reason. A server that is shutting
//                 down answers 503 too, so the balancer stops sending it requests.
import type { Handle } from '@sveltejs/kit/hooks';
import { adminClient } from '../admin';
import { embeddedEnabled, embeddedSupabase } from '../embedded/instance';

declare const __LATEST_MIGRATION__: string;

/** The newest migration this build knows (its timestamp), fixed at build time in vite.config.ts. */
export const EXPECTED_MIGRATION: string =
	typeof __LATEST_MIGRATION__ === 'string' ? __LATEST_MIGRATION__ : '';

const plain = (status: number, body: string) =>
	new Response(`${body}\n`, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});

let shuttingDown = false;
export const markShuttingDown = () => {
	shuttingDown = true;
};

const READY_TIMEOUT_MS = 3_000;

export type Readiness = { ready: true } | { ready: false; reason: string };

export function migrationReadiness(applied: string | null, expected: string): Readiness {
	if (!applied) return { ready: false, reason: 'no migrations applied' };
	// Versions are timestamps of equal length: a database ahead of this build (a newer release
	// is rolling out) still serves this one.
	if (expected && applied < expected) return { ready: false, reason: 'migrations pending' };
	return { ready: true };
}

async function readiness(): Promise<Readiness> {
	if (shuttingDown) return { ready: false, reason: 'shutting down' };
	if (embeddedEnabled()) await embeddedSupabase();
	const client = adminClient();
	if (!client) return { ready: false, reason: 'no secret key' };
	const answer = await Promise.race([
		client.rpc('readiness'),
		new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS).unref())
	]);
	if (!answer) return { ready: false, reason: 'database timeout' };
	if (answer.error) return { ready: false, reason: 'database unavailable' };
	const applied = (answer.data as { migration?: string | null } | null)?.migration ?? null;
	return migrationReadiness(applied, EXPECTED_MIGRATION);
}

export const health: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	if (pathname !== '/healthz' && pathname !== '/readyz') return resolve(event);
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
	}
	if (pathname === '/healthz') return plain(200, 'ok');
	try {
		const state = await readiness();
		return state.ready ? plain(200, 'ready') : plain(503, state.reason);
	} catch {
		return plain(503, 'database unavailable');
	}
};
