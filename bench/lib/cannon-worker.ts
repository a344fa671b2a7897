// Runs autocannon on its own thread, so generating load does not steal the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

type Aggregate = (raw: unknown, opts: autocannon.Options) => autocannon.Result;

const opts = workerData as autocannon.Options;
const raw = (await autocannon(opts)) as unknown as autocannon.Result;
// Off the main thread autocannon returns raw histograms; aggregating them yields the usual summary.
const result = raw.latency
	? raw
	: (autocannon as unknown as { aggregateResult: Aggregate }).aggregateResult([raw], opts);
parentPort?.postMessage({
	requests: result.requests.total,
	errors: result.errors + result.timeouts + result.non2xx,
	rps: result.requests.total / result.duration,
	p50: result.latency.p50,
	p99: result.latency.p99
});
