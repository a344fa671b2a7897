// npm run bench:privacy — the privacy services on the real PostgreSQL (issue 20, Numbers), on top of
// one Zaanstad-sized year (bench/lib/monitor-dataset.ts: 5,000 hulpvragen, 2,000 applications,
// 19 buurthuizen with weekly activities):
//   - export_my_data('json') for a heavy user (200 hulpvragen with their matches, 500 messages,
//     3 applications with cheques, 50 activity registrations): server time, target under 1 s;
//   - the processing log's cost on the pages that write it (the consulent's application file, the
//     coordinator's request page, the board's page of an activity with 72 people registered on its
//     next 16 dates): p95 of the whole page (GET through the production server, signed in as the staff
//     member) with logging on and off, in alternating blocks of one run; target at most 15% more.
//     Beside it, for the cause, the same for the page's one database call alone (BEGIN to COMMIT).
//     "Off" replaces log_processing_many (every log write goes through it) by a function that
//     writes nothing, in this throwaway database only.
//   DATABASE_URL=...     PostgreSQL server (default postgres://postgres:postgres@127.0.0.1:5432/postgres);
//                        a fresh database is created and dropped
//   BENCH_SAMPLES=40     measured calls per measurement (after warm-up calls)
//   BENCH_PAGE_SAMPLES=400 measured page requests per side (on, off) and page
//   BENCH_PORT=4281      port of the production server (built first when src/ is newer)
//   BENCH_SKIP_PAGES=1   only the database calls
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import * as dataset from './lib/monitor-dataset.ts';
import { timeCall, type Call, type Sampled } from './lib/hulp-sql.ts';
import { percentile } from './lib/load.ts';
import { quietly } from './lib/quiet.ts';
import { fmt, table } from './lib/report.ts';
import { ensureBuild, samplePage, startApp, type App } from './lib/hulp-app.ts';
import { signInCookie } from './lib/profile-page.ts';
import { addAccount, PASSWORD, startStack } from './lib/stack.ts';

process.env.LITE_TELEMETRY = '0';
process.env.DATABASE_URL ||= 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const SAMPLES = Number(process.env.BENCH_SAMPLES || 40);
const PAGE_SAMPLES = Number(process.env.BENCH_PAGE_SAMPLES || 400);
const PORT = Number(process.env.BENCH_PORT || 4281);
const TARGET = { exportMs: 1000, overhead: 0.15 };
const YEAR = new Date().getFullYear() - 1;
const Z = dataset.ZAANSTAD;

const started = performance.now();
const stack = await quietly(() => startStack('postgres'));
const [{ current_database: dbName }] = (await stack.lite.exec('select current_database()'))
	.rows as [{ current_database: string }];
const dbUrl = new URL(process.env.DATABASE_URL);
dbUrl.pathname = `/${dbName}`;
const sql = postgres(dbUrl.toString(), { max: 2, onnotice: () => {} });
const heavy = stack.userId;
// Accounts that sign in to the app for the page measurement.
const accounts = await quietly(async () => ({
	caseworker: await addAccount(stack, 'Bench consulent'),
	coordinator: await addAccount(stack, 'Bench coördinator'),
	board: await addAccount(stack, 'Bench bestuur')
}));
type StaffRole = keyof typeof accounts;
const staff = {
	caseworker: accounts.caseworker.userId,
	coordinator: accounts.coordinator.userId,
	board: accounts.board.userId
};

/** The heavy user's rows, and the staff who read other people's data. */
async function addHeavyUser() {
	await sql.begin(async (tx) => {
		await tx.unsafe(`set local session_replication_role = replica`);
		await tx.unsafe(`
			create temporary table bench_h on commit drop as
				select gen_random_uuid() as request_id, gen_random_uuid() as response_id, gen_random_uuid() as match_id, i,
					(select user_id from public.volunteer_profiles where municipality_id = '${Z}' order by user_id offset (i % 50) limit 1) as volunteer,
					(select id from public.districts where municipality_id = '${Z}' order by slug limit 1) as district_id,
					now() - make_interval(days => 400 - i) as at
				from generate_series(1, 200) i;
			insert into public.help_requests (id, municipality_id, district_id, requester_id, created_by, category, title, description,
				latitude, longitude, when_kind, duration_minutes, status, matched_at, done_at, created_at)
			select h.request_id, '${Z}', h.district_id, '${heavy}', '${heavy}', 'groceries', 'Mijn hulpvraag nummer ' || h.i,
				'Wie helpt mij met de boodschappen deze week?', 52.44, 4.82, 'flexible', 60,
				case when h.i <= 190 then 'done' else 'matched' end, h.at + interval '2 hours',
				case when h.i <= 190 then h.at + interval '5 days' end, h.at
			from bench_h h;
			insert into public.help_request_contacts (request_id, municipality_id, created_by, resident_name, phone, street_address)
			select h.request_id, '${Z}', '${heavy}', 'Zware Gebruiker', '0612345678', 'Benchstraat ' || h.i from bench_h h;
			insert into public.responses (id, municipality_id, request_id, volunteer_id, message, status, created_at)
			select h.response_id, '${Z}', h.request_id, h.volunteer, 'Ik help je graag.', 'accepted', h.at + interval '1 hour' from bench_h h;
			insert into public.matches (id, municipality_id, request_id, response_id, volunteer_id, requester_id, status, done_at, created_at)
			select h.match_id, '${Z}', h.request_id, h.response_id, h.volunteer, '${heavy}',
				case when h.i <= 190 then 'done' else 'active' end, case when h.i <= 190 then h.at + interval '5 days' end,
				h.at + interval '2 hours'
			from bench_h h;
			insert into public.match_messages (municipality_id, match_id, sender_id, body, created_at)
			select '${Z}', h.match_id, case when k % 2 = 0 then '${heavy}'::uuid else h.volunteer end,
				'Bericht ' || k || ' over onze afspraak.', h.at + make_interval(hours => 3 + k)
			from bench_h h cross join generate_series(1, 3) k where (h.i - 1) * 3 + k <= 500;

			-- Three approved applications (three schemes) with their cheques.
			insert into public.schemes (municipality_id, year, cheque_value_cents, pluim_value_cents,
				application_opens_on, application_closes_on, redeem_until, budget_cents)
			select '${Z}', y, 5000, 2500, make_date(y, 1, 1), make_date(y, 10, 31), make_date(y + 1, 3, 31), 57000000
			from generate_series(${YEAR - 2}, ${YEAR - 1}) y
			on conflict do nothing;
			insert into public.applications (id, municipality_id, scheme_id, district_id, carer_user_id, carer_first_name, carer_last_name,
				carer_birth_date, carer_postcode, carer_house_number, carer_email, carer_phone, care_recipient_name, care_recipient_postcode,
				care_relation, hours_per_week, caring_since, consent_at, status, decided_at, created_at)
			select gen_random_uuid(), '${Z}', s.id, (select id from public.districts where municipality_id = '${Z}' order by slug limit 1),
				'${heavy}', 'Zware', 'Gebruiker', date '1970-05-05', '1561AB', '12', 'zwaar@buurtkracht.example', '0612345678',
				'Moeder', '1561CD', 'parent', 12, date '2018-01-01', make_date(s.year, 3, 1), 'approved', make_date(s.year, 3, 6), make_date(s.year, 3, 1)
			from public.schemes s where s.municipality_id = '${Z}' and s.year between ${YEAR - 2} and ${YEAR};
			insert into public.cheques (municipality_id, scheme_id, application_id, carer_user_id, kind, code, value_cents, remaining_cents,
				holder_first_name, expires_on, created_at)
			select a.municipality_id, a.scheme_id, a.id, '${heavy}', 'cheque', translate(upper(substr(md5('heavy' || a.id), 1, 16)), 'ILOU', '1234'),
				5000, 0, 'Zware', s.redeem_until, a.decided_at
			from public.applications a join public.schemes s on s.id = a.scheme_id where a.carer_user_id = '${heavy}';

			-- Fifty registrations for one weekly activity with registration.
			create temporary table bench_activity on commit drop as
				select a.id, a.community_centre_id, (a.starts_at at time zone 'Europe/Amsterdam')::date as first_day
				from public.activities a where a.municipality_id = '${Z}' and a.recurrence = 'weekly' and a.needs_registration
				order by a.id limit 1;
			insert into public.activity_registrations (municipality_id, community_centre_id, activity_id, occurs_on, user_id, created_at)
			select '${Z}', b.community_centre_id, b.id, b.first_day + 7 * w, '${heavy}', now() - interval '400 days'
			from bench_activity b cross join generate_series(0, 49) w
			on conflict do nothing;

			-- The same series runs on for a year, and the board's page shows its next 16 dates: each has
			-- 8 regulars and 4 people who come once (100 residents with a profile), 30 places.
			update public.activities a set repeat_until = current_date + 365,
				series_ends_at = ((current_date + 365) + (a.ends_at at time zone 'Europe/Amsterdam')::time) at time zone 'Europe/Amsterdam'
			where a.id = (select id from bench_activity);
			create temporary table bench_residents on commit drop as
				select gen_random_uuid() as id, n from generate_series(1, 100) n;
			insert into public.profiles (id, municipality_id, display_name)
			select r.id, '${Z}', 'Deelnemer ' || r.n from bench_residents r;
			insert into public.activity_registrations (municipality_id, community_centre_id, activity_id, occurs_on, user_id, created_at)
			select '${Z}', b.community_centre_id, b.id, d.occurs_on, r.id, now() - interval '1 day'
			from bench_activity b
			cross join lateral (
				select b.first_day + 7 * k as occurs_on, row_number() over (order by k) as w
				from generate_series((current_date - b.first_day) / 7, (current_date - b.first_day) / 7 + 21) k
				where b.first_day + 7 * k >= current_date
			) d
			join bench_residents r on r.n <= 8 or r.n between 9 + (d.w - 1) * 4 and 8 + d.w * 4
			on conflict do nothing;

			-- Staff: a consulent for every wijk, a coordinator, the board of that buurthuis.
			insert into public.memberships (user_id, municipality_id, role, community_centre_id)
			values ('${staff.caseworker}', '${Z}', 'caseworker', null), ('${staff.coordinator}', '${Z}', 'coordinator', null),
				('${staff.board}', '${Z}', 'board_member', (select community_centre_id from bench_activity));
			insert into public.caseworker_districts (municipality_id, user_id, district_id)
			select '${Z}', '${staff.caseworker}', d.id from public.districts d where d.municipality_id = '${Z}';
		`);
	});
	await sql.unsafe('analyze');
}

const call = (userId: string, query: string, params: unknown[]): Call => ({
	role: 'authenticated',
	userId,
	query,
	params,
	valid: (r) => r !== null && r !== undefined
});

/** export_my_data is limited to 10 a minute per person: the count is cleared before each call. */
async function sampleExport(): Promise<Sampled & { bytes: number; max: number }> {
	const c: Call = {
		...call(heavy, `select public.export_my_data('json') as result`, []),
		valid: (r) => (r as { ok?: boolean } | null)?.ok === true
	};
	const times: number[] = [];
	let errors = 0;
	let failure: string | undefined;
	let bytes = 0;
	for (let i = 0; i < SAMPLES + 3; i++) {
		await sql.unsafe(`delete from public.personal_data_requests where user_id = $1`, [heavy]);
		const r = await timeCall(sql, c);
		if (!c.valid!(r.result)) {
			errors++;
			failure ??= JSON.stringify(r.result).slice(0, 200);
		}
		bytes = JSON.stringify(r.result).length;
		if (i >= 3) times.push(r.ms);
	}
	times.sort((a, b) => a - b);
	return {
		samples: times.length,
		errors,
		failure,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		max: times.at(-1) ?? NaN,
		bytes
	};
}

const LOG_FN =
	'public.log_processing_many(uuid, text, text, text, uuid[], text[], text, uuid[], text, uuid)';
let logOn = '';
async function setLogging(on: boolean) {
	if (on) {
		await sql.unsafe(logOn);
	} else {
		await sql.unsafe(`create or replace function public.log_processing_many(
			p_municipality_id uuid, p_activity text, p_operation text, p_name text, p_subject_ids uuid[],
			p_subject_types text[], p_object_type text, p_object_ids uuid[], p_actor_role text, p_scope_id uuid default null
		) returns integer language sql security definer set search_path = '' as $$ select 0 $$`);
	}
}

const logLines = async () =>
	(await sql<{ n: number }[]>`select count(*)::int as n from public.processing_log`)[0]!.n;

interface Side {
	on: number[];
	off: number[];
	flushes: { on: number; off: number };
}

interface PageCase {
	name: string;
	role: StaffRole;
	/** The page's one database call, as the app makes it. */
	next: () => Call;
	/** The page itself. */
	path: () => string;
	sql: Side;
	page: Side;
	pageSkipped?: string;
	lines: number;
}

const side = (): Side => ({ on: [], off: [], flushes: { on: 0, off: 0 } });
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const p50 = (xs: number[]) => percentile(sorted(xs), 50);
const p95 = (xs: number[]) => percentile(sorted(xs), 95);
/** WAL flushes so far, server-wide: a commit that waits for the disk is one. */
const walSyncs = async () =>
	Number((await sql<{ n: string }[]>`select wal_sync::text as n from pg_stat_wal`)[0]!.n);
// Small blocks in the order on, off, off, on, repeated (after an unmeasured warm-up block), so that
// drift in machine load, a page still warming up and the app's garbage collection pauses hit both
// sides alike.
const BLOCK = 20;

/** Runs `measure` in blocks with logging on and off; returns the log lines the measured blocks wrote. */
async function alternate(
	into: Side,
	measure: (n: number) => Promise<number[]>,
	perSide: number
): Promise<number> {
	let lines = 0;
	await measure(BLOCK);
	const order = Array.from({ length: Math.max(1, Math.ceil(perSide / (2 * BLOCK))) }, () => [
		true,
		false,
		false,
		true
	]).flat();
	for (const on of order) {
		await setLogging(on);
		const before = await logLines();
		const syncs = await walSyncs();
		(on ? into.on : into.off).push(...(await measure(BLOCK)));
		into.flushes[on ? 'on' : 'off'] += (await walSyncs()) - syncs;
		if (on) lines += (await logLines()) - before;
	}
	await setLogging(true);
	return lines;
}

function sideRow(name: string, s: Side, extra: (string | number)[]) {
	const overhead = p95(s.on) / p95(s.off) - 1;
	return [
		name,
		`${s.on.length}/${s.off.length}`,
		fmt(p50(s.on)),
		fmt(p50(s.off)),
		fmt(p95(s.on)),
		fmt(p95(s.off)),
		`${fmt(overhead * 100)}%`,
		...extra,
		overhead <= TARGET.overhead ? 'yes' : 'NO'
	];
}

const SIDE_HEADER = [
	'page',
	'samples on/off',
	'p50 on',
	'p50 off',
	'p95 on',
	'p95 off',
	'overhead p95'
];

let app: App | undefined;
let buildNote = 'skipped (BENCH_SKIP_PAGES)';

try {
	await quietly(async () => {
		await dataset.addFixed(sql);
		await dataset.addYear(sql, YEAR);
		await addHeavyUser();
	});
	const setupSeconds = (performance.now() - started) / 1000;
	const rows = await sql<
		{ requests: number; messages: number; applications: number; registrations: number }[]
	>`
		select (select count(*)::int from public.help_requests where requester_id = ${heavy}) as requests,
			(select count(*)::int from public.match_messages mm join public.matches m on m.id = mm.match_id
				where m.requester_id = ${heavy}) as messages,
			(select count(*)::int from public.applications where carer_user_id = ${heavy}) as applications,
			(select count(*)::int from public.activity_registrations where user_id = ${heavy}) as registrations`;
	const heavyRows = rows[0]!;

	const exported = await sampleExport();

	logOn = (
		await sql<{ def: string }[]>`select pg_get_functiondef(${LOG_FN}::regprocedure) as def`
	)[0]!.def;
	const apps = await sql<{ id: string }[]>`
		select id from public.applications where municipality_id = ${Z} and carer_user_id is null order by id limit 200`;
	const requests = await sql<{ id: string }[]>`
		select r.id from public.help_requests r where r.requester_id = ${heavy} order by r.id`;
	const [activity] = await sql<{ id: string }[]>`
		select activity_id as id from public.activity_registrations where user_id = ${heavy} limit 1`;
	let i = 0;
	const next = <T>(xs: T[]) => xs[i++ % xs.length]!;
	const cases: PageCase[] = [
		{
			name: 'consulent: application file',
			role: 'caseworker',
			next: () =>
				call(staff.caseworker, `select public.application_file($1) as result`, [next(apps).id]),
			path: () => `/mantelzorg/consulent/${next(apps).id}`,
			sql: side(),
			page: side(),
			lines: 0
		},
		{
			name: 'coordinator: request page',
			role: 'coordinator',
			next: () =>
				call(staff.coordinator, `select public.coordination_request_page($1) as result`, [
					next(requests).id
				]),
			path: () => `/hulp/coordinatie/vraag/${next(requests).id}`,
			sql: side(),
			page: side(),
			lines: 0
		},
		{
			name: 'board: activity page',
			role: 'board',
			next: () =>
				call(staff.board, `select public.activity_board_page($1) as result`, [activity!.id]),
			path: () => `/buurthuizen/bestuur/activiteit/${activity!.id}`,
			sql: side(),
			page: side(),
			lines: 0
		}
	];
	const failures: string[] = [];
	for (const c of cases) {
		c.lines = await alternate(
			c.sql,
			async (n) => {
				const times: number[] = [];
				for (let k = 0; k < n; k++) {
					const r = await timeCall(sql, c.next()).catch((e: unknown) => {
						failures.push(`${c.name}: ${String(e)}`);
						return null;
					});
					if (r) times.push(r.ms);
				}
				return times;
			},
			SAMPLES
		);
	}

	if (!process.env.BENCH_SKIP_PAGES) {
		buildNote = ensureBuild();
		app = await startApp(dbUrl.toString(), PORT);
		for (const c of cases) {
			const cookie = await signInCookie(app.origin, accounts[c.role].email, PASSWORD);
			await alternate(
				c.page,
				async (n) => {
					const r = await samplePage(app!.origin, c.path, cookie, n, 0);
					c.pageSkipped ??= r.skipped;
					return r.times ?? [];
				},
				PAGE_SAMPLES
			);
		}
	}

	console.log(`bench:privacy on PostgreSQL (${dbName}), set-up ${fmt(setupSeconds, 0)} s`);
	console.log(
		`Heavy user: ${heavyRows.requests} hulpvragen, ${heavyRows.messages} messages, ${heavyRows.applications} applications, ${heavyRows.registrations} registrations`
	);
	console.log('\nExport of everything held about the heavy user (export_my_data, BEGIN to COMMIT)');
	console.log(
		table(
			[
				'samples',
				'errors',
				'p50 ms',
				'p95 ms',
				'max ms',
				'JSON size',
				`target < ${TARGET.exportMs} ms`
			],
			[
				[
					exported.samples,
					exported.errors,
					fmt(exported.p50),
					fmt(exported.p95),
					fmt(exported.max),
					`${fmt(exported.bytes / 1024, 0)} KB`,
					exported.p95 < TARGET.exportMs ? 'yes' : 'NO'
				]
			]
		)
	);
	if (exported.failure) console.log(`  first failure: ${exported.failure}`);
	console.log(
		'\nProcessing log: p95 of each page with logging on and off (GET through the production server)'
	);
	console.log(`  production build: ${buildNote}`);
	console.log(
		table(
			[...SIDE_HEADER, 'log lines per view', 'WAL flushes per view on/off', 'target ≤ 15%'],
			cases.map((c) =>
				c.pageSkipped
					? [c.name, `skipped: ${c.pageSkipped}`]
					: sideRow(c.name, c.page, [
							fmt(c.lines / Math.max(1, c.sql.on.length), 1),
							`${fmt(c.page.flushes.on / c.page.on.length, 2)}/${fmt(c.page.flushes.off / c.page.off.length, 2)}`
						])
			)
		)
	);
	console.log(
		"\nThe same pages' one database call alone (BEGIN to COMMIT): where the log's cost lies"
	);
	console.log(
		table(
			[...SIDE_HEADER, 'ms added p50', 'within 15%'],
			cases.map((c) => sideRow(c.name, c.sql, [fmt(p50(c.sql.on) - p50(c.sql.off))]))
		)
	);
	if (failures.length) console.log(`\n${failures.length} failed calls; first: ${failures[0]}`);
	console.log(
		`\nLoad average at the end: ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`
	);
} finally {
	await app?.stop();
	await sql.end();
	await stack.close();
}
