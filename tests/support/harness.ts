// A disposable embedded Supabase for a test run: fresh PGlite folder (or a fresh database on the
// PostgreSQL in DATABASE_URL when TEST_DB=postgres), served over real HTTP, with its own mailbox.
// It also serves POST /__test/sql, which runs SQL as the database owner for fixtures and catalog
// checks, and GET /__test/recoveries, the database reopens so far (tests/integration/resilience-*);
// those endpoints exist only in this harness, never in the app.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLimitedBody } from '../../src/lib/server/embedded/body-limit.ts';
import { guardedApi } from '../../src/lib/server/embedded/auth-front.ts';
import { rpcSignaturesOf } from '../../src/lib/server/embedded/rpc-arguments.ts';
import { CODE_LIMITS } from '../../src/lib/server/embedded/code-limit.ts';
import { SIGN_IN_LIMITS, SignInLimiter } from '../../src/lib/server/embedded/sign-in-limit.ts';
import { SqlAttemptStore, type ServiceRpc } from '../../src/lib/server/embedded/attempt-store.ts';
import { superviseLite, type SupervisedLite } from '../../src/lib/server/embedded/health.ts';
import { startLite } from '../../src/lib/server/embedded/lite.ts';
import { printDatabaseError } from '../../src/lib/server/embedded/db-error-log.ts';
import { seedReferenceData } from '../../src/lib/server/embedded/seed.ts';
import { startMailbox } from '../../scripts/lib/mailbox.ts';
import { newKeys } from '../../scripts/lib/env.ts';
import { freshDatabase } from '../../scripts/lib/fresh-database.ts';

export interface Harness {
	url: string;
	publishableKey: string;
	secretKey: string;
	mailboxUrl: string;
	/** The mailbox's SMTP port, for tests that send the app's own mails. */
	smtpPort: number;
	driver: 'pglite' | 'postgres';
	/** The PostgreSQL database of this run (postgres mode only). */
	databaseUrl: string | null;
	/** Reopens the database by itself when it stops answering, as the app's instance does. */
	lite: SupervisedLite;
	stop: () => Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * The client address for the sign-in limit. The harness stands in for an app behind one trusted
 * proxy (adapter-node's ADDRESS_HEADER=X-Forwarded-For, XFF_DEPTH=1): the last X-Forwarded-For
 * entry, else the socket's. Tests give each scenario its own address, so the many sign-ins of a
 * test run from 127.0.0.1 never reach the per-address limit.
 */
function clientAddress(req: IncomingMessage): string | null {
	const forwarded = req.headers['x-forwarded-for'];
	const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
		.split(',')
		.at(-1)
		?.trim();
	return last || req.socket.remoteAddress || null;
}

export async function startHarness(
	opts: { siteUrl?: string; driver?: 'pglite' | 'postgres' } = {}
): Promise<Harness> {
	const mailbox = await startMailbox();
	const keys = newKeys();
	const usePostgres =
		(opts.driver ?? (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite')) === 'postgres';
	if (usePostgres && !process.env.DATABASE_URL) {
		throw new Error('TEST_DB=postgres needs DATABASE_URL (a PostgreSQL 15 server).');
	}
	const pg = usePostgres
		? await freshDatabase(process.env.DATABASE_URL as string, 'test', {
				durable: false
			})
		: null;
	const dataDir = pg ? undefined : await mkdtemp(path.join(tmpdir(), 'buurtkracht-pglite-'));

	const server = createServer();
	// Idle connections are closed by the client only. With a server-side keep-alive timeout, a
	// blocked event loop (PGlite runs in this process) let the server close a socket the client
	// was already reusing: "fetch failed: other side closed" in tests under load.
	server.keepAliveTimeout = 0;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const lite = await superviseLite({
		start: () =>
			startLite({
				databaseUrl: pg?.url,
				dataDir,
				env: { ...keys, PUBLIC_SUPABASE_URL: opts.siteUrl ?? url },
				smtp: { host: '127.0.0.1', port: mailbox.smtpPort },
				// Refusals are what most tests expect; TEST_DB_ERRORS=1 prints them (one line each).
				onDatabaseError: process.env.TEST_DB_ERRORS ? printDatabaseError : () => {}
			})
	});
	await seedReferenceData(lite);

	// Password sign-ins and codes are limited as in the app: counted in this run's database
	// through the service role, so each harness starts clean.
	const rpc: ServiceRpc = async (name, args) => {
		const response = await lite.fetch(
			new Request(`${url}/rest/v1/rpc/${name}`, {
				method: 'POST',
				headers: { apikey: keys.SUPABASE_SECRET_KEY, 'content-type': 'application/json' },
				body: JSON.stringify(args)
			})
		);
		const text = await response.text();
		if (!response.ok)
			return { data: null, error: { message: text, code: String(response.status) } };
		return { data: text ? JSON.parse(text) : null, error: null };
	};
	const store = new SqlAttemptStore(rpc, keys.SUPABASE_SECRET_KEY);
	const signIns = new SignInLimiter(SIGN_IN_LIMITS, { bucket: 'sign_in', store });
	const codes = new SignInLimiter(CODE_LIMITS, { bucket: 'code', store });

	server.on('request', async (req, res) => {
		try {
			if (req.url === '/__test/sql' && req.method === 'POST') {
				const result = await lite.exec((await body(req)).toString('utf8'));
				res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result.rows));
				return;
			}
			if (req.url === '/__test/recoveries') {
				res
					.writeHead(200, { 'content-type': 'application/json' })
					.end(JSON.stringify(lite.recoveries));
				return;
			}
			const target = new URL(req.url ?? '/', url);
			let payload: Uint8Array | undefined;
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				const limited = await readLimitedBody(target.pathname, req.headers['content-length'], req);
				if (!limited.ok) {
					const refusal = limited.response;
					// Read what the client is still sending before answering: closing on an unread
					// upload resets the connection, and the client sees "fetch failed" instead of 413.
					for await (const chunk of req) void chunk;
					res.writeHead(refusal.status, Object.fromEntries(refusal.headers));
					res.end(Buffer.from(await refusal.arrayBuffer()));
					return;
				}
				payload = limited.body;
			}
			const headers = new Headers();
			for (const [k, v] of Object.entries(req.headers)) {
				if (typeof v === 'string') headers.set(k, v);
				else if (Array.isArray(v)) for (const item of v) headers.append(k, item);
			}
			const response = await guardedApi(
				new Request(target, { method: req.method, headers, body: payload as BodyInit | undefined }),
				clientAddress(req),
				(request) => lite.fetch(request, { peerAddress: req.socket.remoteAddress ?? null }),
				{ signIns, codes, rpc: await rpcSignaturesOf(lite) }
			);
			res.writeHead(response.status, Object.fromEntries(response.headers));
			res.end(Buffer.from(await response.arrayBuffer()));
		} catch (error) {
			res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
		}
	});

	return {
		url,
		...{
			publishableKey: keys.PUBLIC_SUPABASE_PUBLISHABLE_KEY,
			secretKey: keys.SUPABASE_SECRET_KEY
		},
		mailboxUrl: mailbox.url,
		smtpPort: mailbox.smtpPort,
		driver: lite.driver,
		databaseUrl: pg?.url ?? null,
		lite,
		stop: async () => {
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await lite.close();
			await mailbox.close();
			if (dataDir) await rm(dataDir, { recursive: true, force: true });
			await pg?.drop();
		}
	};
}
