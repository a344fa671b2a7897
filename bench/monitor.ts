// npm run bench:monitor — the monitor sociaal domein on the real PostgreSQL (issue 21, Tests and
// numbers): Zaanstad-sized data (per year 2,000 applications and 20,000 redemptions, 5,000
// hulpvragen, 19 buurthuizen with weekly activities), added one year at a time from 1 to 5 years.
// After each year it measures the same things for the newest complete year:
//   - monitor_page as the municipality admin, SQL alone (the page's one database call), and
//     /beheer/monitor?jaar=… as a full page request through the production build (target: p95
//     under 300 ms);
//   - open_data_figures as anon, SQL alone, and /open-data/cijfers-….csv as a full request
//     (target: under 1 s);
// and the growth from 1 to 5 years of data (target: at most 1.5×, a year's page should not read
// five years). For the growth in time, the database as it was after 1 year (and after 2, when
// the page first has a year before to compare with) is kept as a copy and measured side by side
// with the 5-year one, blocks of calls alternating (lib/interleave.ts): the stages' own times are
// minutes apart and move with the machine's load. Each measure is taken twice in the same run:
// computed from the operational tables (no month rolled up) and with the closed months rolled up
// (close_monitor_months, the scheduled job), with the ratio between them; the verdicts are for the
// rollup, as the app runs.
//   DATABASE_URL=...        PostgreSQL server (default postgres://postgres:postgres@127.0.0.1:5432/postgres);
//                           a fresh database is created and dropped
//   BENCH_SAMPLES=40        measured calls per query and per page (after 5 warm-up calls)
//   BENCH_PORT=4271         port of the production server
//   BENCH_SKIP_PAGES=1      only the SQL part (no build, no server)
//   BENCH_KEEP_DB=1         do not drop the database at the end (to study plans by hand)
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import * as dataset from './lib/monitor-dataset.ts';
import { ensureBuild, samplePage, startApp, type App, type PageSampled } from './lib/hulp-app.ts';
import { sample, type Call, type Sampled } from './lib/hulp-sql.ts';
import { interleave, sqlBlock, type Block, type Compared } from './lib/interleave.ts';
import { copyDatabase, type DatabaseCopy } from './lib/pg-copy.ts';
import { signInCookie } from './lib/profile-page.ts';
import { quietly } from './lib/quiet.ts';
import { fmt, table } from './lib/report.ts';
import { PASSWORD, startStack } from './lib/stack.ts';

process.env.LITE_TELEMETRY = '0';
process.env.DATABASE_URL ||= 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const SAMPLES = Number(process.env.BENCH_SAMPLES || 40);
const PORT = Number(process.env.BENCH_PORT || 4271);
const TARGET = { page: 300, csv: 1000, growth: 1.5 };
/** The newest complete year: its months are all published in the open data. */
const YEAR = new Date().getFullYear() - 1;

const started = performance.now();
const stack = await quietly(() => startStack('postgres'));
const [{ current_database: dbName }] = (await stack.lite.exec('select current_database()'))
	.rows as [{ current_database: string }];
const dbUrl = new URL(process.env.DATABASE_URL);
dbUrl.pathname = `/${dbName}`;
const sql = postgres(dbUrl.toString(), { max: 2, onnotice: () => {} });
const uid = stack.userId;

interface Measured {
	pageSql: Sampled;
	/** Shared buffers one call touches (hit + read): the work, whatever the machine's load. */
	pageBuffers: number;
	csvBuffers: number;
	csvSql: Sampled;
	page?: PageSampled;
	csv?: PageSampled;
}
interface Stage extends Measured {
	years: number;
	rows: Record<string, number>;
	loadSeconds: number;
	/** Seconds close_monitor_months took to write every closed month of the data. */
	rollupSeconds: number;
	computed: Measured;
}
const stages: Stage[] = [];
let app: App | undefined;
let cookie: string | null = null;
let buildNote = 'skipped (BENCH_SKIP_PAGES)';
/**
 * The database after 1 and after 2 years, rolled up: the baselines of the side-by-side growth
 * (the issue's is 1 year; from 2 years on the page also has a year before to compare with).
 */
const baselines = new Map<number, DatabaseCopy>();
let oneYearApp: App | undefined;
const sideBySide: { from: number; label: string; compared: Compared }[] = [];

const monitorPath = () => `/beheer/monitor?jaar=${YEAR}`;
// A query of its own per request: the public page cache keys on the full URL, so each sample
// computes the file (a cached hit makes no database call to time).
const csvPath = (i: number) => `/open-data/cijfers-${YEAR}.csv?proef=${i}-${Date.now()}`;

const pageCall: Call = {
	role: 'authenticated',
	userId: uid,
	query: `select public.monitor_page($1::date, $2::date) as result`,
	params: [`${YEAR}-01-01`, `${YEAR}-12-31`],
	valid: (r) => Array.isArray((r as { figures?: unknown[] } | null)?.figures)
};
const csvCall: Call = {
	role: 'anon',
	userId: null,
	query: `select public.open_data_figures($1) as result`,
	params: [YEAR],
	valid: (r) => Array.isArray((r as { rows?: unknown[] } | null)?.rows)
};

/** EXPLAIN (ANALYZE, BUFFERS) of the outer call: its buffers include the nested statements'. */
async function buffers(c: Call): Promise<number> {
	const plan = await sql.begin(async (tx) => {
		await tx.unsafe(
			`select set_config('role', $1, true), set_config('request.jwt.claim.sub', $2, true),
				set_config('request.jwt.claim.role', $1, true), set_config('request.jwt.claims', $3, true)`,
			[
				c.role,
				c.userId ?? '',
				JSON.stringify(
					c.userId ? { sub: c.userId, role: c.role, aud: 'authenticated' } : { role: 'anon' }
				)
			]
		);
		return tx.unsafe(
			`explain (analyze, buffers, format json) ${c.query}`,
			c.params as postgres.ParameterOrJSON<never>[]
		);
	});
	const top = (plan[0] as unknown as { 'QUERY PLAN': { Plan: Record<string, number> }[] })[
		'QUERY PLAN'
	][0]?.Plan;
	return (top?.['Shared Hit Blocks'] ?? NaN) + (top?.['Shared Read Blocks'] ?? 0);
}

try {
	await sql.unsafe(
		`insert into public.memberships (user_id, municipality_id, role) values ($1, $2, 'municipality_admin')`,
		[uid, dataset.ZAANSTAD]
	);
	await dataset.addFixed(sql);

	if (!process.env.BENCH_SKIP_PAGES) {
		buildNote = ensureBuild();
		console.log(`Production build: ${buildNote}`);
		app = await startApp(dbUrl.toString(), PORT);
		const users = await sql<{ email: string }[]>`select email from auth.users where id = ${uid}`;
		cookie = await signInCookie(app.origin, String(users[0]?.email), PASSWORD);
	}

	const measure = async (): Promise<Measured> => {
		const m: Measured = {
			pageSql: await sample(sql, () => pageCall, SAMPLES, 5),
			csvSql: await sample(sql, () => csvCall, SAMPLES, 5),
			pageBuffers: await buffers(pageCall),
			csvBuffers: await buffers(csvCall)
		};
		if (app && cookie) {
			m.page = await samplePage(app.origin, monitorPath, cookie, SAMPLES, 5);
			m.csv = await samplePage(app.origin, csvPath, null, SAMPLES, 5);
		}
		return m;
	};
	// The same figures, as a check that the rollup changes nothing.
	const figures = async () =>
		JSON.stringify(
			(
				(await sql.begin(async (tx) => {
					await tx.unsafe(
						`select set_config('role', 'authenticated', true), set_config('request.jwt.claim.sub', $1, true),
							set_config('request.jwt.claims', $2, true)`,
						[uid, JSON.stringify({ sub: uid, role: 'authenticated', aud: 'authenticated' })]
					);
					return tx.unsafe(`select public.monitor_page($1::date, $2::date) as r`, [
						`${YEAR}-01-01`,
						`${YEAR}-12-31`
					]);
				})) as unknown as { r: { figures: unknown[]; previous: unknown[] } }[]
			)[0]?.r.figures
				.map((f) => JSON.stringify(f))
				.sort()
		);

	for (let years = 1; years <= 5; years++) {
		// The data of the new (older) year lands in months that were rolled up empty: start over.
		await sql.unsafe(`delete from public.monitor_months where municipality_id = $1`, [
			dataset.ZAANSTAD
		]);
		const t0 = performance.now();
		// The measured year first, then the years before it: the history grows behind it.
		await dataset.addYear(sql, YEAR - years + 1);
		const loadSeconds = (performance.now() - t0) / 1000;
		const rows = await dataset.counts(sql);
		const computed = await measure();
		const before = await figures();
		const t1 = performance.now();
		// At most 36 months per municipality per call, as the job writes them.
		while (
			Number(
				(
					await sql.unsafe(`select public.write_monitor_months(p_since => $1::date) as n`, [
						`${YEAR - 6}-01-01`
					])
				)[0]?.n
			) > 0
		);
		const rollupSeconds = (performance.now() - t1) / 1000;
		// Years of months written at once, as a new installation's first runs do: without fresh
		// statistics the planner reads the whole rollup (9.9k buffers instead of 1.7k at 5 years).
		// Autovacuum analyses it soon after; the bench does not wait for that.
		await sql.unsafe(`analyze public.monitor_months, public.monitor_month_events`);
		if ((await figures()) !== before) throw new Error('the rollup changed the page’s figures');
		const stage: Stage = {
			years,
			rows,
			loadSeconds,
			rollupSeconds,
			computed,
			...(await measure())
		};
		stages.push(stage);
		if (years <= 2) {
			// Nothing may be connected to a database while it is copied; the app starts again after.
			await app?.stop();
			baselines.set(years, await copyDatabase(dbUrl.toString(), `${dbName}_${years}y`));
			if (app) app = await startApp(dbUrl.toString(), PORT);
		}
		console.log(
			`${years} year(s) loaded in ${fmt(loadSeconds)} s, rolled up in ${fmt(rollupSeconds)} s: ${Object.entries(
				stage.rows
			)
				.map(([k, v]) => `${v} ${k}`)
				.join(', ')}`
		);
	}

	// 1 (and 2) years against 5, side by side: the same calls on a copy and on the full database.
	const blocks = { blocks: 16, perBlock: Math.max(3, Math.round(SAMPLES / 8)) };
	const oneYearUrl = (baselines.get(1) as DatabaseCopy).url;
	for (const [from, copy] of baselines)
		for (const [label, call] of [
			['page SQL', pageCall],
			['CSV SQL', csvCall]
		] as const)
			sideBySide.push({
				from,
				label,
				compared: await interleave(
					sqlBlock(copy.url, call),
					sqlBlock(dbUrl.toString(), call),
					blocks
				)
			});
	if (app && cookie) {
		oneYearApp = await startApp(oneYearUrl, PORT + 1);
		const pageOn =
			(origin: string, path: (i: number) => string, asUser: string | null): Block =>
			async (n) => {
				const s = await samplePage(origin, path, asUser, n, 0);
				return { times: s.times ?? [], cpuMs: null, errors: s.skipped ? n : 0 };
			};
		const origins = { one: oneYearApp.origin, five: app.origin };
		for (const [label, path, asUser] of [
			['full page', monitorPath, cookie],
			['full CSV request', csvPath, null]
		] as const)
			sideBySide.push({
				from: 1,
				label,
				compared: await interleave(
					pageOn(origins.one, path, asUser),
					pageOn(origins.five, path, asUser),
					blocks
				)
			});
	}

	const first = stages[0] as Stage;
	const last = stages.at(-1) as Stage;
	const compared = (stages[1] ?? first) as Stage;
	const skip = (p?: PageSampled) => p?.skipped ?? '';
	console.log(
		`\nMonitor of ${YEAR} for Zaanstad, ${SAMPLES} samples each (p50 / p95 in ms), computed from the tables:`
	);
	console.log(
		table(
			[
				'years of data',
				'page SQL p50',
				'page SQL p95',
				'page p95',
				'CSV SQL p95',
				'CSV p95',
				'page buffers',
				'CSV buffers'
			],
			stages.map((s) => [
				String(s.years),
				fmt(s.computed.pageSql.p50),
				fmt(s.computed.pageSql.p95),
				fmt(s.computed.page?.p95 ?? NaN),
				fmt(s.computed.csvSql.p95),
				fmt(s.computed.csv?.p95 ?? NaN),
				String(s.computed.pageBuffers),
				String(s.computed.csvBuffers)
			])
		)
	);
	console.log('\nWith the closed months rolled up (as the app runs), and rollup ÷ computed:');
	console.log(
		table(
			[
				'years of data',
				'rows (redemptions)',
				'page SQL p50',
				'page SQL p95',
				'page p50',
				'page p95',
				'CSV SQL p95',
				'CSV p95',
				'page buffers',
				'CSV buffers',
				'page SQL p50 ratio',
				'page buffers ratio',
				'CSV SQL p50 ratio'
			],
			stages.map((s) => [
				String(s.years),
				String(s.rows.redemptions),
				fmt(s.pageSql.p50),
				fmt(s.pageSql.p95),
				fmt(s.page?.p50 ?? NaN),
				fmt(s.page?.p95 ?? NaN),
				fmt(s.csvSql.p95),
				fmt(s.csv?.p95 ?? NaN),
				String(s.pageBuffers),
				String(s.csvBuffers),
				`${fmt(s.pageSql.p50 / s.computed.pageSql.p50, 2)}×`,
				`${fmt(s.pageBuffers / s.computed.pageBuffers, 2)}×`,
				`${fmt(s.csvSql.p50 / s.computed.csvSql.p50, 2)}×`
			])
		)
	);
	console.log(
		`\n1 and 2 years against 5, side by side (${blocks.blocks} alternating blocks of ${blocks.perBlock} calls each; ms, CPU = the database backend's per call):`
	);
	console.log(
		table(
			[
				'measure',
				'years',
				'N years p50',
				'5 years p50',
				'ratio',
				'N years p95',
				'5 years p95',
				'N years CPU',
				'5 years CPU',
				'CPU ratio'
			],
			sideBySide.map(({ from, label, compared: c }) => [
				label,
				`${from} → 5`,
				fmt(c.a.p50),
				fmt(c.b.p50),
				`${fmt(c.p50Ratio, 2)}×`,
				fmt(c.a.p95),
				fmt(c.b.p95),
				fmt(c.a.cpuPerCall),
				fmt(c.b.cpuPerCall),
				Number.isFinite(c.cpuRatio) ? `${fmt(c.cpuRatio, 2)}×` : '-'
			])
		)
	);
	const errors = [
		...stages.flatMap((s) =>
			[s.pageSql, s.csvSql, s.computed.pageSql, s.computed.csvSql]
				.filter((x) => x.errors > 0)
				.map((x) => `${s.years}y: ${x.failure}`)
		),
		...sideBySide
			.filter(({ compared: c }) => c.a.errors + c.b.errors > 0)
			.map(
				({ from, label, compared: c }) =>
					`side by side from ${from} year(s), ${label}: ${c.a.errors + c.b.errors} wrong answers`
			)
	];
	for (const e of errors) console.log(`  wrong answer: ${e}`);
	for (const s of stages)
		for (const p of [s.page, s.csv, s.computed.page, s.computed.csv])
			if (skip(p)) console.log(`  not measured: ${skip(p)}`);

	const growth = (a: number, b: number) => b / a;
	const pageP95 = last.page?.p95 ?? last.pageSql.p95;
	const csvP95 = last.csv?.p95 ?? last.csvSql.p95;
	const verdicts = [
		[
			`monitor page p95, 5 years (${last.page ? 'full page' : 'SQL'})`,
			`${fmt(pageP95)} ms`,
			`< ${TARGET.page} ms`,
			pageP95 < TARGET.page
		],
		[
			`open-data CSV p95, 5 years (${last.csv ? 'full request' : 'SQL'})`,
			`${fmt(csvP95)} ms`,
			`< ${TARGET.csv} ms`,
			csvP95 < TARGET.csv
		],
		// With one year of data the page has no year before to compare with, so it reads half;
		// from two years on it reads what every later year reads (1 → 5 is printed above).
		[
			`growth ${compared.years} → 5 years, page buffers (1 year: nothing to compare)`,
			`${fmt(growth(compared.pageBuffers, last.pageBuffers), 2)}×`,
			`≤ ${TARGET.growth}×`,
			growth(compared.pageBuffers, last.pageBuffers) <= TARGET.growth
		],
		[
			'growth 1 → 5 years, CSV buffers',
			`${fmt(growth(first.csvBuffers, last.csvBuffers), 2)}×`,
			`≤ ${TARGET.growth}×`,
			growth(first.csvBuffers, last.csvBuffers) <= TARGET.growth
		],
		...sideBySide.map(({ from, label, compared }) => [
			`growth ${from} → 5 years, ${label} p50 (side by side)`,
			`${fmt(compared.p50Ratio, 2)}×`,
			`≤ ${TARGET.growth}×`,
			compared.p50Ratio <= TARGET.growth
		])
	] as [string, string, string, boolean][];
	console.log('\nAgainst the issue:');
	console.log(
		table(
			['measure', 'measured', 'target', 'met'],
			verdicts.map(([m, v, t, ok]) => [m, v, t, ok ? 'yes' : 'NO'])
		)
	);
	// The targets are for a machine of its own; a shared one inflates every time by its load.
	const load = os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' / ');
	console.log(`\nLoad average (1 / 5 / 15 min) at the end: ${load} on ${os.cpus().length} cores.`);
	console.log(
		`Production build: ${buildNote}. Total ${fmt((performance.now() - started) / 1000, 0)} s.`
	);
	if (errors.length > 0 || verdicts.some(([, , , ok]) => !ok)) process.exitCode = 1;
} finally {
	await app?.stop();
	await oneYearApp?.stop();
	await sql.end();
	if (process.env.BENCH_KEEP_DB) {
		console.log(
			`Kept the databases: ${[dbUrl, ...[...baselines].map(([y, c]) => `${c.url} (${y} year)`)].join(', ')}`
		);
		process.exit();
	}
	for (const copy of baselines.values()) await copy.drop();
	await stack.close();
}
