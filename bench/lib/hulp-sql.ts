// SQL-alone measurements for the Buurthulp bench: each call runs in its own transaction with the
// role and JWT claims set locally, as lite's PostgreSQL driver does for a Data API request
// (role, request.jwt.claim.sub/role and request.jwt.claims: auth.uid() reads claim.sub).
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import { percentile } from './load.ts';

export type Role = 'anon' | 'authenticated';

export interface Call {
	role: Role;
	userId: string | null;
	query: string;
	params: unknown[];
	/** Rejects answers that would make a fast error pass as a fast result. */
	valid?: (result: unknown) => boolean;
}

export interface Sampled {
	samples: number;
	errors: number;
	p50: number;
	p95: number;
	/** The first wrong answer, so an error rate comes with its reason. */
	failure?: string;
	/** Every measured time, sorted (for pooling blocks of one run). */
	times?: number[];
}

const SETUP = `select set_config('role', $1, true), set_config('request.jwt.claim.sub', $2, true),
	set_config('request.jwt.claim.role', $1, true), set_config('request.jwt.claims', $3, true)`;

function claims(c: Call) {
	return JSON.stringify(
		c.userId ? { sub: c.userId, role: c.role, aud: 'authenticated' } : { role: 'anon' }
	);
}

type Tx = postgres.TransactionSql;

async function runAs(tx: Tx, c: Call) {
	await tx.unsafe(SETUP, [c.role, c.userId ?? '', claims(c)]);
	const rows = await tx.unsafe(c.query, c.params as postgres.ParameterOrJSON<never>[]);
	return (rows[0] as Record<string, unknown> | undefined)?.result;
}

/** One call, timed from BEGIN to COMMIT: what a Data API request costs the database. */
export async function timeCall(sql: postgres.Sql, c: Call) {
	const t0 = performance.now();
	const result = await sql.begin((tx) => runAs(tx, c));
	return { ms: performance.now() - t0, result };
}

/** `next` makes the i-th call (random volunteer, random filter); warm-up calls are not counted. */
export async function sample(
	sql: postgres.Sql,
	next: (i: number) => Call,
	samples: number,
	warmup = 20
): Promise<Sampled> {
	const times: number[] = [];
	let errors = 0;
	let failure: string | undefined;
	for (let i = 0; i < samples + warmup; i++) {
		const c = next(i);
		let ok = false;
		let ms = NaN;
		try {
			const r = await timeCall(sql, c);
			ms = r.ms;
			ok = c.valid ? c.valid(r.result) : true;
			if (!ok) failure ??= JSON.stringify(r.result).slice(0, 200);
		} catch (error) {
			failure ??= String(error);
		}
		if (i < warmup) continue;
		if (!ok) errors++;
		if (Number.isFinite(ms)) times.push(ms);
	}
	times.sort((a, b) => a - b);
	return {
		samples: times.length,
		errors,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		failure,
		times
	};
}

/**
 * The plans of the statements inside the function, with timing and buffers: auto_explain logs
 * every nested statement at level LOG, which client_min_messages sends to us as notices.
 * `sql` must connect as a superuser (auto_explain's settings are superuser-only) and should be a
 * single connection whose onnotice pushes into `notices`.
 */
export async function explainNested(sql: postgres.Sql, notices: string[], c: Call) {
	notices.length = 0;
	await sql.begin(async (tx) => {
		await tx.unsafe(`load 'auto_explain'`);
		await tx.unsafe(`set local auto_explain.log_min_duration = 0;
			set local auto_explain.log_analyze = on;
			set local auto_explain.log_buffers = on;
			set local auto_explain.log_nested_statements = on;
			set local auto_explain.log_timing = on;
			set local client_min_messages = log`);
		await runAs(tx, c);
	});
	// Leave out the plans of the SETUP statement and the outer "select fn()" (a bare Result).
	return notices
		.filter((n) => !n.includes('set_config(') && !/Query Text: select public\./.test(n))
		.join('\n\n');
}
