// The hosted-mode stack: the app as a municipality runs it, on this machine. It follows the
// README's "Running against a hosted Supabase project" step by step, with local stand-ins:
//   1. the project: a fresh database on the PostgreSQL in DATABASE_URL, new keys, and
//      @supabase/lite's own HTTP server (`lite start --no-admin`) in a separate process on it,
//      the stand-in for https://<ref>.supabase.co (the app reaches it only by URL and keys);
//   2. the schema: `lite migration up` (for `supabase db push`), then `psql -f supabase/seed.sql`;
//   3. auth mail: our templates, the Site URL of the app, and SMTP to the local mailbox over
//      STARTTLS with a certificate made for this run (the auth server demands TLS, as a relay does);
//   4. two app servers from the production build (`node build`, SUPABASE_EMBEDDED=false) with the
//      publishable and secret keys, SMTP and ORIGIN, behind a round-robin proxy on loopback that
//      sets X-Forwarded-For/-Proto (ADDRESS_HEADER, XFF_DEPTH=1, PROTOCOL_HEADER).
// Demo accounts and demo content are then added through the sign-up API and SQL, for the browser
// tests only (README: demo accounts are for local use).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { createClient } from '@supabase/supabase-js';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import { startMailbox, type Mailbox } from './mailbox.ts';
import { newKeys } from './env.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.ts';
import {
	seedDemoAccounts,
	seedDemoContent,
	seedDemoMunicipalities,
	seedReferenceData
} from '../../src/lib/server/embedded/seed.ts';
import { execOver } from './sql-exec.ts';
import { freshDatabase } from './fresh-database.ts';
import type { Lite } from '../../src/lib/server/embedded/lite.ts';

const run = promisify(execFile);

export interface HostedPorts {
	proxy: number;
	api: number;
	apps: number[];
	smtp: number;
	mailbox: number;
}

export interface AppServer {
	index: number;
	url: string;
	logFile: string;
	pid: () => number | undefined;
	/** Starts the server and waits until /readyz answers 200. */
	start: () => Promise<void>;
	/** Sends a signal and resolves with the exit code (null when killed by the signal). */
	stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export interface HostedStack {
	dir: string;
	proxy: RoundRobinProxy;
	apiUrl: string;
	/** The API server's process id (bench:scale reads its CPU time). */
	apiPid: number | undefined;
	mailbox: Mailbox;
	databaseUrl: string;
	keys: ReturnType<typeof newKeys>;
	apps: AppServer[];
	logFiles: string[];
	stop: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string, what: string, timeoutMs: number, headers = {}) {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		try {
			const res = await fetch(url, { headers });
			if (res.ok) return;
			last = `${res.status} ${await res.text()}`;
		} catch (error) {
			last = String(error);
		}
		await sleep(250);
	}
	throw new Error(`${what} did not become ready at ${url}: ${last}`);
}

/** A certificate for 127.0.0.1, valid one day: the mailbox's STARTTLS, trusted by the children. */
async function makeCertificate(dir: string) {
	const key = path.join(dir, 'smtp-key.pem');
	const cert = path.join(dir, 'smtp-cert.pem');
	await run('openssl', [
		'req',
		'-x509',
		'-newkey',
		'rsa:2048',
		'-nodes',
		'-days',
		'1',
		'-keyout',
		key,
		'-out',
		cert,
		'-subj',
		'/CN=127.0.0.1',
		'-addext',
		'subjectAltName=IP:127.0.0.1'
	]);
	return { key, cert };
}

/** supabase/config.toml with this project's database, port, site URL and SMTP. */
async function writeLiteConfig(
	root: string,
	dir: string,
	o: {
		databaseUrl: string;
		apiPort: number;
		siteUrl: string;
		smtpPort: number;
	}
) {
	const config = parseToml(
		await readFile(path.join(root, 'supabase', 'config.toml'), 'utf8')
	) as Record<string, Record<string, unknown>>;
	config.db = { driver: 'postgres', url: o.databaseUrl };
	config.api = { ...config.api, port: o.apiPort };
	const auth = config.auth as Record<string, unknown> & { email: Record<string, unknown> };
	auth.site_url = o.siteUrl;
	const templates = auth.email.template as Record<string, { content_path?: string }>;
	for (const t of Object.values(templates)) {
		if (t.content_path) t.content_path = path.resolve(root, t.content_path);
	}
	auth.email.smtp = {
		enabled: true,
		host: '127.0.0.1',
		port: o.smtpPort,
		user: 'buurtkracht',
		pass: 'local-mailbox',
		admin_email: 'noreply@buurtkracht.localhost',
		sender_name: 'Buurtkracht'
	};
	const file = path.join(dir, 'config.toml');
	await writeFile(file, stringifyToml(config));
	return file;
}

function spawnLogged(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	logFile: string,
	cwd: string
) {
	const out = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout?.pipe(out, { end: false });
	child.stderr?.pipe(out, { end: false });
	return child;
}

export async function startHostedStack(opts: {
	root?: string;
	baseDatabaseUrl: string;
	ports: HostedPorts;
	appEnv?: Record<string, string>;
}): Promise<HostedStack> {
	const root = opts.root ?? process.cwd();
	const dir = await mkdtemp(path.join(tmpdir(), 'buurtkracht-hosted-'));
	const cleanups: (() => Promise<void>)[] = [];
	const stop = async () => {
		for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	};
	try {
		const proxyUrl = `http://127.0.0.1:${opts.ports.proxy}`;
		const apiUrl = `http://127.0.0.1:${opts.ports.api}`;
		const tls = await makeCertificate(dir);
		const mailbox = await startMailbox({
			smtpPort: opts.ports.smtp,
			httpPort: opts.ports.mailbox,
			tls: { key: await readFile(tls.key), cert: await readFile(tls.cert) }
		});
		cleanups.push(() => mailbox.close());

		// 1. The project: a database and keys.
		const db = await freshDatabase(opts.baseDatabaseUrl, 'hosted');
		cleanups.push(() => db.drop());
		const keys = newKeys();
		const baseEnv = {
			...process.env,
			...keys,
			LITE_TELEMETRY: '0',
			DO_NOT_TRACK: '1',
			NODE_EXTRA_CA_CERTS: tls.cert
		};
		const config = await writeLiteConfig(root, dir, {
			databaseUrl: db.url,
			apiPort: opts.ports.api,
			siteUrl: proxyUrl,
			smtpPort: mailbox.smtpPort
		});
		const lite = path.join(root, 'node_modules', '@supabase', 'lite', 'dist', 'cli', 'index.js');

		// 2. The schema (`supabase db push`) and the reference data (`npm run db:seed`).
		await run(process.execPath, [lite, 'migration', 'up', '--config', config], {
			cwd: root,
			env: baseEnv
		});
		// `npm run db:seed`'s step: the municipality's folder, then supabase/seed.sql.
		const sql = postgres(db.url, { max: 1, onnotice: () => {} });
		cleanups.push(() => sql.end());
		await seedReferenceData(execOver(sql) as Lite, root);

		// The API server, admin mode off.
		const liteLog = path.join(dir, 'api.log');
		const api = spawnLogged(
			process.execPath,
			[lite, 'start', '--no-admin', '--config', config],
			baseEnv,
			liteLog,
			root
		);
		cleanups.push(async () => {
			await stopChild(api, 'SIGTERM');
		});
		await waitFor(`${apiUrl}/rest/v1/districts?select=id&limit=1`, 'the API server', 60_000, {
			apikey: keys.PUBLIC_SUPABASE_PUBLISHABLE_KEY
		});
		// The first requests with an RLS context make lite grant table access; settle it once
		// (README, Known differences: lazy grants race on PostgreSQL).
		await fetch(`${apiUrl}/rest/v1/rpc/has_role`, {
			method: 'POST',
			headers: { apikey: keys.PUBLIC_SUPABASE_PUBLISHABLE_KEY, 'content-type': 'application/json' },
			body: JSON.stringify({ p_role: 'municipality_admin' })
		});

		// Demo accounts and content, for the browser tests.
		const demo = {
			...execOver(sql),
			app: {
				getClient: () =>
					createClient(apiUrl, keys.PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
						auth: { persistSession: false, autoRefreshToken: false }
					})
			}
		} as unknown as Lite;
		await seedDemoAccounts(demo);
		await seedDemoContent(demo, root);
		// Dordrecht and Zwolle, as `npm start` seeds them (issue 18's demo data).
		await seedDemoMunicipalities(demo, root);

		// 4. Two app servers from the production build, behind the proxy.
		const appEnv = {
			...baseEnv,
			SUPABASE_EMBEDDED: 'false',
			PUBLIC_SUPABASE_URL: apiUrl,
			PUBLIC_SUPABASE_PUBLISHABLE_KEY: keys.PUBLIC_SUPABASE_PUBLISHABLE_KEY,
			SUPABASE_SECRET_KEY: keys.SUPABASE_SECRET_KEY,
			SUPABASE_JWT_SECRET: '',
			ORIGIN: proxyUrl,
			SMTP_HOST: '127.0.0.1',
			SMTP_PORT: String(mailbox.smtpPort),
			HOST: '127.0.0.1',
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			PROTOCOL_HEADER: 'x-forwarded-proto',
			SHUTDOWN_TIMEOUT: '20',
			DATABASE_URL: '',
			...opts.appEnv
		};
		const apps = opts.ports.apps.map((port, index) =>
			appServer(index, port, root, appEnv, path.join(dir, `app-${index + 1}.log`))
		);
		cleanups.push(async () => {
			await Promise.all(apps.map((a) => a.stop('SIGTERM')));
		});
		await Promise.all(apps.map((a) => a.start()));
		const proxy = await startRoundRobinProxy(
			apps.map((a) => a.url),
			{ port: opts.ports.proxy }
		);
		cleanups.push(() => proxy.close());

		return {
			dir,
			proxy,
			apiUrl,
			apiPid: api.pid,
			mailbox,
			databaseUrl: db.url,
			keys,
			apps,
			logFiles: apps.map((a) => a.logFile),
			stop
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => {
		child.once('exit', (code) => resolve(code));
		child.kill(signal);
	});
}

function appServer(
	index: number,
	port: number,
	root: string,
	env: NodeJS.ProcessEnv,
	logFile: string
): AppServer {
	let child: ChildProcess | null = null;
	const url = `http://127.0.0.1:${port}`;
	return {
		index,
		url,
		logFile,
		pid: () => child?.pid,
		start: async () => {
			child = spawnLogged(
				process.execPath,
				['build'],
				{ ...env, PORT: String(port) },
				logFile,
				root
			);
			await waitFor(`${url}/readyz`, `app server ${index + 1}`, 60_000);
		},
		stop: async (signal = 'SIGTERM') => (child ? stopChild(child, signal) : null)
	};
}
