// A throwaway embedded Supabase for benchmarks: fresh PGlite folder or fresh PostgreSQL database,
// migrated and seeded, one confirmed user with a role, served in-process and over loopback HTTP.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startLite, type Lite } from '../../src/lib/server/embedded/lite.ts';
import { seedReferenceData } from '../../src/lib/server/embedded/seed.ts';
import { newKeys } from '../../scripts/lib/env.ts';
import { quietly } from './quiet.ts';

export type Mode = 'pglite' | 'postgres';

/** Runs one statement as the signed-in user, the way the Data API would: role and claims set locally. */
export type DriverQuery = (sql: string, params: unknown[]) => Promise<unknown>;

export interface Stack {
	mode: Mode;
	lite: Lite;
	/** Loopback HTTP origin of the node:http server around app.fetch. */
	url: string;
	publishableKey: string;
	accessToken: string;
	userId: string;
	municipalityId: string;
	districtId: string;
	driverQuery: DriverQuery;
	close: () => Promise<void>;
}

const ZAANSTAD = '00000000-0000-4000-8000-000000000001';
export const PASSWORD = 'Bench-wachtwoord-123';

interface PgliteTx {
	exec(sql: string): Promise<unknown>;
	query(sql: string, params?: unknown[]): Promise<unknown>;
}
interface PgliteLike {
	transaction<T>(fn: (tx: PgliteTx) => Promise<T>): Promise<T>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** The same request bridge as tests/support/harness.ts, without its SQL endpoint. */
function serve(lite: Lite, server: Server, origin: string) {
	server.on('request', async (req, res) => {
		try {
			const payload = req.method === 'GET' || req.method === 'HEAD' ? undefined : await body(req);
			const headers = new Headers();
			for (const [k, v] of Object.entries(req.headers)) {
				if (typeof v === 'string') headers.set(k, v);
				else if (Array.isArray(v)) for (const item of v) headers.append(k, item);
			}
			const response = await lite.app.fetch(
				new Request(new URL(req.url ?? '/', origin), {
					method: req.method,
					headers,
					body: payload as BodyInit | undefined
				}),
				{ peerAddress: req.socket.remoteAddress ?? null }
			);
			res.writeHead(response.status, Object.fromEntries(response.headers));
			res.end(Buffer.from(await response.arrayBuffer()));
		} catch (error) {
			res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
		}
	});
}

async function json(response: Response): Promise<Record<string, unknown>> {
	const data = (await response.json()) as Record<string, unknown>;
	if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(data)}`);
	return data;
}

const apiHeaders = (publishableKey: string) => ({
	apikey: publishableKey,
	'content-type': 'application/json'
});

/** A confirmed account with the bench password (sign-up through /auth/v1, confirmed in SQL). */
export async function addAccount(
	stack: Pick<Stack, 'lite' | 'url' | 'publishableKey'>,
	displayName: string
): Promise<{ userId: string; email: string }> {
	const email = `bench-${Date.now()}-${crypto.randomUUID().slice(0, 8)}@buurtkracht.example`;
	const signUp = await json(
		await stack.lite.fetch(
			new Request(`${stack.url}/auth/v1/signup`, {
				method: 'POST',
				headers: apiHeaders(stack.publishableKey),
				body: JSON.stringify({ email, password: PASSWORD, data: { display_name: displayName } })
			})
		)
	);
	const userId = String((signUp.user as { id?: string } | undefined)?.id ?? signUp.id);
	await stack.lite.exec(`update auth.users set email_confirmed_at = now() where id = '${userId}'`);
	return { userId, email };
}

async function signedInUser(lite: Lite, url: string, publishableKey: string) {
	const { userId, email } = await addAccount({ lite, url, publishableKey }, 'Bea Bench');
	// A role, so has_role and the viewer's memberships have a row to find.
	await lite.exec(
		`insert into public.memberships (user_id, municipality_id, role) values ('${userId}', '${ZAANSTAD}', 'coordinator')`
	);
	const token = await json(
		await lite.fetch(
			new Request(`${url}/auth/v1/token?grant_type=password`, {
				method: 'POST',
				headers: apiHeaders(publishableKey),
				body: JSON.stringify({ email, password: PASSWORD })
			})
		)
	);
	return { userId, accessToken: String(token.access_token) };
}

function claimsOf(jwt: string): string {
	const payload = jwt.split('.')[1] ?? '';
	return Buffer.from(payload, 'base64url').toString('utf8');
}

export async function startStack(mode: Mode): Promise<Stack> {
	const keys = newKeys();
	// Undone in reverse order on close, or as far as it got when starting fails.
	const cleanups: (() => Promise<unknown>)[] = [];
	const close = async () => {
		for (const cleanup of cleanups.reverse()) await cleanup();
	};
	try {
		let databaseUrl: string | undefined;
		let dataDir: string | undefined;
		if (mode === 'postgres') {
			const base = process.env.DATABASE_URL;
			if (!base) throw new Error('PostgreSQL mode needs DATABASE_URL');
			const name = `buurtkracht_bench_${process.pid}_${Date.now()}`;
			const admin = postgres(base, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${name}`);
			cleanups.push(async () => {
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
			});
			const url = new URL(base);
			url.pathname = `/${name}`;
			databaseUrl = url.toString();
		} else {
			const dir = await mkdtemp(path.join(tmpdir(), 'buurtkracht-bench-'));
			cleanups.push(() => rm(dir, { recursive: true, force: true }));
			dataDir = dir;
		}

		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		cleanups.push(() => new Promise((resolve) => server.close(resolve)));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

		const lite = await startLite({
			databaseUrl,
			dataDir,
			env: { ...keys, PUBLIC_SUPABASE_URL: url }
		});
		cleanups.push(() => lite.close());
		await seedReferenceData(lite);
		serve(lite, server, url);

		const publishableKey = keys.PUBLIC_SUPABASE_PUBLISHABLE_KEY;
		// Without a mailbox, lite prints the confirmation mail; the bench confirms in SQL instead.
		const { userId, accessToken } = await quietly(() => signedInUser(lite, url, publishableKey));
		const { rows } = await lite.exec(
			`select d.id from public.districts d
			 where exists (select 1 from public.community_centres c where c.district_id = d.id)
			 order by d.name limit 1`
		);
		const claims = claimsOf(accessToken);

		let driverQuery: DriverQuery;
		if (mode === 'pglite') {
			const db = (lite.app.connection as unknown as { driver: PgliteLike }).driver;
			driverQuery = (sql, params) =>
				db.transaction(async (tx) => {
					await tx.exec('set local role authenticated');
					await tx.query(`select set_config('request.jwt.claims', $1, true)`, [claims]);
					return tx.query(sql, params);
				});
		} else {
			// Our own pool, sized for the highest concurrency we measure.
			const sql = postgres(databaseUrl as string, { max: 16, onnotice: () => {} });
			cleanups.push(() => sql.end());
			driverQuery = (query, params) =>
				sql.begin(async (tx) => {
					await tx.unsafe('set local role authenticated');
					await tx.unsafe(`select set_config('request.jwt.claims', $1, true)`, [claims]);
					return tx.unsafe(query, params as postgres.ParameterOrJSON<never>[]);
				});
		}

		return {
			mode,
			lite,
			url,
			publishableKey,
			accessToken,
			userId,
			municipalityId: ZAANSTAD,
			districtId: String(rows[0]?.id),
			driverQuery,
			close
		};
	} catch (error) {
		await close();
		throw error;
	}
}
