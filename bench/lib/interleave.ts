// Two states of the data measured side by side: blocks of calls alternate A B B A A B …, so the
// machine's drift, load spikes and GC pauses fall on both alike, and their ratio is what is left.
// (Measured one after the other, minutes apart, the same page moved ±50% between runs.)
import postgres from 'postgres';
import { sample, type Call } from './hulp-sql.ts';
import { percentile } from './load.ts';
import { cpuMsOf } from './proc-cpu.ts';

/** n calls; their times, and the CPU the database spent on them when it can be read. */
export type Block = (
	n: number
) => Promise<{ times: number[]; cpuMs: number | null; errors: number }>;

export interface Side {
	p50: number;
	p95: number;
	samples: number;
	errors: number;
	/** The database backend's CPU milliseconds per call (user + system), or NaN. */
	cpuPerCall: number;
}

export interface Compared {
	a: Side;
	b: Side;
	/** b ÷ a */
	p50Ratio: number;
	cpuRatio: number;
}

export async function interleave(
	a: Block,
	b: Block,
	opts: { blocks: number; perBlock: number; warmup?: number }
): Promise<Compared> {
	await a(opts.warmup ?? 5);
	await b(opts.warmup ?? 5);
	const got = { a: emptyTally(), b: emptyTally() };
	for (let i = 0; i < opts.blocks; i++) {
		// A B, B A, A B …: whichever runs second in a pair gets no systematic advantage.
		const order = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
		for (const side of order) add(got[side], await (side === 'a' ? a : b)(opts.perBlock));
	}
	const sa = summary(got.a);
	const sb = summary(got.b);
	return { a: sa, b: sb, p50Ratio: sb.p50 / sa.p50, cpuRatio: sb.cpuPerCall / sa.cpuPerCall };
}

interface Tally {
	times: number[];
	cpuMs: number;
	cpuCalls: number;
	errors: number;
}
const emptyTally = (): Tally => ({ times: [], cpuMs: 0, cpuCalls: 0, errors: 0 });

function add(t: Tally, r: Awaited<ReturnType<Block>>) {
	t.times.push(...r.times);
	t.errors += r.errors;
	if (r.cpuMs !== null) {
		t.cpuMs += r.cpuMs;
		t.cpuCalls += r.times.length;
	}
}

function summary(t: Tally): Side {
	const sorted = [...t.times].sort((x, y) => x - y);
	return {
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		samples: sorted.length,
		errors: t.errors,
		cpuPerCall: t.cpuCalls > 0 ? t.cpuMs / t.cpuCalls : NaN
	};
}

/**
 * Calls on a connection of their own per block, timed as a Data API request costs the database,
 * with its backend's CPU time read from /proc (the server being on this machine). A new backend
 * per block, because on this machine one backend can run a steady 1.5× slower than the next for
 * the same calls (seen with psql: 135 against 200 ms, session after session); a long-lived
 * connection per side would measure that luck instead of the data. Its first calls are not
 * counted: a new backend builds its catalog caches, and PostgreSQL plans a function's statements
 * anew for their first five runs before it may keep a generic plan, as an app's long-lived pool
 * connections do.
 */
/** One more than the custom plans PostgreSQL makes before it compares them with a generic one. */
const WARM_CALLS = 6;

export function sqlBlock(url: string, call: Call): Block {
	return async (n) => {
		const sql = postgres(url, { max: 1, onnotice: () => {} });
		try {
			await sample(sql, () => call, 0, WARM_CALLS);
			const pid = Number((await sql`select pg_backend_pid() as pid`)[0]?.pid);
			const cpu0 = cpuMsOf(pid);
			const measured = await sample(sql, () => call, n, 0);
			const cpu1 = cpuMsOf(pid);
			return {
				times: measured.times ?? [],
				errors: measured.errors,
				cpuMs: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null
			};
		} finally {
			await sql.end();
		}
	};
}
