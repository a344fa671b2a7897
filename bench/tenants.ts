// npm run bench:tenants — first part of issue 18's benchmark: what resolving a request's host costs
// the server, with 3 and with 30 municipalities (each with its own host names). The lookup is
// municipality_for_host through supabase-js over loopback HTTP to the embedded API, as the tenant
// handle does on a cache miss; a hit is the HostResolver's in-process Map (30 s per host).
// The second part, bench/tenants-rows.ts (run after this one by `npm run bench:tenants`), times the
// busiest pages' data calls and redeem_cheque with 1 and with 30 municipalities' rows.
//   BENCH_MODE=pglite|postgres   database (default pglite; postgres needs DATABASE_URL)
//   BENCH_SECONDS=5              measured seconds per phase (after 1 s warm-up)
import { performance } from 'node:perf_hooks';
import { createClient } from '@supabase/supabase-js';
import { runLoad } from './lib/load.ts';
import { quietly } from './lib/quiet.ts';
import { fmt, table } from './lib/report.ts';
import { startStack, type Mode } from './lib/stack.ts';
import { HostResolver } from '../src/lib/server/tenancy/resolve.ts';

process.env.LITE_TELEMETRY = '0';
const MODE = (process.env.BENCH_MODE || 'pglite') as Mode;
const SECONDS = Number(process.env.BENCH_SECONDS || 5);

const stack = await quietly(() => startStack(MODE));
const client = createClient(stack.url, stack.publishableKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
});
const lookup = async (host: string) => {
	const { data, error } = await client.rpc('municipality_for_host', { p_host: host });
	if (error) throw new Error(error.message);
	return data;
};

/** Adds municipalities (two host names each) until there are `total`. */
async function municipalities(total: number) {
	await stack.lite.exec(`
		insert into public.municipalities (slug, name, is_demo)
		select 'bench-' || i, 'Benchgemeente ' || i, true
		from generate_series((select count(*) from public.municipalities)::int, ${total} - 1) i;
		insert into public.municipality_hosts (host, municipality_id, position)
		select m.slug || h.suffix, m.id, h.position
		from public.municipalities m
		cross join (values ('.localhost', 0), ('.bench.example', 1)) as h (suffix, position)
		where m.slug like 'bench-%'
		on conflict (host) do nothing;`);
	const { rows } = await stack.lite.exec(
		`select host from public.municipality_hosts order by host`
	);
	return (rows as { host: string }[]).map((r) => r.host);
}

const rows: (string | number)[][] = [];
try {
	for (const total of [3, 30]) {
		const hosts = await municipalities(total);
		let i = 0;
		const miss = await runLoad(
			async () => (await lookup(hosts[i++ % hosts.length] as string)) !== null,
			{ concurrency: 1, durationMs: SECONDS * 1000, warmupMs: 1000 }
		);
		const resolver = new HostResolver(lookup as never);
		for (const host of hosts) await resolver.resolve(host);
		const hits: number[] = [];
		for (let n = 0; n < 100_000; n++) {
			const t0 = performance.now();
			await resolver.resolve(hosts[n % hosts.length] as string);
			hits.push(performance.now() - t0);
		}
		hits.sort((a, b) => a - b);
		const p = (q: number) => hits[Math.floor((q / 100) * (hits.length - 1))] as number;
		rows.push([
			total,
			hosts.length,
			fmt(miss.p50, 2),
			fmt(miss.p99, 2),
			fmt(miss.rps, 0),
			fmt(p(50) * 1000, 2),
			fmt(p(95) * 1000, 2)
		]);
	}
	console.log(
		`\nHost resolution (${MODE}, ${SECONDS} s per phase; a miss is one API call, a hit the 30 s cache)\n`
	);
	console.log(
		table(
			[
				'municipalities',
				'hosts',
				'miss p50 ms',
				'miss p99 ms',
				'misses/s',
				'hit p50 µs',
				'hit p95 µs'
			],
			rows
		)
	);
} finally {
	await stack.close();
}
