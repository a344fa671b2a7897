// Buurthuizen data at scale on the real PostgreSQL (issue 11, Performance): 19 buurthuizen with
// weekly activities (10 weekly slots each, posted per quarter, plus 2 one-offs a week), and the
// server time of the activities query (list_activity_occurrences) and of an iCalendar feed.
// `npm run bench:map` runs this together with bh-map's browser bench.
//   DATABASE_URL=...   PostgreSQL server (default postgres://postgres:postgres@127.0.0.1:5432/postgres);
//                      a fresh database is created and dropped
//   BENCH_SAMPLES=250  measured calls per query and stage (after 20 warm-up calls)
//   BENCH_SKIP_PAGES=1 only the SQL and Data API part (no production build, no feed over HTTP)
//   BENCH_PORT=4392    port of the production server for the feed requests
// Stages (data from a quarter ago onwards): 1 year, 2 years (the data set), 4 years. The
// query windows are drawn from the first year in every stage, so the 4y/1y ratio shows what more
// data costs the same question. Targets: p95 < 20 ms, p95(4y) <= 2 x p95(1y).
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { ensureBuild, samplePage, startApp, type App } from './lib/hulp-app.ts';
import { explainNested, sample, timeCall, type Call, type Sampled } from './lib/hulp-sql.ts';
import { percentile } from './lib/load.ts';
import { quietly } from './lib/quiet.ts';
import { fmt, table } from './lib/report.ts';
import { startStack } from './lib/stack.ts';

process.env.LITE_TELEMETRY = '0';
process.env.DATABASE_URL ||= 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const SAMPLES = Number(process.env.BENCH_SAMPLES || 250);
const PORT = Number(process.env.BENCH_PORT || 4392);
const SKIP_PAGES = process.env.BENCH_SKIP_PAGES === '1';
const TARGET_P95_MS = 20;
const CATEGORIES = [
	'koffieochtend',
	'bewegen',
	'cursus',
	'kinderen',
	'ouderen',
	'taal',
	'cultuur',
	'spreekuur',
	'overig'
];

/** A seeded generator, so two runs draw the same windows and filters. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rnd = random(20261203);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const t0 = performance.now();

interface Db {
	stage: string;
	quarters: number;
	stack: Awaited<ReturnType<typeof startStack>>;
	url: string;
	sql: postgres.Sql;
	notices: string[];
	base: Date;
	centres: { id: string; district_id: string }[];
}

/** A fresh migrated database with its own embedded Supabase, for one stage. */
async function openDb(stage: string, quarters: number): Promise<Db> {
	const stack = await quietly(() => startStack('postgres'));
	const [{ current_database: dbName }] = (await stack.lite.exec('select current_database()'))
		.rows as [{ current_database: string }];
	const dbUrl = new URL(process.env.DATABASE_URL as string);
	dbUrl.pathname = `/${dbName}`;
	const notices: string[] = [];
	// One connection, used one call at a time: latency, not throughput.
	const sql = postgres(dbUrl.toString(), {
		max: 1,
		onnotice: (n) => notices.push(String(n.message))
	});
	// Monday of this week, a quarter back: the data and the windows start here.
	const [{ base }] = await sql<[{ base: Date }]>`
		select (date_trunc('week', now() at time zone 'Europe/Amsterdam') - interval '13 weeks') at time zone 'Europe/Amsterdam' as base`;
	const centres = await sql<{ id: string; district_id: string }[]>`
		select id, district_id from public.community_centres order by slug`;
	return { stage, quarters, stack, url: dbUrl.toString(), sql, notices, base, centres };
}

/** Adds `quarters` quarters of data: weekly series, one-offs, skipped weeks, counts, cancellations. */
async function addQuarters({ sql, base }: Db, fromQuarter: number, toQuarter: number) {
	await sql`
		with slots as (
			select c.id as centre_id, s as slot, q as quarter
			from public.community_centres c, generate_series(1, 10) s, generate_series(${fromQuarter}::int, ${toQuarter - 1}::int) q
		), starts as (
			select *, ((${base}::timestamptz at time zone 'Europe/Amsterdam')
				+ make_interval(weeks => quarter * 13, days => slot % 6, hours => 9 + (slot * 3) % 11)) as local_start
			from slots
		)
		insert into public.activities (municipality_id, community_centre_id, district_id, title, description,
			category, audience, recurrence, starts_at, ends_at, repeat_until, series_ends_at, cost_cents,
			needs_registration, max_participants, cancelled_at, cancel_reason)
		select '00000000-0000-4000-8000-000000000001', s.centre_id, s.centre_id, 'Wekelijkse activiteit ' || s.slot,
			'Elke week in het buurthuis.', (${CATEGORIES}::text[])[1 + s.slot % 9],
			case when s.slot % 7 = 0 then 'carers' else 'everyone' end, 'weekly',
			s.local_start at time zone 'Europe/Amsterdam',
			(s.local_start + interval '2 hours') at time zone 'Europe/Amsterdam',
			s.local_start::date + 12 * 7, now(), case when s.slot % 3 = 0 then 250 else 0 end,
			s.slot % 4 = 0, case when s.slot % 4 = 0 then 20 end,
			case when (s.slot + s.quarter) % 29 = 0 then now() end, ''
		from starts s`;
	// Two one-offs a week per centre.
	await sql`
		with weeks as (
			select c.id as centre_id, w, n
			from public.community_centres c, generate_series(${fromQuarter * 13}::int, ${toQuarter * 13 - 1}::int) w, generate_series(1, 2) n
		)
		insert into public.activities (municipality_id, community_centre_id, district_id, title,
			category, recurrence, starts_at, ends_at, series_ends_at, cost_cents)
		select '00000000-0000-4000-8000-000000000001', centre_id, centre_id, 'Eenmalige activiteit',
			(${CATEGORIES}::text[])[1 + (w + n) % 9], 'once',
			((${base}::timestamptz at time zone 'Europe/Amsterdam') + make_interval(weeks => w, days => (n * 2 + w) % 7, hours => 14)) at time zone 'Europe/Amsterdam',
			((${base}::timestamptz at time zone 'Europe/Amsterdam') + make_interval(weeks => w, days => (n * 2 + w) % 7, hours => 16)) at time zone 'Europe/Amsterdam',
			now(), case when n = 2 then 500 else 0 end
		from weeks`;
	// Every weekly series skips its 6th week; registrations are counted on the first 13 weeks.
	await sql`
		insert into public.activity_exceptions (municipality_id, activity_id, occurs_on)
		select a.municipality_id, a.id, (a.starts_at at time zone 'Europe/Amsterdam')::date + 35
		from public.activities a
		where a.recurrence = 'weekly' and not exists (select 1 from public.activity_exceptions e where e.activity_id = a.id)`;
	await sql`
		insert into public.activity_occurrence_counts (activity_id, occurs_on, municipality_id, registered_count)
		select a.id, (a.starts_at at time zone 'Europe/Amsterdam')::date + 7 * k, a.municipality_id, 5 + k % 10
		from public.activities a, generate_series(0, 12) k
		where a.needs_registration
		on conflict do nothing`;
	await sql`analyze public.activities`;
	await sql`analyze public.activity_exceptions`;
	await sql`analyze public.activity_occurrence_counts`;
}

const LIST = `select coalesce(jsonb_agg(o), '[]'::jsonb) as result
	from public.list_activity_occurrences($1::timestamptz, $2::timestamptz, $3::uuid, $4::uuid, $5::text, $6::boolean) o`;

interface Draw {
	week: number;
	filter: number;
	centre: number;
	category: string;
}

/** A random window start in the first year and a random filter, as the map and list ask. */
const draw = (days: number): Draw => ({
	week: Math.floor(rnd() * (52 - days / 7)),
	filter: rnd(),
	centre: Math.floor(rnd() * 19),
	category: pick(CATEGORIES)
});

function listParams(db: Db, d: Draw, days: number) {
	const start = new Date(db.base.getTime() + d.week * 7 * 86_400_000);
	const to = new Date(start.getTime() + days * 86_400_000);
	const centre = db.centres[d.centre % db.centres.length] as Db['centres'][number];
	const r = d.filter;
	return [
		start.toISOString(),
		to.toISOString(),
		r < 0.2 ? centre.district_id : null,
		r >= 0.2 && r < 0.4 ? centre.id : null,
		r >= 0.4 && r < 0.6 ? d.category : null,
		r >= 0.6 && r < 0.7
	];
}

const listCall = (db: Db, d: Draw, days: number): Call => ({
	role: 'anon',
	userId: null,
	query: LIST,
	params: listParams(db, d, days),
	valid: (result) => Array.isArray(result)
});

const FEED = `select public.activity_feed($1::text, null) as result`;
const feedCall = (slug: string | null): Call => ({
	role: 'anon',
	userId: null,
	query: FEED,
	params: [slug],
	valid: (result) => typeof result === 'object' && result !== null
});

function stats(times: number[], errors: number): Sampled {
	const sorted = [...times].sort((a, b) => a - b);
	return {
		samples: sorted.length,
		errors,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95)
	};
}

/**
 * The same draws against every stage's database in turn, call by call, so a busy machine slows
 * every stage alike and the ratios stay fair.
 */
async function interleaved(
	dbs: Db[],
	samples: number,
	warmup: number,
	make: (db: Db, i: number) => Call
) {
	const times = dbs.map(() => [] as number[]);
	const errors = dbs.map(() => 0);
	for (let i = 0; i < samples + warmup; i++) {
		for (const [j, db] of dbs.entries()) {
			const c = make(db, i);
			let ms = NaN;
			let ok = false;
			try {
				const r = await timeCall(db.sql, c);
				ms = r.ms;
				ok = c.valid ? c.valid(r.result) : true;
			} catch {
				// counted as an error below
			}
			if (i < warmup) continue;
			if (!ok) errors[j] = (errors[j] ?? 0) + 1;
			if (Number.isFinite(ms)) times[j]?.push(ms);
		}
	}
	return dbs.map((_, j) => stats(times[j] ?? [], errors[j] ?? 0));
}

/** The list through the Data API over loopback HTTP (lite on PostgreSQL), as the app calls it. */
async function sampleRpc(db: Db, samples: number): Promise<Sampled> {
	const times: number[] = [];
	let errors = 0;
	for (let i = 0; i < samples + 20; i++) {
		const [from, to, district, centre, category, free] = listParams(db, draw(7), 7);
		const t = performance.now();
		const res = await fetch(`${db.stack.url}/rest/v1/rpc/list_activity_occurrences`, {
			method: 'POST',
			headers: { apikey: db.stack.publishableKey, 'content-type': 'application/json' },
			body: JSON.stringify({
				p_from: from,
				p_to: to,
				p_district_id: district,
				p_centre_id: centre,
				p_category: category,
				p_free_only: free
			})
		});
		await res.arrayBuffer();
		if (i < 20) continue;
		if (!res.ok) errors++;
		times.push(performance.now() - t);
	}
	return stats(times, errors);
}

interface StageResult {
	stage: string;
	activities: number;
	occurrences: number;
	week: Sampled;
	month: Sampled;
	feedCity: Sampled;
	feedCentre: Sampled;
	rpc?: Sampled;
}

const dbs: Db[] = [];
const results: StageResult[] = [];
let app: App | undefined;
let feedPages:
	| { city: Awaited<ReturnType<typeof samplePage>>; centre: Awaited<ReturnType<typeof samplePage>> }
	| undefined;
let buildNote = '';
try {
	for (const [stage, quarters] of [
		['1 year', 4],
		['2 years', 8],
		['4 years', 16]
	] as const) {
		const db = await openDb(stage, quarters);
		dbs.push(db);
		await addQuarters(db, 0, quarters);
	}
	console.log(`Data ready after ${fmt((performance.now() - t0) / 1000, 0)} s; measuring …`);
	const weekDraws = Array.from({ length: SAMPLES + 20 }, () => draw(7));
	const monthDraws = Array.from({ length: SAMPLES + 20 }, () => draw(28));
	const week = await interleaved(dbs, SAMPLES, 20, (db, i) =>
		listCall(db, weekDraws[i] as Draw, 7)
	);
	const month = await interleaved(dbs, SAMPLES, 20, (db, i) =>
		listCall(db, monthDraws[i] as Draw, 28)
	);
	const feedCity = await interleaved(dbs, Math.ceil(SAMPLES / 5), 3, () => feedCall(null));
	const feedCentre = await interleaved(dbs, SAMPLES, 10, () => feedCall('de-lorzie'));
	for (const [j, db] of dbs.entries()) {
		const [{ activities, occurrences }] = await db.sql<
			[{ activities: number; occurrences: number }]
		>`
			select count(*)::int as activities,
				sum(case when recurrence = 'weekly' then (repeat_until - (starts_at at time zone 'Europe/Amsterdam')::date) / 7 + 1 else 1 end)::int as occurrences
			from public.activities`;
		results.push({
			stage: db.stage,
			activities,
			occurrences,
			week: week[j] as Sampled,
			month: month[j] as Sampled,
			feedCity: feedCity[j] as Sampled,
			feedCentre: feedCentre[j] as Sampled
		});
	}
	const twoYears = dbs[1] as Db;
	(results[1] as StageResult).rpc = await sampleRpc(twoYears, SAMPLES);
	// BENCH_EXPLAIN=1: the plan of one unfiltered week at 4 years, to study by hand.
	if (process.env.BENCH_EXPLAIN === '1') {
		const four = dbs[2] as Db;
		const c = listCall(four, { week: 10, filter: 0.9, centre: 0, category: 'taal' }, 7);
		for (let i = 0; i < 8; i++) await sample(four.sql, () => c, 1, 0);
		console.log(await explainNested(four.sql, four.notices, c));
	}
	if (!SKIP_PAGES) {
		buildNote = ensureBuild();
		app = await startApp(twoYears.url, PORT);
		feedPages = {
			city: await samplePage(app.origin, () => '/buurthuizen/agenda.ics', null, 40, 5),
			centre: await samplePage(
				app.origin,
				() => '/buurthuizen/de-lorzie/agenda.ics',
				null,
				SAMPLES,
				10
			)
		};
	}
} finally {
	await app?.stop();
	for (const db of dbs) {
		await db.sql.end();
		await db.stack.close();
	}
}

const row = (r: StageResult, name: string, s: Sampled) => [
	r.stage,
	name,
	`${r.activities} / ${r.occurrences}`,
	s.samples,
	s.errors,
	fmt(s.p50),
	fmt(s.p95)
];
console.log('\nBuurthuizen data (PostgreSQL, SQL time from BEGIN to COMMIT, one connection)\n');
console.log(
	table(
		['stage', 'query', 'activities / occurrences', 'n', 'errors', 'p50 ms', 'p95 ms'],
		results.flatMap((r) => [
			row(r, 'list, 1 week', r.week),
			row(r, 'list, 4 weeks', r.month),
			row(r, 'feed SQL, city', r.feedCity),
			row(r, 'feed SQL, 1 buurthuis', r.feedCentre),
			...(r.rpc ? [row(r, 'list, 1 week, Data API (HTTP)', r.rpc)] : [])
		])
	)
);
if (feedPages) {
	console.log(`\nFeeds from the production server at 2 years (${buildNote}):`);
	for (const [name, p] of Object.entries(feedPages)) {
		console.log(
			p.skipped
				? `  ${name}: skipped (${p.skipped})`
				: `  ${name}: p50 ${fmt(p.p50)} ms, p95 ${fmt(p.p95)} ms (${p.calls} Supabase call, p50 ${fmt(p.supabaseMsP50)} ms of it)`
		);
	}
}
const one = results[0] as StageResult;
const two = results[1] as StageResult;
const four = results[2] as StageResult;
const ratio = four.week.p95 / one.week.p95;
console.log(
	`\nActivities query (1 week) p95 at 2 years: ${fmt(two.week.p95)} ms (target < ${TARGET_P95_MS} ms): ${two.week.p95 < TARGET_P95_MS ? 'met' : 'NOT met'}`
);
console.log(
	`p95 4 years / 1 year: ${fmt(four.week.p95)} / ${fmt(one.week.p95)} = ${fmt(ratio, 2)}x (target <= 2x): ${ratio <= 2 ? 'met' : 'NOT met'}`
);
console.log(
	`Month view: ${fmt(four.month.p95 / one.month.p95, 2)}x. Total ${fmt((performance.now() - t0) / 1000, 0)} s.`
);
const failed = results.some((r) => r.week.errors + r.month.errors > 0);
process.exitCode = failed || two.week.p95 >= TARGET_P95_MS || ratio > 2 ? 1 : 0;
