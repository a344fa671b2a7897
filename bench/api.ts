// npm run bench:api — what the embedded Supabase costs per request, against the same SQL sent
// straight through the database driver. Loopback only, bounded (~2–3 min), nothing left running.
//   BENCH_SECONDS=3      seconds per measurement
//   DATABASE_URL=...     also measure on PostgreSQL (a fresh database is created and dropped)
//   BENCH_SKIP_COLD=1    skip the cold-start measurement
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { runCannon, type HttpTarget } from './lib/cannon.ts';
import { measureColdStart, type ColdStart } from './lib/cold-start.ts';
import { signInCookie, timePage, type PageTiming } from './lib/profile-page.ts';
import { DEMO_PASSWORD } from '../src/lib/server/embedded/seed.ts';
import { runLoad, type Stats } from './lib/load.ts';
import { quietly } from './lib/quiet.ts';
import { fmt, table } from './lib/report.ts';
import { startStack, type Mode, type Stack } from './lib/stack.ts';

process.env.LITE_TELEMETRY = '0';
const SECONDS = Number(process.env.BENCH_SECONDS || 3);
const CONCURRENCIES = [1, 16];
const WARMUP_MS = 300;

interface Scenario {
	name: string;
	http: HttpTarget;
	sql: string;
	params: unknown[];
	/** A quick sanity check of the answer, so a fast error never passes as a fast result. */
	valid: (status: number, body: string) => boolean;
}

interface Row {
	mode: Mode;
	scenario: string;
	path: 'http' | 'in-process' | 'driver';
	concurrency: number;
	stats: Stats;
	/** Per-request time relative to the driver at the same concurrency (driver req/s ÷ this req/s). */
	timesDriver: number;
}

function scenarios(s: Stack): Scenario[] {
	const headers = {
		apikey: s.publishableKey,
		authorization: `Bearer ${s.accessToken}`,
		accept: 'application/json'
	};
	return [
		{
			name: 'primary-key read',
			http: { url: `${s.url}/rest/v1/districts?id=eq.${s.districtId}&select=*`, headers },
			sql: `select coalesce(json_agg(t), '[]')::text as body
				from (select * from public.districts where id = $1) t`,
			params: [s.districtId],
			valid: (status, body) => status === 200 && body.includes(s.districtId)
		},
		{
			name: 'list + embed',
			http: {
				url: `${s.url}/rest/v1/community_centres?select=name,district:districts(name)&district_id=eq.${s.districtId}`,
				headers
			},
			sql: `select coalesce(json_agg(t), '[]')::text as body from (
				select c.name, (select json_build_object('name', d.name) from public.districts d
					where d.id = c.district_id) as district
				from public.community_centres c where c.district_id = $1) t`,
			params: [s.districtId],
			valid: (status, body) => status === 200 && body.includes('"district"')
		},
		{
			name: 'rpc has_role',
			http: {
				url: `${s.url}/rest/v1/rpc/has_role`,
				method: 'POST',
				headers: { ...headers, 'content-type': 'application/json' },
				body: JSON.stringify({ p_role: 'coordinator', p_municipality_id: s.municipalityId })
			},
			sql: `select public.has_role($1, $2::uuid, null) as body`,
			params: ['coordinator', s.municipalityId],
			valid: (status, body) => status === 200 && body.trim() === 'true'
		}
	];
}

const inProcess = (s: Stack, t: HttpTarget) => async () => {
	const res = await s.lite.fetch(
		new Request(t.url, { method: t.method ?? 'GET', headers: t.headers, body: t.body })
	);
	return { status: res.status, body: await res.text() };
};

interface ModeResult {
	rows: Row[];
	viewer: Record<string, Stats>;
	/** The first wrong answer per measurement, so an error rate comes with its reason. */
	failures: Record<string, string>;
}

async function measureMode(mode: Mode): Promise<ModeResult> {
	const started = Date.now();
	const stack = await startStack(mode);
	console.log(`[${mode}] stack ready in ${Date.now() - started} ms; measuring`);
	const rows: Row[] = [];
	const failures: Record<string, string> = {};
	const note = (label: string, status: number, body: string) => {
		failures[label] ??= `${status} ${body.slice(0, 160)}`;
	};
	try {
		for (const sc of scenarios(stack)) {
			const call = inProcess(stack, sc.http);
			const first = await call();
			if (!sc.valid(first.status, first.body)) {
				throw new Error(`${mode} ${sc.name}: unexpected answer ${first.status} ${first.body}`);
			}
			for (const c of CONCURRENCIES) {
				const opts = { concurrency: c, durationMs: SECONDS * 1000, warmupMs: WARMUP_MS };
				const driver = await runLoad(async () => {
					await stack.driverQuery(sc.sql, sc.params);
					return true;
				}, opts);
				const local = await quietly(() =>
					runLoad(async () => {
						const r = await call();
						const ok = sc.valid(r.status, r.body);
						if (!ok) note(sc.name, r.status, r.body);
						return ok;
					}, opts)
				);
				const http = await quietly(() =>
					runCannon(sc.http, { connections: c, durationSeconds: SECONDS })
				);
				for (const [path, stats] of [
					['http', http],
					['in-process', local],
					['driver', driver]
				] as const) {
					rows.push({
						mode,
						scenario: sc.name,
						path,
						concurrency: c,
						stats,
						timesDriver: driver.rps / stats.rps
					});
				}
				process.stdout.write('.');
			}
		}

		// The per-request cost every signed-in page pays before its own queries.
		const headers = { apikey: stack.publishableKey, authorization: `Bearer ${stack.accessToken}` };
		const call = (label: string, path: string, method: 'GET' | 'POST' = 'GET') =>
			stack.lite
				.fetch(
					new Request(`${stack.url}${path}`, {
						method,
						headers:
							method === 'POST' ? { ...headers, 'content-type': 'application/json' } : headers,
						body: method === 'POST' ? '{}' : undefined
					})
				)
				.then(async (r) => {
					const text = await r.text();
					if (!r.ok) note(label, r.status, text);
					return r.ok;
				});
		const uid = stack.userId;
		const profile = `/rest/v1/profiles?select=display_name,municipality_id&id=eq.${uid}`;
		const memberships = `/rest/v1/memberships?select=id,role,municipality_id,shop_id,community_centre_id&user_id=eq.${uid}`;
		const work: Record<string, () => Promise<boolean>> = {
			'getUser + profiles + memberships (3 sequential)': async () =>
				(await call('3 sequential', '/auth/v1/user')) &&
				(await call('3 sequential', profile)) &&
				(await call('3 sequential', memberships)),
			'getUser + rpc current_viewer (loadViewer today)': async () =>
				(await call('current_viewer', '/auth/v1/user')) &&
				(await call('current_viewer', '/rest/v1/rpc/current_viewer', 'POST')),
			'getUser alone': () => call('getUser', '/auth/v1/user')
		};
		const viewer: Record<string, Stats> = {};
		for (const [label, fn] of Object.entries(work)) {
			viewer[label] = await quietly(() =>
				runLoad(fn, { concurrency: 1, durationMs: SECONDS * 1000, warmupMs: WARMUP_MS })
			);
		}
		process.stdout.write('\n');
		return { rows, viewer, failures };
	} finally {
		await stack.close();
	}
}

const modes: Mode[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const results: {
	rows: Row[];
	viewer: Record<string, Record<string, Stats>>;
	failures: Record<string, Record<string, string>>;
} = { rows: [], viewer: {}, failures: {} };
const t0 = Date.now();
for (const mode of modes) {
	const { rows, viewer, failures } = await measureMode(mode);
	results.rows.push(...rows);
	results.viewer[mode] = viewer;
	results.failures[mode] = failures;
}
if (!process.env.DATABASE_URL) console.log('(DATABASE_URL not set: PostgreSQL mode skipped)');

console.log(`\nAPI requests, ${SECONDS} s per line; × driver = driver req/s ÷ this req/s\n`);
console.log(
	table(
		['mode', 'scenario', 'path', 'conc', 'req/s', 'p50 ms', 'p99 ms', 'errors', '× driver'],
		results.rows.map((r) => [
			r.mode,
			r.scenario,
			r.path,
			r.concurrency,
			fmt(r.stats.rps, 0),
			fmt(r.stats.p50, 2),
			fmt(r.stats.p99, 2),
			r.stats.errors,
			r.path === 'driver' ? '1.0' : fmt(r.timesDriver, 1)
		])
	)
);

console.log('\nSigned-in page overhead, in-process app.fetch, one caller\n');
console.log(
	table(
		['mode', 'work', '', 'per page/s', 'p50 ms', 'p99 ms', 'errors'],
		Object.entries(results.viewer).flatMap(([mode, v]) =>
			Object.entries(v).map(([work, s]) => [
				mode,
				work,
				'',
				fmt(s.rps, 0),
				fmt(s.p50, 2),
				fmt(s.p99, 2),
				s.errors
			])
		)
	)
);

for (const [mode, failures] of Object.entries(results.failures)) {
	for (const [label, failure] of Object.entries(failures)) {
		console.log(`  ! ${mode} ${label}: first failure: ${failure}`);
	}
}

let coldStart: ColdStart = { skipped: 'BENCH_SKIP_COLD set' };
if (!process.env.BENCH_SKIP_COLD) {
	console.log('\nCold start: node scripts/dev.ts --prod on a fresh PGlite folder …');
	coldStart = await measureColdStart(async (origin) => {
		const cookie = await signInCookie(origin, 'beheer@buurtkracht.example', DEMO_PASSWORD);
		return timePage(origin, '/profiel', cookie);
	});
	console.log(
		'firstPageMs' in coldStart
			? `first 200 on / after ${fmt(coldStart.firstPageMs, 0)} ms (next GET / ${fmt(coldStart.secondPageMs, 0)} ms)`
			: `skipped: ${coldStart.skipped}`
	);
	if ('extra' in coldStart && coldStart.extra) {
		const page = coldStart.extra as PageTiming;
		console.log(
			`profile page /profiel (PGlite, production build, ${page.requests} requests): ` +
				`p50 ${fmt(page.p50, 1)} ms, p95 ${fmt(page.p95, 1)} ms; ` +
				`${page.supabaseCalls} Supabase calls taking p50 ${fmt(page.supabaseMsP50, 1)} ms`
		);
	}
}

const cpus = os.cpus();
await mkdir('bench/results', { recursive: true });
await writeFile(
	'bench/results/api.json',
	JSON.stringify(
		{
			at: new Date().toISOString(),
			node: process.version,
			cpu: `${cpus.length}× ${cpus[0]?.model ?? 'unknown'}`,
			secondsPerMeasurement: SECONDS,
			...results,
			coldStart
		},
		null,
		'\t'
	) + '\n'
);
console.log(`\nWrote bench/results/api.json (total ${((Date.now() - t0) / 1000).toFixed(0)} s).`);
