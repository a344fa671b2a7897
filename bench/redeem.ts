// npm run bench:redeem — the shop counter on the real PostgreSQL (issues 10 and 16, Performance):
// 10,000 issued cheques of € 50 (each takes 50 redemptions of € 1, so the load phases cycle
// through them and never run out); redemptions per second with 32 concurrent clients, p50/p99:
//   * the counter's own path: 32 shop assistants, each signed in to the production build, post the
//     /winkel form as the page does (look up the code, then redeem it), timed per look-up + redeem;
//   * the app's HTTP endpoint (supabase-js rpc('redeem_cheque') over loopback HTTP to the embedded
//     API, as the app's server does);
//   * the same work through the `postgres` driver alone (the ceiling), and the ratio;
// then 200 clients hammering one cheque of its own at once; and the server time of the dashboard
// with 2,000 applications and 20,000 redemptions.
//   DATABASE_URL=...        PostgreSQL server (default postgres://postgres:postgres@127.0.0.1:5432/postgres);
//                           a fresh database is created and dropped
//   BENCH_SECONDS=8         measured seconds per load phase (after 1 s warm-up)
//   BENCH_CONCURRENCY=32    concurrent clients (and shop assistants)
//   BENCH_PORT=4392         port of the production server
//   BENCH_SKIP_PAGES=1      leave out the /winkel form path (no build, no app server)
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { createClient } from '@supabase/supabase-js';
import { ensureBuild, startApp, type App } from './lib/hulp-app.ts';
import { percentile, runLoad, type Stats } from './lib/load.ts';
import { signInCookie } from './lib/profile-page.ts';
import { quietly } from './lib/quiet.ts';
import { fmt, table } from './lib/report.ts';
import { startStack } from './lib/stack.ts';

process.env.LITE_TELEMETRY = '0';
// lite prints the bench account's confirmation mail once it is sent, after startStack returns.
const print = console.log;
console.log = (...args: unknown[]) => {
	if (String(args[0]).startsWith('[@supabase/lite] email captured')) return;
	print(...args);
};
process.env.DATABASE_URL ||= 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 32);
const CHEQUES = 10_000;
// The bench's own shop id: not one of the demo shops (Dordrecht's is …b001).
const SHOP = '00000000-0000-4000-8000-0000000be001';
const PORT = Number(process.env.BENCH_PORT || 4392);
const ASSISTANT_PASSWORD = 'Bench-kassa-123';

const stack = await quietly(() => startStack('postgres'));
const [{ current_database: dbName }] = (await stack.lite.exec('select current_database()'))
	.rows as [{ current_database: string }];
const dbUrl = new URL(process.env.DATABASE_URL);
dbUrl.pathname = `/${dbName}`;
const db = postgres(dbUrl.toString(), { max: CONCURRENCY + 8, onnotice: () => {} });
const uid = stack.userId;
const year = new Date().getFullYear();
let app: App | null = null;

try {
	// ---- Data: one approved shop with the bench user as staff (and admin, for the dashboard),
	// a scheme, 10,000 cheques of € 50.
	const t0 = performance.now();
	await db.unsafe(`
		insert into public.shops (id, municipality_id, name, kvk_number, street_address, postcode, city, category, status)
		values ('${SHOP}', '${stack.municipalityId}', 'Benchwinkel', '99999999', 'Benchstraat 1', '1500 AA', 'Zaandam', 'other', 'approved');
		insert into public.shop_private_details (shop_id, municipality_id, iban, account_holder, contact_name, contact_email)
		values ('${SHOP}', '${stack.municipalityId}', 'NL91ABNA0417164300', 'Benchwinkel', 'Bea Bench', 'bench@buurtkracht.example');
		insert into public.memberships (user_id, municipality_id, role, shop_id) values
			('${uid}', '${stack.municipalityId}', 'shop_staff', '${SHOP}'),
			('${uid}', '${stack.municipalityId}', 'municipality_admin', null);
		insert into public.schemes (municipality_id, year, cheque_value_cents, pluim_value_cents,
			application_opens_on, application_closes_on, redeem_until, budget_cents)
		values ('${stack.municipalityId}', ${year}, 5000, 2500, current_date - 30, current_date + 30, current_date + 300, 57000000);
		insert into public.cheques (municipality_id, scheme_id, kind, code, value_cents, remaining_cents, holder_first_name, expires_on)
		select '${stack.municipalityId}', s.id, case when i % 40 = 0 then 'pluim' else 'cheque' end,
			public.generate_cheque_code(), 5000, 5000, 'Naam' || (i % 100), current_date + 300
		from generate_series(1, ${CHEQUES}) i, public.schemes s
		where s.municipality_id = '${stack.municipalityId}' and s.year = ${year};
		analyze;
	`);
	const codes = (await db<{ code: string }[]>`select code from public.cheques order by code`).map(
		(r) => r.code
	);
	console.log(`${CHEQUES} cheques issued in ${fmt((performance.now() - t0) / 1000)} s\n`);

	// ---- 32 shop assistants with a password, to sign in to the production build with the form.
	await db.unsafe(`
		create schema if not exists bench;
		create extension if not exists pgcrypto with schema bench;
		insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
			raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		select gen_random_uuid(), 'authenticated', 'authenticated', format('kassa-%s@bench.example', g),
			bench.crypt('${ASSISTANT_PASSWORD}', bench.gen_salt('bf', 4)), now(),
			to_jsonb('{"provider":"email","providers":["email"]}'::text),
			to_jsonb(json_build_object('display_name', 'Kassa ' || g)::text), now(), now()
		from generate_series(1, ${CONCURRENCY}) g;
		insert into public.profiles (id, municipality_id, display_name)
		select u.id, '${stack.municipalityId}', 'Kassa' from auth.users u where u.email like 'kassa-%@bench.example'
		on conflict (id) do update set municipality_id = excluded.municipality_id;
		insert into public.memberships (user_id, municipality_id, role, shop_id)
		select u.id, '${stack.municipalityId}', 'shop_staff', '${SHOP}' from auth.users u
		where u.email like 'kassa-%@bench.example';
	`);

	// ---- Load: 32 clients, one redemption (€ 1) per request, cycling through the cheques.
	let next = 0;
	const takeCode = () => codes[next++ % codes.length] as string;
	const api = createClient(stack.url, stack.publishableKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		global: { headers: { Authorization: `Bearer ${stack.accessToken}` } }
	});
	const viaHttp = async () => {
		const { data, error } = await api.rpc('redeem_cheque', {
			p_shop_id: SHOP,
			p_code: takeCode(),
			p_amount_cents: 100,
			p_idempotency_key: randomUUID(),
			p_confirm_again: true
		});
		return !error && (data as { ok: boolean }).ok;
	};
	const claims = JSON.stringify({ sub: uid, role: 'authenticated' });
	const viaDriver = async () => {
		const [row] = await db.begin(async (tx) => {
			await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true),
				set_config('request.jwt.claim.sub', ${uid}, true), set_config('request.jwt.claim.role', 'authenticated', true)`;
			return tx`select public.redeem_cheque(${SHOP}::uuid, ${takeCode()}, 100, ${randomUUID()}::uuid, true) as r`;
		});
		return (row?.r as { ok: boolean }).ok;
	};
	const load = { concurrency: CONCURRENCY, durationMs: SECONDS * 1000, warmupMs: 1000 };

	// The counter's path: the /winkel form as the page posts it with JavaScript (use:enhance),
	// look up then redeem, each request from a free shop assistant's session.
	let form: Stats | null = null;
	let formNote = '';
	let firstFormProblem = '';
	if (process.env.BENCH_SKIP_PAGES) {
		formNote = 'skipped (BENCH_SKIP_PAGES)';
	} else {
		formNote = ensureBuild();
		app = await startApp(dbUrl.toString(), PORT);
		const origin = app.origin;
		const free: string[] = [];
		for (let g = 1; g <= CONCURRENCY; g++) {
			free.push(await signInCookie(origin, `kassa-${g}@bench.example`, ASSISTANT_PASSWORD));
		}
		const post = async (cookie: string, action: string, fields: Record<string, string>) => {
			const res = await fetch(`${origin}/winkel?/${action}&winkel=${SHOP}`, {
				method: 'POST',
				headers: {
					cookie,
					origin,
					accept: 'application/json',
					'x-sveltejs-action': 'true',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams(fields)
			});
			const body = (await res.json()) as { type?: string; data?: string };
			if (body.type !== 'success') {
				firstFormProblem ||= `${action}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`;
				return false;
			}
			return true;
		};
		const viaForm = async () => {
			const cookie = free.pop() as string;
			try {
				const code = takeCode();
				if (!(await post(cookie, 'zoeken', { code }))) return false;
				return await post(cookie, 'verzilveren', {
					code,
					amount: '1,00',
					key: randomUUID(),
					again: 'ja',
					remainingCents: '5000',
					expiresOn: '',
					holderFirstName: ''
				});
			} finally {
				free.push(cookie);
			}
		};
		form = await runLoad(viaForm, load);
	}
	const http: Stats = await runLoad(viaHttp, load);
	const driver: Stats = await runLoad(viaDriver, load);
	console.log(
		`Redemptions, ${CONCURRENCY} concurrent clients on distinct cheques, ${SECONDS} s each:`
	);
	console.log(
		table(
			['path', 'requests', 'errors', 'redemptions/s', 'p50 ms', 'p99 ms'],
			[
				form
					? [
							`/winkel form, ${CONCURRENCY} shop assistants (look up + redeem)`,
							form.requests,
							form.errors,
							fmt(form.rps),
							fmt(form.p50),
							fmt(form.p99)
						]
					: ['/winkel form', '–', '–', '–', '–', formNote],
				[
					'app HTTP (supabase-js rpc → embedded API)',
					http.requests,
					http.errors,
					fmt(http.rps),
					fmt(http.p50),
					fmt(http.p99)
				],
				[
					'postgres driver alone (ceiling)',
					driver.requests,
					driver.errors,
					fmt(driver.rps),
					fmt(driver.p50),
					fmt(driver.p99)
				]
			]
		)
	);
	console.log(`ratio HTTP / driver: ${fmt((100 * http.rps) / driver.rps)} %`);
	if (form) console.log(`ratio /winkel form / driver: ${fmt((100 * form.rps) / driver.rps)} %`);
	console.log(`production build: ${formNote}`);
	if (firstFormProblem) console.log(`first /winkel refusal: ${firstFormProblem}`);
	console.log('');
	await app?.stop();
	app = null;

	// ---- 200 clients on one cheque of its own at once (€ 1 each on € 50: 50 may succeed). Its own,
	// so the load phases above can never have used it up, however fast they ran.
	const [target] = await db<{ code: string; id: string }[]>`
		insert into public.cheques (municipality_id, scheme_id, kind, code, value_cents, remaining_cents, holder_first_name, expires_on)
		select s.municipality_id, s.id, 'cheque', public.generate_cheque_code(), 5000, 5000, 'Hamer', current_date + 300
		from public.schemes s where s.municipality_id = ${stack.municipalityId} and s.year = ${year}
		returning code, id`;
	const started = performance.now();
	const answers = await Promise.all(
		Array.from({ length: 200 }, async () => {
			const { data, error } = await api.rpc('redeem_cheque', {
				p_shop_id: SHOP,
				p_code: target?.code as string,
				p_amount_cents: 100,
				p_idempotency_key: randomUUID(),
				p_confirm_again: true
			});
			return error
				? `error: ${error.message}`
				: (data as { ok: boolean; reason?: string }).ok
					? 'ok'
					: String((data as { reason?: string }).reason);
		})
	);
	const hammerMs = performance.now() - started;
	const tally = new Map<string, number>();
	for (const a of answers) tally.set(a, (tally.get(a) ?? 0) + 1);
	const [ledger] = await db<{ redeemed: number; remaining: number; value: number }[]>`
		select (select coalesce(sum(amount_cents), 0)::int from public.redemptions where cheque_id = c.id and undone_at is null) as redeemed,
			c.remaining_cents as remaining, c.value_cents as value
		from public.cheques c where c.id = ${target?.id as string}`;
	const over = Math.max(0, (ledger?.redeemed ?? 0) - (ledger?.value ?? 0));
	const unclean = answers.filter(
		(a) => a !== 'ok' && a !== 'cheque_used' && a !== 'insufficient_balance'
	).length;
	console.log(`200 clients on one cheque (HTTP, all at once, ${fmt(hammerMs, 0)} ms):`);
	console.log(`  answers: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
	console.log(
		`  redeemed ${ledger?.redeemed} of ${ledger?.value} cents, remaining ${ledger?.remaining}; over-redemption ${over} cents; ` +
			`answers other than ok / al gebruikt / onvoldoende saldo: ${unclean}\n`
	);

	// ---- Dashboard with 2,000 applications and 20,000 redemptions.
	await db.unsafe(`
		insert into public.applications (municipality_id, scheme_id, district_id, carer_first_name, carer_last_name,
			carer_birth_date, carer_postcode, carer_house_number, care_recipient_name, care_recipient_postcode,
			care_relation, hours_per_week, caring_since, consent_at, status, decided_at)
		select s.municipality_id, s.id, d.id, 'Voornaam' || i, 'Achternaam' || i,
			date '1950-01-01' + (i * 7) % 20000, '1561AB', (1 + i % 500)::text, 'Zorgvrager ' || i, '1561CD',
			'parent', 8 + i % 30, date '2024-01-01', now(), case when i % 10 = 0 then 'submitted' else 'approved' end,
			case when i % 10 = 0 then null else now() end
		from generate_series(1, 2000) i
		join public.schemes s on s.municipality_id = '${stack.municipalityId}' and s.year = ${year}
		join lateral (select id from public.districts where municipality_id = s.municipality_id order by id offset (i % 11) limit 1) d on true;
		update public.cheques c set application_id = a.id
		from (select id, row_number() over (order by id) as n from public.applications) a,
			(select id, row_number() over (order by code) as n from public.cheques) cc
		where cc.id = c.id and cc.n = a.n;
	`);
	const existing =
		(await db<{ n: number }[]>`select count(*)::int as n from public.redemptions`)[0]?.n ?? 0;
	await db.unsafe(`
		with picked as (
			select c.id, c.municipality_id, row_number() over (order by c.code) as n
			from public.cheques c where c.remaining_cents >= 300
		)
		insert into public.redemptions (municipality_id, cheque_id, shop_id, staff_user_id, amount_cents,
			remaining_after_cents, idempotency_key)
		select p.municipality_id, p.id, '${SHOP}', '${uid}', 100, 0, gen_random_uuid()
		from generate_series(1, ${Math.max(0, 20_000 - existing)}) i
		join picked p on p.n = 1 + (i % (select count(*) from picked));
		analyze;
	`);
	const redemptions = (
		await db<{ n: number }[]>`select count(*)::int as n from public.redemptions`
	)[0]?.n;
	const applications = (
		await db<{ n: number }[]>`select count(*)::int as n from public.applications`
	)[0]?.n;
	const dashboardTimes: number[] = [];
	for (let i = 0; i < 60; i++) {
		const t = performance.now();
		await db.begin(async (tx) => {
			await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true),
				set_config('request.jwt.claim.sub', ${uid}, true)`;
			return tx`select public.mantelzorg_dashboard(${year}) as d`;
		});
		if (i >= 10) dashboardTimes.push(performance.now() - t);
	}
	const httpTimes: number[] = [];
	for (let i = 0; i < 30; i++) {
		const t = performance.now();
		const { error } = await api.rpc('mantelzorg_dashboard', { p_year: year });
		if (error) throw new Error(`dashboard: ${error.message}`);
		if (i >= 5) httpTimes.push(performance.now() - t);
	}
	dashboardTimes.sort((a, b) => a - b);
	httpTimes.sort((a, b) => a - b);
	console.log(
		`Dashboard (${applications} applications, ${redemptions} redemptions, ${CHEQUES + 0} cheques):`
	);
	console.log(
		table(
			['path', 'samples', 'p50 ms', 'p99 ms'],
			[
				[
					'SQL (postgres driver)',
					dashboardTimes.length,
					fmt(percentile(dashboardTimes, 50)),
					fmt(percentile(dashboardTimes, 99))
				],
				[
					'app HTTP (supabase-js rpc)',
					httpTimes.length,
					fmt(percentile(httpTimes, 50)),
					fmt(percentile(httpTimes, 99))
				]
			]
		)
	);
	if (over > 0 || unclean > 0) process.exitCode = 1;
} finally {
	await app?.stop();
	await db.end();
	await stack.close();
}
