// The production build against the bench database, for full page requests: builds once when
// build/ is missing or older than the sources, starts scripts/serve.ts on its own port with the
// embedded Supabase on DATABASE_URL, and times pages with the Server-Timing header the hook adds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureEnvFile } from '../../scripts/lib/env.ts';
import { percentile } from './load.ts';

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
	}
	return newest;
}

/** Builds when needed; returns a note for the report (or why the old build is used). */
export function ensureBuild(): string {
	const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	// Migrations are read at start-up, not built in: only src/ makes a build stale.
	const sources = newestMtime('src');
	if (built > sources) return 'build/ is up to date';
	console.log('Building the app (npx vite build) …');
	const t0 = performance.now();
	const r = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'pipe'] });
	const secs = ((performance.now() - t0) / 1000).toFixed(0);
	if (r.status !== 0) {
		const tail = String(r.stderr).slice(-600);
		if (!existsSync('build/index.js')) throw new Error(`vite build failed:\n${tail}`);
		return `vite build FAILED after ${secs} s (colleagues' work in progress?); using the old build/:\n${tail}`;
	}
	return `built in ${secs} s`;
}

export interface App {
	origin: string;
	stop: () => Promise<void>;
	output: () => string;
}

export async function startApp(databaseUrl: string, port: number): Promise<App> {
	const origin = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, ['scripts/serve.ts'], {
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			...ensureEnvFile(),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			PUBLIC_SUPABASE_URL: origin,
			SUPABASE_EMBEDDED: 'true',
			SUPABASE_SEED_DEMO: '',
			SUPABASE_DATA_DIR: '',
			DATABASE_URL: databaseUrl,
			// No mailbox: lite prints mails to the console, which we do not show.
			SMTP_PORT: '',
			LITE_TELEMETRY: '0'
		}
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	let exited = false;
	const exit = new Promise<void>((resolve) =>
		child.once('exit', () => {
			exited = true;
			resolve();
		})
	);
	const stop = async () => {
		if (!exited && child.pid) process.kill(-child.pid, 'SIGTERM');
		await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
		if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
	};
	const deadline = performance.now() + 120_000;
	while (performance.now() < deadline && !exited) {
		try {
			const res = await fetch(`${origin}/`, { signal: AbortSignal.timeout(10_000) });
			await res.arrayBuffer();
			if (res.status === 200) return { origin, stop, output: () => output };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	throw new Error(`the app did not answer 200 on /; output:\n${output.slice(-2000)}`);
}

export interface PageSampled {
	samples: number;
	p50: number;
	p95: number;
	/** Most Supabase calls any request of this page made (Server-Timing). */
	calls: number;
	supabaseMsP50: number;
	/** Every measured response time, sorted (for pooling blocks of one run). */
	times?: number[];
	/** Set when the page could not be measured, e.g. 'HTTP 404' while it is being written. */
	skipped?: string;
}

/** Like profile-page.ts's timePage, with a new path per request (random filters). */
export async function samplePage(
	origin: string,
	nextPath: (i: number) => string,
	cookie: string | null,
	samples: number,
	warmup = 10
): Promise<PageSampled> {
	const totals: number[] = [];
	const dbTimes: number[] = [];
	let calls = 0;
	for (let i = 0; i < samples + warmup; i++) {
		const p = nextPath(i);
		const t0 = performance.now();
		const res = await fetch(`${origin}${p}`, {
			headers: cookie ? { cookie } : {},
			redirect: 'manual'
		});
		await res.arrayBuffer();
		const elapsed = performance.now() - t0;
		if (res.status !== 200) {
			const where = res.headers.get('location');
			return {
				samples: 0,
				p50: NaN,
				p95: NaN,
				calls: NaN,
				supabaseMsP50: NaN,
				skipped: `GET ${p}: HTTP ${res.status}${where ? ` → ${where}` : ''}`
			};
		}
		const timing = /supabase;desc="(\d+) calls";dur=([\d.]+)/.exec(
			res.headers.get('server-timing') ?? ''
		);
		if (i < warmup) continue;
		totals.push(elapsed);
		dbTimes.push(Number(timing?.[2] ?? NaN));
		calls = Math.max(calls, Number(timing?.[1] ?? NaN));
	}
	totals.sort((a, b) => a - b);
	dbTimes.sort((a, b) => a - b);
	// Every one of these pages loads its data with one rpc; none means it is not this page (an old
	// build without the route answers with something else).
	if (!(calls >= 1)) {
		return {
			samples: 0,
			p50: NaN,
			p95: NaN,
			calls,
			supabaseMsP50: NaN,
			skipped: `GET ${nextPath(0)}: 200 without any Supabase call (route missing from build/?)`
		};
	}
	return {
		samples: totals.length,
		p50: percentile(totals, 50),
		p95: percentile(totals, 95),
		calls,
		supabaseMsP50: percentile(dbTimes, 50),
		times: totals
	};
}
