// A closed-loop load runner for in-process calls: `concurrency` callers, each starting its next
// call when the previous one ends, for a fixed time. Same shape of numbers autocannon reports.
import { performance } from 'node:perf_hooks';

export interface Stats {
	requests: number;
	errors: number;
	rps: number;
	p50: number;
	p99: number;
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)] as number;
}

/** `call` resolves true for a good answer, false for a wrong one; a throw counts as an error too. */
export async function runLoad(
	call: () => Promise<boolean>,
	opts: { concurrency: number; durationMs: number; warmupMs?: number }
): Promise<Stats> {
	const warmupEnd = performance.now() + (opts.warmupMs ?? 0);
	while (performance.now() < warmupEnd) await call().catch(() => false);

	const latencies: number[] = [];
	let errors = 0;
	const start = performance.now();
	const end = start + opts.durationMs;
	const worker = async () => {
		while (performance.now() < end) {
			const t0 = performance.now();
			const ok = await call().catch(() => false);
			latencies.push(performance.now() - t0);
			if (!ok) errors++;
		}
	};
	await Promise.all(Array.from({ length: opts.concurrency }, worker));
	const elapsed = (performance.now() - start) / 1000;
	latencies.sort((a, b) => a - b);
	return {
		requests: latencies.length,
		errors,
		rps: latencies.length / elapsed,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99)
	};
}
