// What this server does when it is told to stop (SIGTERM/SIGINT). adapter-node stops accepting
// connections, lets the requests in flight finish (at most SHUTDOWN_TIMEOUT seconds, 30 by
// default; then it closes them) and emits 'sveltekit:shutdown'. Then we stop the mail worker and
// the scheduler (the round in progress finishes, unsent claimed mails go back to the outbox),
// close the embedded database if there is one, and exit 0. /readyz answers 503 from the signal
// on, so a load balancer stops sending new requests.
import { building, dev } from '$app/env';
import { log } from './log';
import { markShuttingDown } from './health';
import { stopBackgroundJobs } from '../notifications/scheduler';
import { embeddedEnabled, embeddedSupabase } from '../embedded/instance';

const key = Symbol.for('buurtkracht.shutdownInstalled');
type Holder = { [key]?: true };

/** The longest the clean-up after the last request may take before the process exits anyway. */
const CLEANUP_LIMIT_MS = 15_000;

async function cleanUp(reason: string): Promise<void> {
	log.info({ reason }, 'shutting down: requests drained');
	await stopBackgroundJobs();
	if (embeddedEnabled()) {
		const lite = await embeddedSupabase();
		await lite.close();
	}
	log.info('shut down');
}

export function installShutdown(): void {
	const holder = globalThis as Holder;
	// Vite's dev server handles its own signals; only a built server drains and exits like this.
	if (holder[key] || dev || building) return;
	holder[key] = true;
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.once(signal, () => {
			markShuttingDown();
			log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
		});
	}
	process.on('sveltekit:shutdown' as never, (reason: string) => {
		const limit = setTimeout(() => {
			log.error('shutdown clean-up took too long; exiting');
			process.exit(1);
		}, CLEANUP_LIMIT_MS);
		limit.unref();
		cleanUp(reason).then(
			// Closing PGlite sets process.exitCode itself (README, Known differences): say 0 here.
			() => process.exit(0),
			(error: unknown) => {
				log.error({ error: error instanceof Error ? error.name : 'unknown' }, 'shutdown failed');
				process.exit(1);
			}
		);
	});
}
