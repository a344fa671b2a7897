// HTTP load over loopback with autocannon, in a worker thread (see cannon-worker.ts).
import { Worker } from 'node:worker_threads';
import type { Stats } from './load.ts';

export interface HttpTarget {
	url: string;
	method?: 'GET' | 'POST';
	headers: Record<string, string>;
	body?: string;
}

export function runCannon(
	target: HttpTarget,
	opts: { connections: number; durationSeconds: number }
): Promise<Stats> {
	const worker = new Worker(new URL('./cannon-worker.ts', import.meta.url), {
		workerData: {
			...target,
			connections: opts.connections,
			duration: opts.durationSeconds,
			pipelining: 1
		}
	});
	return new Promise((resolve, reject) => {
		worker.once('message', (stats: Stats) => resolve(stats));
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (code !== 0) reject(new Error(`autocannon worker exited with ${code}`));
		});
	});
}
