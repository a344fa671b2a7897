// npm run bench:recovery — how long the embedded Supabase on PGlite is unavailable after a request
// that breaks the database (a ~10,000-term search), against how long it takes to boot. The SQL now
// refuses that search, so the bench first puts back a search without the caps
// (bench/lib/uncapped-search.ts). On a fresh PGlite folder: boots it (migrations included), then
// per round sends the crash request
// and times until a read through the API answers again, the way the app serves it (in-process,
// through the same supervisor). Prints a table and writes bench/results/recovery.json.
//   BENCH_ROUNDS=3   crashes to measure
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { superviseLite } from '../src/lib/server/embedded/health.ts';
import { startLite } from '../src/lib/server/embedded/lite.ts';
import { seedReferenceData } from '../src/lib/server/embedded/seed.ts';
import { newKeys } from '../scripts/lib/env.ts';
import { quietly } from './lib/quiet.ts';
import { CRASH_BODY, UNCAPPED_SEARCH } from './lib/uncapped-search.ts';
import { fmt, table } from './lib/report.ts';

process.env.LITE_TELEMETRY = '0';
process.env.DO_NOT_TRACK = '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const READ_BUDGET_MS = 60_000;

const keys = newKeys();
const dataDir = await mkdtemp(path.join(tmpdir(), 'buurtkracht-bench-recovery-'));
const start = () =>
	startLite({ dataDir, env: { ...keys, PUBLIC_SUPABASE_URL: 'http://localhost' } });
const headers = {
	apikey: keys.PUBLIC_SUPABASE_PUBLISHABLE_KEY,
	'content-type': 'application/json'
};
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[mid] as number)
		: ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

try {
	let t = performance.now();
	const cold = await quietly(() => start());
	const coldBootMs = performance.now() - t;
	await seedReferenceData(cold);
	await cold.close();

	// The same folder, already migrated: what a restart by a supervisor would cost.
	t = performance.now();
	const lite = await quietly(() => superviseLite({ start, intervalMs: 0, log: () => {} }));
	const warmBootMs = performance.now() - t;
	// Committed DDL: it survives every reopen, so once is enough for all rounds.
	await lite.exec(UNCAPPED_SEARCH);

	const read = () =>
		lite.fetch(new Request('http://localhost/rest/v1/districts?select=id&limit=1', { headers }));
	const rounds: {
		untilAnsweredMs: number;
		reopenMs: number;
		crashStatus: number;
		reads: number;
	}[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const before = await read();
		if (before.status !== 200) throw new Error(`read before the crash answered ${before.status}`);
		const recoveries = lite.recoveries.length;
		const sent = performance.now();
		const result = await quietly(async () => {
			const crash = await lite.fetch(
				new Request('http://localhost/rest/v1/rpc/search_help_requests', {
					method: 'POST',
					headers,
					body: CRASH_BODY
				})
			);
			await crash.arrayBuffer();
			let reads = 0;
			while (performance.now() - sent < READ_BUDGET_MS) {
				reads += 1;
				const res = await read();
				await res.arrayBuffer();
				if (res.status === 200) return { crashStatus: crash.status, reads };
			}
			throw new Error(`no answer within ${READ_BUDGET_MS} ms`);
		});
		const untilAnsweredMs = performance.now() - sent;
		const recovery = lite.recoveries[recoveries];
		if (!recovery) throw new Error('the crash request did not break the database this time');
		rounds.push({ untilAnsweredMs, reopenMs: recovery.millis, ...result });
	}
	await lite.close();

	const answered = median(rounds.map((r) => r.untilAnsweredMs));
	const reopen = median(rounds.map((r) => r.reopenMs));
	console.log(
		`\nRecovery of the embedded PGlite from the crash search (${ROUNDS} rounds, ${os.cpus().length} cores)\n`
	);
	console.log(
		table(
			['measure', 'what', 'ms (median)', '÷ cold boot', '÷ warm boot'],
			[
				[
					'cold boot',
					'fresh folder, migrations',
					fmt(coldBootMs, 0),
					'1.00',
					fmt(coldBootMs / warmBootMs, 2)
				],
				[
					'warm boot',
					'migrated folder',
					fmt(warmBootMs, 0),
					fmt(warmBootMs / coldBootMs, 2),
					'1.00'
				],
				[
					'reopen',
					'failed probe → first answered query',
					fmt(reopen, 0),
					fmt(reopen / coldBootMs, 2),
					fmt(reopen / warmBootMs, 2)
				],
				[
					'unavailable',
					'crash request sent → read answers',
					fmt(answered, 0),
					fmt(answered / coldBootMs, 2),
					fmt(answered / warmBootMs, 2)
				]
			]
		)
	);
	console.log(
		`\nPer round (ms until answered / reopen): ${rounds.map((r) => `${fmt(r.untilAnsweredMs, 0)} / ${fmt(r.reopenMs, 0)}`).join(', ')}`
	);
	await mkdir('bench/results', { recursive: true });
	await writeFile(
		'bench/results/recovery.json',
		JSON.stringify(
			{ date: new Date().toISOString(), cores: os.cpus().length, coldBootMs, warmBootMs, rounds },
			null,
			'\t'
		)
	);
} finally {
	await rm(dataDir, { recursive: true, force: true });
}
