// npm run bench:tenants, second part (issue 18): do the busiest pages get slower when the big
// tables hold 30 municipalities' rows instead of one? On PostgreSQL, two databases side by side:
//   1. in both, Zaanstad-sized data for one municipality: one year of bench:monitor's data set (2,000
//      applications and cheques, 20,000 redemptions at 147 shops, 5,000 hulpvragen with responses
//      and matches, 19 buurthuizen with weekly activities and registrations), plus 3,000 cheques
//      to redeem, a shop with the bench user as staff, and the bench user as a volunteer;
//   2. the four calls to time (p95): /hulp's data (help_board_page), /buurthuizen's data
//      (community_centre_map + approved_shops, then list_activity_occurrences for 14 days),
//      Voor jou (voor_jou_page) and redeem_cheque, each through supabase-js over loopback HTTP to
//      the embedded API with the municipality header, as the app server makes them;
//   3. in the second database, every row of every table with a municipality_id copied into 29
//      more municipalities (ids mapped per copy, so references stay inside each copy; triggers and
//      foreign-key checks off), then ANALYZE;
//   4. each call timed in both, alternating in short slices (BENCH_ROUNDS), so a change in the
//      shared machine's load hits both sides alike. The ratio 30/1 of the p95 is what the issue
//      bounds (at most 1.2×). Beside the times, the shared blocks one call touches (EXPLAIN
//      ANALYZE BUFFERS): the work itself, whatever the load.
// Rendering a page does not depend on how many municipalities share the database; these data
// calls are the part that could.
//   DATABASE_URL=...      PostgreSQL server (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
//   BENCH_SECONDS=8       measured seconds per call and database (after 1 s warm-up)
//   BENCH_ROUNDS=4        slices per call and database, alternating
//   BENCH_CONCURRENCY=2   callers at once
//   BENCH_COPIES=29       municipalities added in step 3
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import * as dataset from './lib/monitor-dataset.ts';
import { percentile } from './lib/load.ts';
import { quietly } from './lib/quiet.ts';
import { fmt, table } from './lib/report.ts';
import { startStack, type Stack } from './lib/stack.ts';

process.env.LITE_TELEMETRY = '0';
process.env.DATABASE_URL ||= 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 2);
const COPIES = Number(process.env.BENCH_COPIES || 29);
const YEAR = new Date().getFullYear();
const SHOP = '00000000-0000-4000-8000-00000000b0b1';
const REDEEM_CHEQUES = 3000;

/** One throwaway database with its API server, Zaanstad's data and the bench user's clients. */
interface Db {
	stack: Stack;
	sql: postgres.Sql;
	anon: SupabaseClient;
	user: SupabaseClient;
	codes: string[];
	next: number;
	municipalities: number;
	rows: Record<string, number>;
	loadSeconds: number;
}

async function openDb(): Promise<Db> {
	const t0 = performance.now();
	const stack = await quietly(() => startStack('postgres'));
	const [{ current_database: dbName }] = (await stack.lite.exec('select current_database()'))
		.rows as [{ current_database: string }];
	const dbUrl = new URL(process.env.DATABASE_URL as string);
	dbUrl.pathname = `/${dbName}`;
	const sql = postgres(dbUrl.toString(), { max: 2, onnotice: () => {} });
	const Z = stack.municipalityId;
	const clientOptions = (token?: string) => ({
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: {
			headers: { 'x-municipality': Z, ...(token ? { authorization: `Bearer ${token}` } : {}) }
		}
	});
	await dataset.addFixed(sql);
	await dataset.addYear(sql, YEAR);
	await sql.unsafe(`
		insert into public.shops (id, municipality_id, name, kvk_number, street_address, postcode, city, category, status)
		values ('${SHOP}', '${Z}', 'Benchwinkel', '99999999', 'Benchstraat 1', '1500 AA', 'Zaandam', 'other', 'approved');
		insert into public.memberships (user_id, municipality_id, role, shop_id)
		values ('${stack.userId}', '${Z}', 'shop_staff', '${SHOP}');
		insert into public.cheques (municipality_id, scheme_id, kind, code, value_cents, remaining_cents, holder_first_name, expires_on)
		select s.municipality_id, s.id, 'cheque', public.generate_cheque_code(), 5000, 5000, 'Naam' || (i % 100), s.redeem_until
		from generate_series(1, ${REDEEM_CHEQUES}) i, public.schemes s
		where s.municipality_id = '${Z}' and s.year = ${YEAR};
		insert into public.volunteer_profiles (user_id, municipality_id, home_district_id, radius_km)
		values ('${stack.userId}', '${Z}', '${stack.districtId}', 10);
		analyze;`);
	const codes = (
		await sql<{ code: string }[]>`
			select code from public.cheques where remaining_cents = 5000 and municipality_id = ${Z}
			and value_cents = 5000 order by code limit ${REDEEM_CHEQUES}`
	).map((r) => r.code);
	return {
		stack,
		sql,
		anon: createClient(stack.url, stack.publishableKey, clientOptions()),
		user: createClient(stack.url, stack.publishableKey, clientOptions(stack.accessToken)),
		codes,
		next: 0,
		municipalities: 1,
		rows: {},
		loadSeconds: (performance.now() - t0) / 1000
	};
}

async function bigTables(sql: postgres.Sql): Promise<Record<string, number>> {
	const [row] = await sql<Record<string, number>[]>`
		select (select count(*) from public.help_requests)::int as help_requests,
			(select count(*) from public.responses)::int as responses,
			(select count(*) from public.activities)::int as activities,
			(select count(*) from public.activity_registrations)::int as registrations,
			(select count(*) from public.cheques)::int as cheques,
			(select count(*) from public.redemptions)::int as redemptions,
			(select count(*) from public.community_centres)::int as centres,
			(pg_database_size(current_database()) / 1048576)::int as "database MB"`;
	return row as Record<string, number>;
}

const isObject = (data: unknown) => data !== null && typeof data === 'object';
type Sql = [query: string, params: unknown[]];
const period = (): [string, string] => {
	const now = new Date();
	return [now.toISOString(), new Date(now.getTime() + 15 * 86_400_000).toISOString()];
};

/**
 * The calls, and the same as SQL for EXPLAIN (ANALYZE, BUFFERS) as the bench user: shared blocks
 * touched (hit + read, nested statements included) measure the work whatever the machine's load.
 */
const CALLS: { name: string; call: (db: Db) => Promise<boolean>; sql: (db: Db) => Sql[] }[] = [
	{
		name: '/hulp (help_board_page)',
		call: async ({ anon }) => {
			const { data, error } = await anon.rpc('help_board_page', { p_limit: 20, p_offset: 0 });
			return !error && isObject(data);
		},
		sql: () => [[`select public.help_board_page(p_limit => 20, p_offset => 0)`, []]]
	},
	{
		name: '/buurthuizen (map, shops, 14 days of activities)',
		call: async ({ anon }) => {
			const [map, shops] = await Promise.all([
				anon.rpc('community_centre_map', {}),
				anon.rpc('approved_shops', {})
			]);
			const [from, to] = period();
			const { error } = await anon.rpc('list_activity_occurrences', { p_from: from, p_to: to });
			return !map.error && !shops.error && !error;
		},
		sql: () => [
			[`select public.community_centre_map()`, []],
			[`select public.approved_shops()`, []],
			[`select * from public.list_activity_occurrences($1::timestamptz, $2::timestamptz)`, period()]
		]
	},
	{
		name: 'Voor jou (voor_jou_page)',
		call: async ({ user }) => {
			const { data, error } = await user.rpc('voor_jou_page', { p_limit: 20 });
			return !error && isObject(data);
		},
		sql: () => [[`select public.voor_jou_page(p_limit => 20)`, []]]
	},
	{
		name: 'redeem_cheque (€ 1)',
		call: async (db) => {
			const { data, error } = await db.user.rpc('redeem_cheque', {
				p_shop_id: SHOP,
				p_code: db.codes[db.next++ % db.codes.length] as string,
				p_amount_cents: 100,
				p_idempotency_key: randomUUID(),
				p_confirm_again: true
			});
			return !error && (data as { ok?: boolean } | null)?.ok === true;
		},
		sql: (db) => [
			[
				`select public.redeem_cheque($1::uuid, $2, 100, $3::uuid, true)`,
				[SHOP, db.codes[db.next++ % db.codes.length], randomUUID()]
			]
		]
	}
];

async function blocks(db: Db, statements: Sql[]): Promise<number> {
	let total = 0;
	for (const [query, params] of statements) {
		const plan = await db.sql.begin(async (tx) => {
			await tx.unsafe(
				`select set_config('role', 'authenticated', true), set_config('request.jwt.claim.sub', $1, true),
					set_config('request.jwt.claim.role', 'authenticated', true), set_config('request.jwt.claims', $2, true)`,
				[
					db.stack.userId,
					JSON.stringify({ sub: db.stack.userId, role: 'authenticated', aud: 'authenticated' })
				]
			);
			return (await tx.unsafe(
				`explain (analyze, buffers, format json) ${query}`,
				params as postgres.ParameterOrJSON<never>[]
			)) as unknown as { 'QUERY PLAN': { Plan: Record<string, number> }[] }[];
		});
		const top = plan[0]?.['QUERY PLAN'][0]?.Plan;
		const n = (top?.['Shared Hit Blocks'] ?? NaN) + (top?.['Shared Read Blocks'] ?? 0);
		if (process.env.BENCH_VERBOSE) console.log(`    ${n} blocks: ${query}`);
		total += n;
	}
	return total;
}

interface Measured {
	samples: number;
	errors: number;
	p50: number;
	p95: number;
	blocks: number;
}

/** Runs `call` for `ms` with CONCURRENCY callers, adding to `latencies`; returns the errors. */
async function slice(call: () => Promise<boolean>, ms: number, latencies: number[]) {
	let errors = 0;
	const end = performance.now() + ms;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (performance.now() < end) {
				const t0 = performance.now();
				const ok = await call().catch(() => false);
				latencies.push(performance.now() - t0);
				if (!ok) errors++;
			}
		})
	);
	return errors;
}

/** Each call on every database, alternating slices of SECONDS / ROUNDS. */
async function measure(dbs: Db[]): Promise<Record<string, Measured>[]> {
	const out: Record<string, Measured>[] = dbs.map(() => ({}));
	for (const { name, call, sql } of CALLS) {
		const latencies = dbs.map(() => [] as number[]);
		const errors = dbs.map(() => 0);
		for (const db of dbs) await slice(() => call(db), 1000, []); // warm-up
		for (let r = 0; r < ROUNDS; r++) {
			for (const [i, db] of dbs.entries()) {
				errors[i] =
					(errors[i] ?? 0) +
					(await slice(() => call(db), (SECONDS * 1000) / ROUNDS, latencies[i] as number[]));
			}
		}
		for (const [i, db] of dbs.entries()) {
			const sorted = (latencies[i] as number[]).sort((a, b) => a - b);
			const runs: number[] = [];
			for (let k = 0; k < 5; k++) runs.push(await blocks(db, sql(db)));
			runs.sort((a, b) => a - b);
			const m: Measured = {
				samples: sorted.length,
				errors: errors[i] as number,
				p50: percentile(sorted, 50),
				p95: percentile(sorted, 95),
				blocks: runs[2] as number
			};
			(out[i] as Record<string, Measured>)[name] = m;
			console.log(
				`  ${name}, ${db.municipalities}: p50 ${fmt(m.p50, 1)} ms, p95 ${fmt(m.p95, 1)} ms (${m.samples} calls, ${m.errors} errors), ${m.blocks} blocks`
			);
		}
	}
	return out;
}

/**
 * Copies every row of every public table with a municipality_id from Zaanstad into municipality
 * `target` (copy number k): uuid columns map through md5(id:k), so a copy's rows refer to each
 * other; text columns in a unique index without municipality_id get a value of the same shape.
 * Returns the tables that could not be copied (with the reason); the others are copied.
 */
const CLONE_SQL = `
create or replace function pg_temp.bench_clone(p_target uuid, p_k int) returns setof text language plpgsql as $$
declare
	t record;
	cols text;
	vals text;
begin
	for t in
		select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind = 'r'
			and c.relname not in ('municipalities', 'municipality_hosts')
			and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped)
		order by c.relname
	loop
		select string_agg(quote_ident(a.attname), ', ' order by a.attnum),
			string_agg(case
				when a.attname = 'municipality_id' then quote_literal(p_target) || '::uuid'
				when a.atttypid = 'uuid'::regtype then format('md5(%I::text || %L)::uuid', a.attname, ':' || p_k)
				when a.atttypid = 'uuid[]'::regtype then format('array(select md5(x::text || %L)::uuid from unnest(%I) x)', ':' || p_k, a.attname)
				when a.atttypid in ('text'::regtype, 'varchar'::regtype) and exists (
					select 1 from pg_index i
					where i.indrelid = t.oid and i.indisunique and a.attnum = any (i.indkey::int2[])
						-- With municipality_id or a uuid column (mapped per copy) in it, the index stays unique.
						and not exists (select 1 from pg_attribute m where m.attrelid = t.oid and m.attnum = any (i.indkey::int2[])
							and (m.attname = 'municipality_id' or m.atttypid = 'uuid'::regtype))
				) then format(
					'case when %1$I ~ ''-[0-9a-f]{8}$'' then left(%1$I, length(%1$I) - 8) || left(md5(%1$I || %2$L), 8)'
					' when %1$I ~ ''^[0-9]+$'' then lpad((abs(hashtext(%1$I || %2$L)) %% 100000000)::text, length(%1$I), ''0'')'
					' when %1$I = upper(%1$I) then upper(left(md5(%1$I || %2$L), length(%1$I)))'
					' else left(md5(%1$I || %2$L), length(%1$I)) end', a.attname, ':' || p_k)
				else quote_ident(a.attname) end, ', ' order by a.attnum)
		into cols, vals
		from pg_attribute a
		left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
		where a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
			and a.attgenerated = '' and a.attidentity = ''
			and coalesce(pg_get_expr(d.adbin, d.adrelid), '') not like 'nextval(%';
		begin
			execute format('insert into public.%I (%s) select %s from public.%I where municipality_id = %L',
				t.relname, cols, vals, t.relname, '${'$'}{ZAANSTAD}');
		exception when others then
			return next t.relname || ': ' || sqlerrm;
		end;
	end loop;
end;
$$;`;

const started = performance.now();
const dbs: Db[] = [];
let results: Record<string, Measured>[] | undefined;
try {
	// ---- Two databases with one municipality of Zaanstad's size.
	dbs.push(await openDb());
	dbs.push(await openDb());
	const [one, many] = dbs as [Db, Db];
	console.log(`One municipality loaded in ${fmt(one.loadSeconds, 0)} s (twice)`);
	one.rows = await bigTables(one.sql);

	// ---- 29 more with the same rows in the second.
	const t0 = performance.now();
	const failed = new Set<string>();
	for (let k = 1; k <= COPIES; k++) {
		await many.sql.begin(async (tx) => {
			await tx.unsafe(`set local session_replication_role = replica`);
			const [m] = await tx<{ id: string }[]>`
				insert into public.municipalities (slug, name, is_demo)
				values (${`bench-${k}`}, ${`Benchgemeente ${k}`}, true) returning id`;
			await tx.unsafe(CLONE_SQL.replace('${ZAANSTAD}', many.stack.municipalityId));
			const problems = await tx<{ bench_clone: string }[]>`
				select pg_temp.bench_clone(${m?.id as string}::uuid, ${k}::int)`;
			for (const p of problems) failed.add(p.bench_clone.split(':')[0] as string);
			if (k === 1) for (const p of problems) console.log(`  not copied: ${p.bench_clone}`);
		});
	}
	await many.sql.unsafe('analyze');
	many.municipalities = 1 + COPIES;
	many.loadSeconds = (performance.now() - t0) / 1000;
	many.rows = await bigTables(many.sql);
	console.log(
		`${COPIES} more municipalities copied into the second in ${fmt(many.loadSeconds, 0)} s` +
			(failed.size ? ` (not copied: ${[...failed].join(', ')})` : '') +
			'; measuring both, alternating…'
	);
	results = await measure(dbs);
} finally {
	for (const db of dbs) {
		await db.sql.end();
		await db.stack.close();
	}
}

const [one, many] = dbs as [Db, Db];
const [a1, a30] = (results ?? []) as [Record<string, Measured>, Record<string, Measured>];
console.log(`\nRows in the big tables (PostgreSQL):\n`);
console.log(
	table(
		['municipalities', ...Object.keys(one.rows)],
		dbs.map((d) => [d.municipalities, ...Object.values(d.rows)])
	)
);
console.log(
	`\nThe pages' data calls and redeem_cheque, ${CONCURRENCY} callers × ${SECONDS} s per database in ${ROUNDS} alternating slices; ms, and shared blocks per call:\n`
);
const ratios: Record<string, number> = {};
const N = many.municipalities;
console.log(
	table(
		[
			'call',
			'p95, 1',
			`p95, ${N}`,
			'ratio',
			'p50, 1',
			`p50, ${N}`,
			'blocks, 1',
			`blocks, ${N}`,
			'target'
		],
		Object.keys(a1).map((name) => {
			const a = a1[name] as Measured;
			const b = a30[name] as Measured;
			ratios[name] = b.p95 / a.p95;
			return [
				name,
				fmt(a.p95, 1),
				fmt(b.p95, 1),
				`${fmt(b.p95 / a.p95, 2)}×`,
				fmt(a.p50, 1),
				fmt(b.p50, 1),
				a.blocks,
				b.blocks,
				b.p95 / a.p95 <= 1.2 ? '≤ 1.2×: met' : '≤ 1.2×: NOT met'
			];
		})
	)
);
console.log(`\nTotal ${fmt((performance.now() - started) / 1000, 0)} s`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/tenants-rows.json',
	JSON.stringify(
		{
			seconds: SECONDS,
			rounds: ROUNDS,
			concurrency: CONCURRENCY,
			rows: dbs.map((d) => ({ municipalities: d.municipalities, ...d.rows })),
			one: a1,
			many: a30,
			ratios
		},
		null,
		2
	)
);
if ((results ?? []).some((r) => Object.values(r).some((c) => c.errors > 0))) process.exitCode = 1;
