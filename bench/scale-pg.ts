// The PostgreSQL half of `npm run bench:scale`: the hosted-mode stack (scripts/lib/hosted-stack.ts:
// PostgreSQL, the Supabase API server in its own process, two app servers from the production
// build) loaded through one app server and through two behind the round-robin proxy, in one run:
//   * the counter's redemption: shop assistants, each signed in, post the /winkel form as the page
//     does (look up the typed code, then redeem € 1), one redemption = those two requests;
//   * /hulp and /buurthuizen, anonymous, cached and uncached (a cookie keeps a request from the
//     cache);
//   * the same redemption through the `postgres` driver alone (lookup_cheque + redeem_cheque as
//     the shop assistant): the ceiling.
// For each: throughput, p50/p99, and the CPU time per request of the app servers, the API server
// and the PostgreSQL backends of the stack's database (from /proc), so the cost on a bigger
// machine can be computed (README, "What a request costs, and servers for a city's peak").
//   DATABASE_URL (a PostgreSQL 15 on this machine, where a database may be created; default
//   postgres://postgres:postgres@127.0.0.1:5432/postgres), a production build (`npx vite build`).
//   `npm run bench:scale` runs bench/scale.ts (PGlite) and then this; `npm run bench:scale:pg` this alone. Ports: HOSTED_PORT (+0..+3), HOSTED_SMTP_PORT,
//   HOSTED_MAILBOX_PORT, as npm run test:hosted. SCALE_CLIENTS (16), SCALE_SECONDS (5).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { startHostedStack } from '../scripts/lib/hosted-stack.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../scripts/lib/round-robin-proxy.ts';
import { runCannon } from './lib/cannon.ts';
import { runLoad, type Stats } from './lib/load.ts';
import { postgresMeter, processMeter, type CpuMeter } from './lib/proc-cpu.ts';
import { fmt, table } from './lib/report.ts';

const CLIENTS = Number(process.env.SCALE_CLIENTS ?? 16);
const SECONDS = Number(process.env.SCALE_SECONDS ?? 5);
const CHEQUES = 3_000;
const SHOP = '00000000-0000-4000-8000-0000000be019';
const PASSWORD = 'Bench-kassa-19';
/** SCALE_ONLY=counter,/hulp measures only those targets (and the driver with counter). */
const ONLY = process.env.SCALE_ONLY?.split(',').filter(Boolean) ?? [];
const wanted = (target: string) => ONLY.length === 0 || ONLY.includes(target);

process.env.DATABASE_URL ||= 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
if (!existsSync('build/index.js')) {
	console.error('No production build: run `npx vite build` first.');
	process.exit(1);
}

const base = Number(process.env.HOSTED_PORT ?? 4231);
const t0 = performance.now();
const stack = await startHostedStack({
	baseDatabaseUrl: process.env.DATABASE_URL as string,
	ports: {
		proxy: base,
		api: base + 1,
		apps: [base + 2, base + 3],
		smtp: Number(process.env.HOSTED_SMTP_PORT ?? 2631),
		mailbox: Number(process.env.HOSTED_MAILBOX_PORT ?? 2731)
	},
	// One log line per request would cost the log pipe as much as a cached page; errors only.
	appEnv: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', PUBLIC_CACHE_MS: '30000' }
});
const dbName = new URL(stack.databaseUrl).pathname.slice(1);
const db = postgres(stack.databaseUrl, { max: CLIENTS + 4, onnotice: () => {} });
let one: RoundRobinProxy | null = null;

interface Row extends Stats {
	name: string;
	servers: string;
	/** CPU ms per request (per redemption for the counter) of each part. */
	app: number;
	api: number;
	pg: number;
	load: number;
	lost: number;
}
const rows: Row[] = [];

try {
	console.log(
		`Hosted stack ready in ${fmt((performance.now() - t0) / 1000)} s (PostgreSQL, API server, 2 app servers)`
	);

	// ---- Data: a shop of the default municipality with CLIENTS assistants, cheques of € 50.
	const [{ municipality_id: municipality } = { municipality_id: '' }] = await db<
		{ municipality_id: string }[]
	>`select p.municipality_id from public.profiles p join auth.users u on u.id = p.id
		where u.email = 'winkel@buurtkracht.example'`;
	const year = new Date().getFullYear();
	await db.unsafe(`
		insert into public.shops (id, municipality_id, name, kvk_number, street_address, postcode, city, category, status)
		values ('${SHOP}', '${municipality}', 'Benchwinkel', '99999919', 'Benchstraat 19', '1500 AA', 'Zaandam', 'other', 'approved');
		insert into public.shop_private_details (shop_id, municipality_id, iban, account_holder, contact_name, contact_email)
		values ('${SHOP}', '${municipality}', 'NL91ABNA0417164300', 'Benchwinkel', 'Bea Bench', 'bench@buurtkracht.example');
		insert into public.schemes (municipality_id, year, cheque_value_cents, pluim_value_cents,
			application_opens_on, application_closes_on, redeem_until, budget_cents)
		values ('${municipality}', ${year}, 5000, 2500, current_date - 30, current_date + 30, current_date + 300, 57000000)
		on conflict (municipality_id, year) do nothing;
		insert into public.cheques (municipality_id, scheme_id, kind, code, value_cents, remaining_cents, holder_first_name, expires_on)
		select s.municipality_id, s.id, 'cheque', public.generate_cheque_code(), 5000, 5000, 'Naam' || (i % 100), current_date + 300
		from generate_series(1, ${CHEQUES}) i, public.schemes s
		where s.municipality_id = '${municipality}' and s.year = ${year};
		create schema if not exists bench;
		create extension if not exists pgcrypto with schema bench;
		insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
			raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		select gen_random_uuid(), 'authenticated', 'authenticated', format('kassa-%s@bench.example', g),
			bench.crypt('${PASSWORD}', bench.gen_salt('bf', 4)), now(),
			to_jsonb('{"provider":"email","providers":["email"]}'::text),
			to_jsonb(json_build_object('display_name', 'Kassa ' || g)::text), now(), now()
		from generate_series(1, ${CLIENTS}) g;
		insert into public.profiles (id, municipality_id, display_name)
		select u.id, '${municipality}', 'Kassa' from auth.users u where u.email like 'kassa-%@bench.example'
		on conflict (id) do update set municipality_id = excluded.municipality_id;
		insert into public.memberships (user_id, municipality_id, role, shop_id)
		select u.id, '${municipality}', 'shop_staff', '${SHOP}' from auth.users u
		where u.email like 'kassa-%@bench.example';
		analyze;
	`);
	const codes = (
		await db<
			{ code: string }[]
		>`select code from public.cheques where holder_first_name like 'Naam%' order by code`
	).map((r) => r.code);
	let next = 0;
	const takeCode = () => codes[next++ % codes.length] as string;
	const staff = (
		await db<{ id: string }[]>`select id from auth.users where email like 'kassa-%@bench.example'`
	).map((r) => r.id);

	// ---- Sign the assistants in through the proxy (a session holds on either server).
	const origin = stack.proxy.url;
	const cookies: string[] = [];
	for (let g = 1; g <= CLIENTS; g++) {
		const res = await fetch(`${origin}/inloggen?/wachtwoord`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email: `kassa-${g}@bench.example`, password: PASSWORD })
		});
		const cookie = res.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		if (res.status !== 303 || !cookie) throw new Error(`sign-in kassa-${g}: HTTP ${res.status}`);
		cookies.push(cookie);
	}

	// A proxy in front of app server 1 alone, so one and two servers both pay for a proxy.
	one = await startRoundRobinProxy([stack.apps[0]!.url]);
	const setups = [
		{ servers: 'one', url: one.url, apps: [stack.apps[0]!] },
		{ servers: 'two', url: stack.proxy.url, apps: stack.apps }
	];

	const pg = postgresMeter(db, dbName);
	const api = processMeter(() => [stack.apiPid]);
	let loadStart = process.cpuUsage();
	const self: CpuMeter = {
		start: async () => void (loadStart = process.cpuUsage()),
		read: async () => {
			const d = process.cpuUsage(loadStart);
			return { ms: (d.user + d.system) / 1000, lost: 0 };
		}
	};
	const measure = async (
		name: string,
		servers: string,
		appMeter: CpuMeter,
		work: () => Promise<Stats>,
		perRequest = 1
	) => {
		const meters = [appMeter, api, pg, self];
		for (const m of meters) await m.start();
		const stats = await work();
		const [app, apiMs, pgMs, loadMs] = await Promise.all(meters.map((m) => m.read()));
		const n = Math.max(1, stats.requests) * perRequest;
		const row: Row = {
			name,
			servers,
			...stats,
			app: app!.ms / n,
			api: apiMs!.ms / n,
			pg: pgMs!.ms / n,
			load: loadMs!.ms / n,
			lost: app!.lost + apiMs!.lost + pgMs!.lost
		};
		rows.push(row);
		console.log(
			`${name}, ${servers}: ${fmt(row.rps, 0)}/s, p50 ${fmt(row.p50, 0)} ms, p99 ${fmt(row.p99, 0)} ms; ` +
				`CPU ms app ${fmt(row.app, 2)}, API ${fmt(row.api, 2)}, PostgreSQL ${fmt(row.pg, 2)}` +
				(row.errors ? `; ${row.errors} errors` : '')
		);
	};

	let firstProblem = '';
	/** The Server-Timing header of the last answer per action: Supabase calls and their time. */
	const timing: Record<string, string> = {};
	const load = { concurrency: CLIENTS, durationMs: SECONDS * 1000, warmupMs: 1000 };
	for (const setup of setups) {
		const appMeter = processMeter(() => setup.apps.map((a) => a.pid()));
		const free = [...cookies];
		const post = async (cookie: string, action: string, fields: Record<string, string>) => {
			const res = await fetch(`${setup.url}/winkel?/${action}&winkel=${SHOP}`, {
				method: 'POST',
				headers: {
					cookie,
					// The address the browser would have used: the app reads its origin from the
					// Host header the proxy keeps, not from ORIGIN.
					origin: setup.url,
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams(fields)
			});
			const body = (await res.json()) as { type?: string };
			timing[action] = res.headers.get('server-timing')?.split(',')[0] ?? '';
			if (body.type === 'success') return true;
			firstProblem ||= `${action}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`;
			return false;
		};
		const redeem = async () => {
			const cookie = free.pop() as string;
			try {
				const code = takeCode();
				if (!(await post(cookie, 'zoeken', { code }))) return false;
				return await post(cookie, 'verzilveren', {
					code,
					amount: '1,00',
					key: randomUUID(),
					again: 'ja'
				});
			} finally {
				free.push(cookie);
			}
		};
		if (wanted('counter')) {
			await measure('counter redemption (look up + redeem)', setup.servers, appMeter, () =>
				runLoad(redeem, load)
			);
		}
		for (const page of ['/hulp', '/buurthuizen'].filter(wanted)) {
			for (const cached of [true, false]) {
				const target = {
					url: `${setup.url}${page}`,
					headers: { accept: 'text/html', ...(cached ? {} : { cookie: 'bench=1' }) }
				};
				const check = await fetch(target.url, { headers: target.headers });
				await check.arrayBuffer();
				if (check.status !== 200) throw new Error(`${page}: HTTP ${check.status}`);
				await runCannon(target, { connections: CLIENTS, durationSeconds: 1 });
				await measure(`${page} ${cached ? 'cached' : 'uncached'}`, setup.servers, appMeter, () =>
					runCannon(target, { connections: CLIENTS, durationSeconds: SECONDS })
				);
			}
		}
	}

	// ---- The ceiling: the same two calls through the driver, as the assistant (RLS applies).
	const driver = postgres(stack.databaseUrl, { max: CLIENTS, onnotice: () => {} });
	try {
		let turn = 0;
		const viaDriver = async () => {
			const uid = staff[turn++ % staff.length] as string;
			const claims = JSON.stringify({ sub: uid, role: 'authenticated' });
			const code = takeCode();
			const [row] = await driver.begin(async (tx) => {
				await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true),
					set_config('request.jwt.claim.sub', ${uid}, true), set_config('request.jwt.claim.role', 'authenticated', true)`;
				await tx`select public.lookup_cheque(${SHOP}::uuid, ${code}) as r`;
				return tx`select public.redeem_cheque(${SHOP}::uuid, ${code}, 100, ${randomUUID()}::uuid, true) as r`;
			});
			return (row?.r as { ok: boolean }).ok;
		};
		const none = processMeter(() => []);
		if (wanted('counter')) {
			await measure('counter redemption (look up + redeem)', 'driver alone', none, () =>
				runLoad(viaDriver, load)
			);
		}
	} finally {
		await driver.end();
	}
	if (firstProblem) console.log(`first refusal: ${firstProblem}`);
	for (const [action, value] of Object.entries(timing)) {
		console.log(`/winkel ?/${action}, Server-Timing of its last answer: ${value}`);
	}
} finally {
	await one?.close();
	await db.end();
	await stack.stop();
}

const [load1, load5] = os.loadavg();
console.log(
	`\nPostgreSQL (hosted mode), ${CLIENTS} clients × ${SECONDS} s per target, load average ${fmt(load1!, 1)} / ${fmt(load5!, 1)} (1 / 5 min).` +
		`\nCPU ms per request (per redemption for the counter: two requests); "load" is this process: the load generator and the proxy.\n`
);
console.log(
	table(
		[
			'target',
			'servers',
			'requests',
			'errors',
			'/s',
			'p50 ms',
			'p99 ms',
			'app',
			'API',
			'PostgreSQL',
			'load'
		],
		rows.map((r) => [
			r.name,
			r.servers,
			r.requests,
			r.errors,
			fmt(r.rps, 0),
			fmt(r.p50, 0),
			fmt(r.p99, 0),
			fmt(r.app, 2),
			fmt(r.api, 2),
			fmt(r.pg, 2),
			fmt(r.load, 2)
		])
	)
);
const find = (name: string, servers: string) =>
	rows.find((r) => r.name === name && r.servers === servers);
const ratios: Record<string, number> = {};
for (const name of new Set(rows.map((r) => r.name))) {
	const a = find(name, 'one');
	const b = find(name, 'two');
	if (a && b) ratios[name] = b.rps / a.rps;
}
console.log('\nRatio two servers / one (throughput):');
for (const [name, ratio] of Object.entries(ratios)) console.log(`  ${name}: ${fmt(ratio, 2)}×`);
const ceiling = find('counter redemption (look up + redeem)', 'driver alone');
const two = find('counter redemption (look up + redeem)', 'two');
if (ceiling && two) {
	console.log(
		`Counter through two app servers / driver alone: ${fmt((100 * two.rps) / ceiling.rps, 0)} %`
	);
}
const lost = rows.reduce((s, r) => s + r.lost, 0);
if (lost) console.log(`(${lost} measured processes ended during a target: their time is missing)`);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/scale-pg.json',
	JSON.stringify(
		{ clients: CLIENTS, seconds: SECONDS, loadAverage: os.loadavg(), rows, ratios },
		null,
		2
	)
);
if (rows.some((r) => r.errors > r.requests / 100)) process.exitCode = 1;
