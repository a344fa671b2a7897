// npm run bench:match — Buurthulp at scale on the real PostgreSQL (issue 3, Performance):
// 20,000 volunteers and 100,000 help requests (30,000 open) generated in SQL; p50/p95 of
// "Voor jou", the filtered board and the text search, as SQL alone and as full page requests.
//   DATABASE_URL=...   PostgreSQL server (default postgres://postgres:postgres@127.0.0.1:5432/postgres);
//                      a fresh database is created and dropped
//   BENCH_SAMPLES=250  measured calls per SQL query and stage (after 20 warm-up calls)
//   BENCH_PAGE_SAMPLES=200  measured requests per page
//   BENCH_PORT=4391    port of the production server
//   BENCH_SKIP_PAGES=1 only the SQL part
//   BENCH_KEEP_DB=1    do not drop the database at the end (to study plans by hand)
// Stages, so the 10k → 100k ratio isolates what the issue cares about (closed requests must not
// make the queries slower), and the final stage is the data set:
//   A  10,000 requests,  3,000 open
//   B 100,000 requests,  3,000 open   (+90,000 closed: ratio B/A = cost of closed requests)
//   C 100,000 requests, 30,000 open   (27,000 of B's closed placeholders become open requests)
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import * as dataset from './lib/hulp-dataset.ts';
import { ensureBuild, samplePage, startApp, type App, type PageSampled } from './lib/hulp-app.ts';
import { explainNested, sample, type Call, type Sampled } from './lib/hulp-sql.ts';
import { signInCookie } from './lib/profile-page.ts';
import { quietly } from './lib/quiet.ts';
import { fmt, table } from './lib/report.ts';
import { startStack } from './lib/stack.ts';

process.env.LITE_TELEMETRY = '0';
process.env.DATABASE_URL ||= 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const SAMPLES = Number(process.env.BENCH_SAMPLES || 250);
const PAGE_SAMPLES = Number(process.env.BENCH_PAGE_SAMPLES || 200);
const PORT = Number(process.env.BENCH_PORT || 4391);
const ZAANSTAD = '00000000-0000-4000-8000-000000000001';
const VOLUNTEER_PASSWORD = 'Bench-vrijwilliger-2026';
const TARGET_MS = { 'Voor jou': 30, board: 20, search: 20 } as const;
type QueryName = keyof typeof TARGET_MS;
type Stage = 'A' | 'B' | 'C';
const STAGES: Record<Stage, string> = {
	A: '10k requests, 3k open',
	B: '100k requests, 3k open',
	C: '100k requests, 30k open'
};

/** A seeded generator, so two runs draw the same volunteers and filters. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rnd = random(20261122);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const t0 = performance.now();
const stack = await quietly(() => startStack('postgres'));
const [{ current_database: dbName }] = (await stack.lite.exec('select current_database()'))
	.rows as [{ current_database: string }];
const dbUrl = new URL(process.env.DATABASE_URL);
dbUrl.pathname = `/${dbName}`;
const notices: string[] = [];
// One connection, used one call at a time: latency, not throughput.
const sql = postgres(dbUrl.toString(), {
	max: 1,
	onnotice: (n) => notices.push(String(n.message))
});
let app: App | undefined;
let appOutput: string;

interface District {
	id: string;
	slug: string;
}

async function eligibleVolunteers(): Promise<string[]> {
	// The ones who get a ranking: not paused and below their maximum of active matches.
	const rows = await sql<{ id: string }[]>`
		select v.user_id as id from public.volunteer_profiles v
		where not v.is_paused and public.active_match_count(v.user_id) < v.max_active_matches
		order by v.user_id`;
	return rows.map((r) => r.id);
}

function calls(
	volunteers: string[],
	districts: District[]
): Record<QueryName, (i: number) => Call> {
	return {
		'Voor jou': () => ({
			role: 'authenticated',
			userId: pick(volunteers),
			query: 'select public.suggest_requests_for_me(20) as result',
			params: [],
			valid: (r) => (r as { status?: string }).status === 'ok'
		}),
		board: (i) => {
			// Category only, wijk only, or both.
			const kind = i % 3;
			return {
				role: 'anon',
				userId: null,
				query: `select public.search_help_requests($1::uuid, $2::text, null, null, null, 20, 0) as result`,
				params: [
					kind === 0 ? null : pick(districts).id,
					kind === 1 ? null : pick(dataset.CATEGORIES)
				],
				valid: (r) => Array.isArray((r as { items?: unknown }).items)
			};
		},
		search: () => ({
			role: 'anon',
			userId: null,
			query: `select public.search_help_requests(null, null, null, null, $1::text, 20, 0) as result`,
			params: [pick(dataset.SEARCH_WORDS)],
			valid: (r) => (r as { total?: number }).total! > 0
		})
	};
}

const genSteps: { step: string; seconds: number }[] = [];
async function step(name: string, fn: () => Promise<unknown>) {
	const s = performance.now();
	await fn();
	const seconds = (performance.now() - s) / 1000;
	genSteps.push({ step: name, seconds });
	console.log(`  ${name}: ${seconds.toFixed(1)} s`);
}

const sqlResults: Record<Stage, Record<QueryName, Sampled>> = {} as never;
const plans: Record<QueryName, string> = {} as never;
let pages: Record<string, PageSampled & { path: string }> = {};
let buildNote: string;

async function measureStage(stage: Stage, districts: District[], withPlans: boolean) {
	const c = await dataset.counts(sql);
	const volunteers = await eligibleVolunteers();
	console.log(
		`\n[${stage}] ${STAGES[stage]}: ${c.total} requests (${c.open} open), ${c.volunteers} volunteers ` +
			`(${volunteers.length} with room for a match), ${c.active} active matches; measuring …`
	);
	const make = calls(volunteers, districts);
	sqlResults[stage] = {} as never;
	for (const name of Object.keys(make) as QueryName[]) {
		sqlResults[stage][name] = await sample(sql, make[name], SAMPLES);
		const r = sqlResults[stage][name];
		console.log(
			`  ${name.padEnd(8)} p50 ${fmt(r.p50, 2)} ms  p95 ${fmt(r.p95, 2)} ms  errors ${r.errors}` +
				(r.failure ? `  (first failure: ${r.failure})` : '')
		);
		if (withPlans) plans[name] = await explainNested(sql, notices, make[name](0));
	}
}

try {
	console.log(`Bench database ${dbName}; generating the data set …`);
	await step('volunteers and residents', () => dataset.createPeople(sql, ZAANSTAD));
	await step('10,000 requests (3,000 open)', () =>
		dataset.addRequests(sql, 1, 10_000, 'mixed', stack.userId)
	);
	await step('vacuum analyze', () => dataset.analyze(sql));
	const districts = await sql<District[]>`
		select id, slug from public.districts where municipality_id = ${ZAANSTAD} order by slug`;
	await measureStage('A', districts, false);

	console.log('\nAdding 90,000 closed requests …');
	await step('90,000 closed requests', async () => {
		await dataset.addRequests(sql, 10_001, 37_000, 'placeholder', stack.userId);
		await dataset.addRequests(sql, 37_001, 100_000, 'closed', stack.userId);
	});
	await step('vacuum analyze', () => dataset.analyze(sql));
	await measureStage('B', districts, false);

	console.log('\nOpening 27,000 more requests …');
	await step('27,000 placeholders → open requests', () =>
		dataset.reopenPlaceholders(sql, 10_001, 37_000, stack.userId)
	);
	await step('vacuum analyze', () => dataset.analyze(sql));
	await measureStage('C', districts, true);

	if (process.env.BENCH_SKIP_PAGES) {
		buildNote = 'skipped (BENCH_SKIP_PAGES)';
	} else {
		console.log('\nFull page requests through the production build …');
		buildNote = ensureBuild();
		console.log(`  ${buildNote}`);
		// A few volunteers with room for a match get a known password, to sign in with the real form.
		const volunteers = (await eligibleVolunteers()).slice(0, 5);
		await sql.unsafe(`create extension if not exists pgcrypto with schema bench`);
		await sql.unsafe(
			`update auth.users set encrypted_password = bench.crypt($1, bench.gen_salt('bf', 10))
			 where id = any ($2::uuid[])`,
			[VOLUNTEER_PASSWORD, volunteers]
		);
		const emails = await sql<{ email: string }[]>`
			select email from auth.users where id = any (${volunteers}::uuid[]) order by email`;
		app = await startApp(dbUrl.toString(), PORT);
		const cookies: string[] = [];
		let signInProblem = '';
		for (const { email } of emails) {
			try {
				cookies.push(await signInCookie(app.origin, email, VOLUNTEER_PASSWORD));
			} catch (error) {
				signInProblem ||= String(error);
			}
		}
		const boardPath = (i: number) => {
			const params = new URLSearchParams();
			if (i % 3 !== 0) params.set('wijk', pick(districts).slug);
			if (i % 3 !== 1) params.set('categorie', pick(dataset.CATEGORIES));
			return `/hulp?${params}`;
		};
		const searchPath = () => `/hulp?zoek=${encodeURIComponent(pick(dataset.SEARCH_WORDS))}`;
		pages = {
			board: {
				path: '/hulp?categorie=…&wijk=…',
				...(await samplePage(app.origin, boardPath, null, PAGE_SAMPLES))
			},
			search: {
				path: '/hulp?zoek=…',
				...(await samplePage(app.origin, searchPath, null, PAGE_SAMPLES))
			},
			'Voor jou': {
				path: '/hulp/voor-jou',
				...(cookies.length === 0
					? {
							samples: 0,
							p50: NaN,
							p95: NaN,
							calls: NaN,
							supabaseMsP50: NaN,
							skipped: `no volunteer could sign in: ${signInProblem}`
						}
					: await samplePageRotating(app, cookies))
			}
		};
	}
} finally {
	appOutput = app?.output() ?? '';
	await app?.stop();
	await sql.end();
	// BENCH_KEEP_DB=1 leaves the database for looking at plans by hand (drop it yourself).
	if (process.env.BENCH_KEEP_DB) console.log(`\nKept database ${dbName} (BENCH_KEEP_DB).`);
	else await stack.close();
}

async function samplePageRotating(a: App, cookies: string[]): Promise<PageSampled> {
	// samplePage takes one cookie; split the samples over the volunteers and merge by weight.
	const per = Math.ceil(PAGE_SAMPLES / cookies.length);
	const parts: PageSampled[] = [];
	for (const cookie of cookies)
		parts.push(await samplePage(a.origin, () => '/hulp/voor-jou', cookie, per));
	const skipped = parts.find((p) => p.skipped);
	if (skipped) return skipped;
	const avg = (f: (p: PageSampled) => number) => parts.reduce((s, p) => s + f(p), 0) / parts.length;
	return {
		samples: parts.reduce((s, p) => s + p.samples, 0),
		// Merging percentiles of equal-sized parts by their mean is an approximation; p95 takes the max.
		p50: avg((p) => p.p50),
		p95: Math.max(...parts.map((p) => p.p95)),
		calls: Math.max(...parts.map((p) => p.calls)),
		supabaseMsP50: avg((p) => p.supabaseMsP50)
	};
}

// --------------------------------------------------------------------------------------------
// Report
// --------------------------------------------------------------------------------------------

for (const name of Object.keys(plans) as QueryName[]) {
	console.log(`\n=== Plan: ${name} (stage C; statements inside the function, auto_explain) ===\n`);
	console.log(plans[name] || '(no plan captured)');
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const genTotal = genSteps.reduce((s, x) => s + x.seconds, 0);
console.log(`\nData generation: ${genTotal.toFixed(1)} s in total`);
console.log(
	table(
		['step', 'seconds'],
		genSteps.map((s) => [s.step, fmt(s.seconds, 1)])
	)
);

console.log(
	`\nSQL alone (BEGIN … set role/claims … call … COMMIT), ${SAMPLES} samples per line, ms\n`
);
console.log(
	table(
		['query', 'stage', '', 'p50', 'p95', 'errors'],
		(Object.keys(sqlResults) as Stage[]).flatMap((stage) =>
			(Object.keys(sqlResults[stage]) as QueryName[]).map((q) => {
				const r = sqlResults[stage][q];
				return [q, stage, STAGES[stage], fmt(r.p50, 2), fmt(r.p95, 2), r.errors];
			})
		)
	)
);

console.log('\nSummary: targets at 100,000 requests (stage C) and the growth ratios of p95\n');
const summary = (Object.keys(TARGET_MS) as QueryName[]).map((q) => {
	const a = sqlResults.A?.[q];
	const b = sqlResults.B?.[q];
	const c = sqlResults.C?.[q];
	const closedRatio = (b?.p95 ?? NaN) / (a?.p95 ?? NaN);
	const finalRatio = (c?.p95 ?? NaN) / (a?.p95 ?? NaN);
	return [
		q,
		`SQL p95 < ${TARGET_MS[q]} ms`,
		'',
		fmt(c?.p50 ?? NaN, 2),
		fmt(c?.p95 ?? NaN, 2),
		verdict((c?.p95 ?? Infinity) < TARGET_MS[q] && c?.errors === 0),
		fmt(closedRatio, 2),
		verdict(closedRatio <= 2),
		fmt(finalRatio, 2),
		verdict(finalRatio <= 2)
	];
});
console.log(
	table(['query', 'target', '', 'p50 C', 'p95 C', 'target?', 'B/A', '≤2×?', 'C/A', '≤2×?'], summary)
);
console.log(
	'  B/A: 10k → 100k requests by adding 90,000 closed ones (cost must not grow with closed requests).\n' +
		'  C/A: 10k → 100k with 10× the open requests too (the issue’s data set at both sizes).'
);

console.log(
	`\nFull page requests (production build, ${PAGE_SAMPLES} requests per page; ${buildNote.split('\n')[0]})\n`
);
console.log(
	table(
		['page', 'path', '', 'p50 ms', 'p95 ms', 'Supabase calls', '≤3?', 'Supabase ms p50'],
		Object.entries(pages).map(([name, p]) =>
			p.skipped
				? [name, p.path, '', '-', '-', '-', 'SKIP', p.skipped]
				: [
						name,
						p.path,
						'',
						fmt(p.p50, 1),
						fmt(p.p95, 1),
						p.calls,
						verdict(p.calls <= 3),
						fmt(p.supabaseMsP50, 1)
					]
		)
	)
);
if (buildNote.includes('\n')) console.log(`\n${buildNote}`);
if (Object.values(pages).some((p) => p.skipped?.includes('HTTP 5'))) {
	console.log(`\nServer output (last lines):\n${appOutput.slice(-3000)}`);
}

const cpus = os.cpus();
await mkdir('bench/results', { recursive: true });
await writeFile(
	'bench/results/match.json',
	JSON.stringify(
		{
			at: new Date().toISOString(),
			node: process.version,
			cpu: `${cpus.length}× ${cpus[0]?.model ?? 'unknown'}`,
			stages: STAGES,
			generation: genSteps,
			sql: sqlResults,
			pages
		},
		null,
		'\t'
	) + '\n'
);
console.log(
	`\nWrote bench/results/match.json (total ${((performance.now() - t0) / 1000).toFixed(0)} s).`
);
// With BENCH_KEEP_DB the embedded Supabase's pool is still open; nothing else is left to finish.
if (process.env.BENCH_KEEP_DB) process.exit(0);
