// The server cost of one request, per page and API call, measured in one run: starts the production
// build (embedded PGlite, demo data, public cache on) on its own port, loads each target with
// autocannon for a few seconds and reads the server process's CPU time from /proc before and after.
// CPU milliseconds per request do not depend much on how busy the machine is (throughput and
// latency do), so they are what the README's server count for a city's peak is computed from.
// The uncached /buurthuizen (the same anonymous request with a cookie, which is never served from
// the cache) next to the cached one is the baseline ratio.
//   npx vite build && npm run bench:scale
// SCALE_CLIENTS (default 16) and SCALE_SECONDS (default 5) change the load per target; SCALE_ONLY
// (comma-separated parts of target names) picks targets.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureEnvFile } from '../scripts/lib/env.ts';
import { runCannon, type HttpTarget } from './lib/cannon.ts';
import type { Stats } from './lib/load.ts';
import { fmt, table } from './lib/report.ts';

const PORT = Number(process.env.SCALE_PORT ?? 4238);
const CLIENTS = Number(process.env.SCALE_CLIENTS ?? 16);
const SECONDS = Number(process.env.SCALE_SECONDS ?? 5);
/** Linux reports process CPU time in clock ticks; 100 per second on every common kernel. */
const TICKS_PER_SECOND = 100;

if (!existsSync('build/handler.js')) {
	console.error('No production build: run `npx vite build` first.');
	process.exit(1);
}

const env = ensureEnvFile();
const origin = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-scale-'));

const child = spawn(process.execPath, ['scripts/serve.ts'], {
	detached: true,
	stdio: ['ignore', 'pipe', 'pipe'],
	env: {
		...process.env,
		...env,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		PUBLIC_SUPABASE_URL: origin,
		SUPABASE_EMBEDDED: 'true',
		SUPABASE_SEED_DEMO: 'true',
		SUPABASE_DATA_DIR: dataDir,
		DATABASE_URL: '',
		PUBLIC_CACHE_MS: '30000',
		// No mailbox: nothing here sends mail.
		SMTP_PORT: '',
		LITE_TELEMETRY: '0',
		// One line per request would cost the log pipe as much as a cached page; keep errors only.
		LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn'
	}
});
let output = '';
child.stdout?.on('data', (d) => (output += d));
child.stderr?.on('data', (d) => (output += d));
let exited = false;
child.once('exit', () => (exited = true));

async function stop() {
	if (!exited && child.pid) process.kill(-child.pid, 'SIGTERM');
	const deadline = performance.now() + 5000;
	while (!exited && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
	rmSync(dataDir, { recursive: true, force: true });
}
process.once('SIGINT', () => void stop().then(() => process.exit(130)));

/** User + system CPU time of the server process, in milliseconds. */
function cpuMs(): number {
	const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
	// Fields after the command name (which is in parentheses and may hold spaces).
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function waitReady() {
	const deadline = performance.now() + 180_000;
	while (performance.now() < deadline && !exited) {
		try {
			const res = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(10_000) });
			await res.arrayBuffer();
			if (res.status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the app did not become ready; output:\n${output.slice(-2000)}`);
}

interface Target {
	name: string;
	http: HttpTarget;
	/** What the response must show, so a wrong answer is not timed as a fast one. */
	check: (res: Response, body: string) => string | null;
}

const anon = (path: string, name = path): Target => ({
	name,
	http: { url: `${origin}${path}`, headers: { accept: 'text/html' } },
	check: (res) =>
		res.status !== 200
			? `HTTP ${res.status}`
			: res.headers.get('cache-control')?.startsWith('public')
				? null
				: `not cacheable: ${res.headers.get('cache-control')}`
});
// Any cookie keeps a request away from the cache; this one means nothing to the app.
const uncached = (path: string): Target => ({
	name: `${path} (uncached)`,
	http: { url: `${origin}${path}`, headers: { accept: 'text/html', cookie: 'bench=1' } },
	check: (res) => (res.status === 200 ? null : `HTTP ${res.status}`)
});

const apiHeaders = {
	apikey: env.PUBLIC_SUPABASE_PUBLISHABLE_KEY as string,
	authorization: `Bearer ${env.PUBLIC_SUPABASE_PUBLISHABLE_KEY}`
};

const TARGETS: Target[] = [
	{
		name: '/healthz (floor)',
		http: { url: `${origin}/healthz`, headers: {} },
		check: (res) => (res.status === 200 ? null : `HTTP ${res.status}`)
	},
	anon('/buurthuizen', '/buurthuizen (cached)'),
	uncached('/buurthuizen'),
	anon('/hulp', '/hulp (cached)'),
	uncached('/hulp'),
	anon('/mantelzorg/winkels', '/mantelzorg/winkels (cached)'),
	anon('/buurthuizen/agenda.ics', '/buurthuizen/agenda.ics (cached)'),
	{
		name: '/ (home, not cached)',
		http: { url: `${origin}/`, headers: { accept: 'text/html' } },
		check: (res) => (res.status === 200 ? null : `HTTP ${res.status}`)
	},
	{
		name: 'API: GET /rest/v1/community_centres',
		http: {
			url: `${origin}/rest/v1/community_centres?select=id,name,slug`,
			headers: apiHeaders
		},
		check: (res, body) =>
			res.status !== 200 ? `HTTP ${res.status}` : body.startsWith('[{') ? null : 'empty list'
	}
];

interface Row extends Stats {
	name: string;
	cpuMsPerRequest: number;
	skipped?: string;
}

const rows: Row[] = [];
try {
	const t0 = performance.now();
	await waitReady();
	console.log(`App ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (PGlite, demo data)`);
	// SCALE_ONLY=buurthuizen,healthz measures only the targets whose name holds one of those.
	const only = process.env.SCALE_ONLY?.split(',').filter(Boolean) ?? [];
	for (const target of TARGETS.filter(
		(t) => !only.length || only.some((o) => t.name.includes(o))
	)) {
		const res = await fetch(target.http.url, { headers: target.http.headers });
		const problem = target.check(res, await res.text());
		if (problem) {
			rows.push({
				name: target.name,
				requests: 0,
				errors: 0,
				rps: NaN,
				p50: NaN,
				p99: NaN,
				cpuMsPerRequest: NaN,
				skipped: problem
			});
			console.log(`${target.name}: skipped (${problem})`);
			continue;
		}
		await runCannon(target.http, { connections: CLIENTS, durationSeconds: 1 }); // warm-up
		const before = cpuMs();
		const stats = await runCannon(target.http, { connections: CLIENTS, durationSeconds: SECONDS });
		const cpu = cpuMs() - before;
		const row = { name: target.name, ...stats, cpuMsPerRequest: cpu / Math.max(1, stats.requests) };
		rows.push(row);
		console.log(
			`${target.name}: ${fmt(row.rps, 0)} req/s, ${fmt(row.cpuMsPerRequest, 2)} CPU ms/request`
		);
	}
} finally {
	await stop();
}

console.log(
	`\nProduction build, embedded PGlite, demo data, ${CLIENTS} clients × ${SECONDS} s per target (autocannon):\n`
);
console.log(
	table(
		['target', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'req per CPU-s'],
		rows.map((r) => [
			r.name,
			r.requests,
			r.errors,
			r.skipped ? `skipped: ${r.skipped}` : fmt(r.rps, 0),
			fmt(r.p50, 0),
			fmt(r.p99, 0),
			fmt(r.cpuMsPerRequest, 2),
			fmt(1000 / r.cpuMsPerRequest, 0)
		])
	)
);

const by = (name: string) => rows.find((r) => r.name === name)?.cpuMsPerRequest ?? NaN;
const cached = by('/buurthuizen (cached)');
const plain = by('/buurthuizen (uncached)');
console.log(
	`\nBaseline ratio /buurthuizen uncached / cached: ${fmt(plain / cached, 1)}× the CPU per request`
);

// The README's computation, with these numbers (see "Servers for a city's peak").
const ZAANSTAD_PEAK_RPS = 70;
const NL_PEAK_RPS = ZAANSTAD_PEAK_RPS * (17_900_000 / 160_000);
/** Share of peak requests that are anonymous public pages the cache can answer. */
const CACHED_SHARE = 0.8;
const mixMs = CACHED_SHARE * cached + (1 - CACHED_SHARE) * plain;
const CORES_PER_SERVER = 2;
const TARGET_UTILISATION = 0.5;
const servers = (rps: number) =>
	Math.ceil((rps * mixMs) / 1000 / (CORES_PER_SERVER * TARGET_UTILISATION));
console.log(
	`Mix (${CACHED_SHARE * 100}% cached /buurthuizen, rest uncached): ${fmt(mixMs, 2)} CPU ms/request; ` +
		`${CORES_PER_SERVER}-core servers at ${TARGET_UTILISATION * 100}% CPU: ` +
		`Zaanstad (${ZAANSTAD_PEAK_RPS} req/s) ${servers(ZAANSTAD_PEAK_RPS)}, ` +
		`the Netherlands (${fmt(NL_PEAK_RPS, 0)} req/s) ${servers(NL_PEAK_RPS)}`
);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/scale.json',
	JSON.stringify(
		{ clients: CLIENTS, seconds: SECONDS, rows, ratio: plain / cached, mixMs },
		null,
		2
	)
);
if (rows.some((r) => r.skipped)) process.exitCode = 1;
