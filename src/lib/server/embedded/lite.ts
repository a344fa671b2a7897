// Boots the embedded Supabase (@supabase/lite) from supabase/config.toml, in this process.
// Used by the app server (embedded mode), the scripts and the test setup alike, so it imports only
// packages and relative .ts files: Node runs it directly, without Vite.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { parse as parseToml } from 'smol-toml';
import { App, ConsoleEmailDriver, SmtpEmailDriver } from '@supabase/lite';
import type { AppRequestContext, DefaultAppConfig, EmailDriver } from '@supabase/lite';
import { applyPendingMigrations } from '@supabase/lite/cli';
import { htmlToText } from './mail-text.ts';
import { recipientSiteSql, withMunicipalityLinks, type RecipientSite } from './mail-links.ts';
import { printDatabaseError, routeDatabaseErrors } from './db-error-log.ts';
import type { DatabaseErrorSummary } from './db-error-log.ts';
import { asCaller, gateTransactions, type GatedDatabase } from './transaction-gate.ts';

export interface LiteOptions {
	/** Project root holding supabase/; defaults to the working directory. */
	root?: string;
	/** A PostgreSQL URL: run on that database instead of PGlite. */
	databaseUrl?: string;
	/** PGlite data folder, overriding [db].url in config.toml. */
	dataDir?: string;
	/** Values for env(NAME) references in config.toml. */
	env: Record<string, string | undefined>;
	/** Local SMTP sink for auth mail; without it, mail goes to the console. */
	smtp?: { host: string; port: number };
	/**
	 * Where the database errors lite prints go (db-error-log.ts); the default is one line each,
	 * without the statement's values.
	 */
	onDatabaseError?: (summary: DatabaseErrorSummary) => void;
}

export interface Lite {
	app: App;
	driver: 'pglite' | 'postgres';
	/** The Web-API handler: serves /auth/v1 and /rest/v1 without a network hop. */
	fetch: (request: Request, context?: AppRequestContext) => Promise<Response>;
	/** Runs SQL as the database owner: only for migrations, seeding and maintenance. */
	exec: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;
	/**
	 * PGlite only: a gzipped tar of the data folder taken while the database keeps serving
	 * (npm run db:backup). A checkpoint first, then one synchronous read of the folder, so the copy
	 * is what a crash at that instant would leave, which PostgreSQL's WAL recovery opens cleanly.
	 */
	dumpDataDir?: () => Promise<Blob>;
	close: () => Promise<void>;
}

type Toml = Record<string, unknown>;
type PgliteDump = {
	exec: (sql: string) => Promise<unknown>;
	dumpDataDir: (compression: 'gzip') => Promise<Blob>;
};

function resolveEnvRefs(value: unknown, env: LiteOptions['env']): unknown {
	if (typeof value === 'string') {
		const ref = /^env\((\w+)\)$/.exec(value);
		return ref ? (env[ref[1] as string] ?? '') : value;
	}
	if (Array.isArray(value)) return value.map((v) => resolveEnvRefs(v, env));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveEnvRefs(v, env)]));
	}
	return value;
}

export async function readSupabaseConfig(root: string, env: LiteOptions['env']): Promise<Toml> {
	const raw = parseToml(await readFile(path.join(root, 'supabase', 'config.toml'), 'utf8'));
	const config = resolveEnvRefs(raw, env) as Toml;
	// Template paths are relative to the project root; lite reads them relative to the cwd.
	const templates = (config.auth as Toml | undefined)?.email as Toml | undefined;
	for (const template of Object.values((templates?.template as Toml | undefined) ?? {})) {
		const t = template as Toml;
		if (typeof t.content_path === 'string') t.content_path = path.resolve(root, t.content_path);
	}
	return config;
}

async function connect(config: Toml, options: LiteOptions, root: string) {
	if (options.databaseUrl) {
		const { createPostgresConnection } = await import('@supabase/lite/postgres');
		const connection = await createPostgresConnection({
			url: options.databaseUrl,
			postgresOptions: { onnotice: () => {} }
		});
		return { connection, driver: 'postgres' as const };
	}
	const { createPgliteConnection } = await import('@supabase/lite/pglite');
	const configured = String((config.db as Toml | undefined)?.url ?? './supabase/.temp/pglite');
	const dataDir = options.dataDir ?? path.resolve(root, configured);
	const connection = await createPgliteConnection({ url: dataDir });
	gateTransactions((connection as unknown as { driver: GatedDatabase }).driver);
	return { connection, driver: 'pglite' as const };
}

/**
 * lite cannot template the plain-text part of auth mail: it is always its own English text with a
 * link to /auth/v1/verify. We replace it with the text of our HTML template, so both parts are
 * Dutch and link to /auth/confirm (README, Known differences).
 */
export function withOurTextPart(driver: EmailDriver): EmailDriver {
	return {
		send: (message) =>
			driver.send(message.html ? { ...message, text: htmlToText(message.html) } : message)
	};
}

interface ClosableDriver {
	driver: EmailDriver;
	/** Closes the SMTP connections kept open for the next mail. */
	close: () => void;
}

function emailDriver(
	options: LiteOptions,
	siteUrl: string,
	siteOf: (email: string) => Promise<RecipientSite | null>
): ClosableDriver {
	const base = baseEmailDriver(options);
	// Links first, so the Dutch text part is made from the HTML with the right links.
	return {
		driver: withMunicipalityLinks(withOurTextPart(base.driver), siteUrl, siteOf),
		close: base.close
	};
}

function baseEmailDriver(options: LiteOptions): ClosableDriver {
	if (!options.smtp) return { driver: new ConsoleEmailDriver(), close: () => {} };
	// One connection kept open and reused (nodemailer's pool), not one per mail: opening one costs
	// the SMTP greeting, which the local mailbox (smtp-server) holds back 100 ms to catch clients
	// that talk too early; that wait was most of every sign-up.
	let pool: Transporter | undefined;
	const driver = new SmtpEmailDriver({
		host: options.smtp.host,
		port: options.smtp.port,
		from: { name: 'Buurtkracht', address: 'noreply@buurtkracht.localhost' },
		// The local sink speaks plain SMTP without TLS or login, which config-driven SMTP refuses.
		requireTls: false,
		createTransport: (settings: Record<string, unknown>) =>
			(pool = nodemailer.createTransport({ ...settings, pool: true, maxConnections: 2 }))
	} as ConstructorParameters<typeof SmtpEmailDriver>[0]);
	return { driver, close: () => pool?.close() };
}

// lite's PostgreSQL driver grants table access lazily on the first request that runs with an RLS
// context; simultaneous first requests then collide ("tuple concurrently updated"). One rpc call
// before serving settles it (README, Known differences).
async function warmUp(app: App, publishableKey: string) {
	await app.fetch(
		new Request('http://localhost/rest/v1/rpc/has_role', {
			method: 'POST',
			headers: { apikey: publishableKey, 'content-type': 'application/json' },
			body: JSON.stringify({ p_role: 'municipality_admin' })
		})
	);
}

export async function startLite(options: LiteOptions): Promise<Lite> {
	process.env.LITE_TELEMETRY = '0';
	process.env.DO_NOT_TRACK = '1';
	routeDatabaseErrors(options.onDatabaseError ?? printDatabaseError);
	const root = options.root ?? process.cwd();
	const config = await readSupabaseConfig(root, options.env);
	const { connection, driver } = await connect(config, options, root);
	const auth = config.auth as Toml;
	const email = auth.email as Toml;
	delete email.smtp;
	// The recipient's municipality, read when a mail goes out (the account exists by then).
	const siteOf = async (address: string): Promise<RecipientSite | null> => {
		const result = (await connection.exec(recipientSiteSql(address))) as {
			rows?: { name: string; host: string | null }[];
		} | void;
		const row = result?.rows?.[0];
		return row ? { name: row.name, host: row.host } : null;
	};
	const siteUrl = String(auth.site_url || 'http://localhost:5173');
	const mail = emailDriver(options, siteUrl, siteOf);
	const app = new App<DefaultAppConfig>({
		...config,
		db: undefined,
		connection,
		options: {
			server: { admin: false },
			drivers: { email: mail.driver }
		}
	} as unknown as DefaultAppConfig);
	await app.init();
	await applyPendingMigrations(app).catch((error: unknown) => {
		// Most often a database built from migrations that have since been replaced (the baseline
		// replaced the first 18 files): say what to do, not only which SQL failed (logged above).
		throw new Error(
			'Applying supabase/migrations failed. If this database was made from older migrations, ' +
				'stop the app and run `npm run db:reset` (README, Migrations).',
			{ cause: error }
		);
	});
	await warmUp(app, String((config.auth as Toml).publishable_key ?? ''));
	const exec = async (sql: string) => {
		const result = (await app.connection.exec(sql)) as { rows?: Record<string, unknown>[] } | void;
		return { rows: result?.rows ?? [] };
	};
	return {
		app,
		driver,
		// Each call is one caller of the transaction gate (transaction-gate.ts).
		fetch: (request, context) => asCaller(async () => app.fetch(request, context)),
		exec: (sql) => asCaller(() => exec(sql)),
		...(driver === 'pglite'
			? {
					dumpDataDir: async () => {
						const pglite = (connection as unknown as { driver: PgliteDump }).driver;
						await pglite.exec('checkpoint');
						return pglite.dumpDataDir('gzip');
					}
				}
			: {}),
		close: async () => {
			mail.close();
			await app.connection.close?.();
		}
	};
}
