// Background jobs of this server process: deliver notification mails every few seconds, and every
// minute run the scheduled jobs the areas registered (run_scheduled_jobs decides which are due).
// Every app server may run them: the database hands each recipient's mails out in order and lets
// one server at a time run the due jobs. Started once from the init hook; kept on globalThis so
// Vite's module reloads in development never start a second set of timers. A failing job is
// logged and tried again next time; it never takes the server down. On shutdown the timers stop,
// the round in progress finishes, and the mails this server claimed but did not send go back.
import { BACKGROUND_JOBS, ORIGIN, SMTP_HOST, SMTP_PORT } from '$app/env/private';
import { PUBLIC_SUPABASE_URL } from '$app/env/public';
import { adminClient, type AdminClient } from '../admin';
import { errorFields, log } from '../platform/log';
import { createMailTransport, type PooledMailTransport } from './mailer';
import { deliverPendingNotifications, releaseClaims } from './worker';

const DELIVER_EVERY_MS = 5_000;
const SCHEDULER_EVERY_MS = 60_000;

interface Jobs {
	client: AdminClient;
	worker: string;
	timers: ReturnType<typeof setInterval>[];
	rounds: Set<Promise<void>>;
	stopped: boolean;
	/** Closed on stop: its SMTP connections stay open between rounds. */
	transport?: PooledMailTransport;
}

const key = Symbol.for('buurtkracht.backgroundJobs');
type Holder = { [key]?: Jobs };

/** Runs job at most once at a time: a slow round is not overlapped by the next tick. */
function every(jobs: Jobs, ms: number, name: string, job: () => Promise<void>) {
	let running = false;
	const tick = () => {
		if (running || jobs.stopped) return;
		running = true;
		const round = job()
			.catch((error: unknown) => log.error({ job: name, ...errorFields(error) }, 'job failed'))
			.finally(() => {
				running = false;
				jobs.rounds.delete(round);
			});
		jobs.rounds.add(round);
	};
	jobs.timers.push(setTimeout(tick, 1_000).unref(), setInterval(tick, ms).unref());
}

export function startBackgroundJobs(): void {
	const holder = globalThis as Holder;
	if (holder[key] || !BACKGROUND_JOBS) return;
	const client = adminClient();
	if (!client) {
		log.warn('Background jobs are off: SUPABASE_SECRET_KEY is not set.');
		return;
	}
	const jobs: Jobs = {
		client,
		worker: crypto.randomUUID(),
		timers: [],
		rounds: new Set(),
		stopped: false
	};
	holder[key] = jobs;

	if (SMTP_PORT) {
		const transport = createMailTransport({
			host: SMTP_HOST || '127.0.0.1',
			port: Number(SMTP_PORT)
		});
		jobs.transport = transport;
		const origin = ORIGIN || PUBLIC_SUPABASE_URL;
		every(jobs, DELIVER_EVERY_MS, 'deliver notifications', async () => {
			const { failed } = await deliverPendingNotifications(client, transport, {
				origin,
				worker: jobs.worker,
				warn: (message) => log.warn(message)
			});
			if (failed > 0) log.warn({ failed }, 'notification mails failed; retried later');
		});
	} else {
		log.warn('Notification mails are off: SMTP_PORT is not set.');
	}

	// The jobs themselves are registered by each area's migration (scheduled_jobs); the database
	// decides which are due, so this loop never names one.
	every(jobs, SCHEDULER_EVERY_MS, 'scheduled jobs', async () => {
		const { data, error } = await client.rpc('run_scheduled_jobs');
		if (error) throw new Error(`run_scheduled_jobs: ${error.message}`);
		for (const [job, result] of Object.entries((data ?? {}) as Record<string, unknown>)) {
			if (result && typeof result === 'object') log.error({ job }, 'scheduled job failed');
		}
	});
}

/**
 * Stops the timers, waits (at most timeoutMs) for the rounds in progress, then gives back the
 * mails this server claimed but did not send, so another server sends them at once.
 */
export async function stopBackgroundJobs(timeoutMs = 10_000): Promise<void> {
	const jobs = (globalThis as Holder)[key];
	if (!jobs || jobs.stopped) return;
	jobs.stopped = true;
	for (const timer of jobs.timers) clearInterval(timer);
	await Promise.race([
		Promise.allSettled([...jobs.rounds]),
		new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())
	]);
	jobs.transport?.close();
	try {
		const released = await releaseClaims(jobs.client, jobs.worker);
		if (released > 0) log.info({ released }, 'gave back claimed notification mails');
	} catch (error) {
		log.error({ ...errorFields(error) }, 'could not give back claimed mails');
	}
}
