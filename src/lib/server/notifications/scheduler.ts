// Background jobs of this server process: deliver notification mails every few seconds, and every
// minute run the scheduled jobs the areas registered (run_scheduled_jobs decides which are due). Started once from the init hook; kept
// on globalThis so Vite's module reloads in development never start a second set of timers.
// A failing job is logged and tried again next time; it never takes the server down.
import { BACKGROUND_JOBS, ORIGIN, SMTP_HOST, SMTP_PORT } from '$app/env/private';
import { PUBLIC_SUPABASE_URL } from '$app/env/public';
import { adminClient } from '../admin';
import { createMailTransport } from './mailer';
import { deliverPendingNotifications } from './worker';

const DELIVER_EVERY_MS = 5_000;
const SCHEDULER_EVERY_MS = 60_000;

const key = Symbol.for('buurtkracht.backgroundJobs');
type Holder = { [key]?: true };

/** Runs job at most once at a time: a slow round is not overlapped by the next tick. */
function every(ms: number, name: string, job: () => Promise<void>) {
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await job();
		} catch (error) {
			console.error(
				`Background job ${name} failed:`,
				error instanceof Error ? error.message : error
			);
		} finally {
			running = false;
		}
	};
	setTimeout(tick, 1_000).unref();
	setInterval(tick, ms).unref();
}

export function startBackgroundJobs(): void {
	const holder = globalThis as Holder;
	if (holder[key] || !BACKGROUND_JOBS) return;
	const client = adminClient();
	if (!client) {
		console.warn('Background jobs are off: SUPABASE_SECRET_KEY is not set.');
		return;
	}
	holder[key] = true;

	if (SMTP_PORT) {
		const transport = createMailTransport({
			host: SMTP_HOST || '127.0.0.1',
			port: Number(SMTP_PORT)
		});
		const origin = ORIGIN || PUBLIC_SUPABASE_URL;
		every(DELIVER_EVERY_MS, 'deliver notifications', async () => {
			const { failed } = await deliverPendingNotifications(client, transport, { origin });
			if (failed > 0) console.warn(`${failed} notification mail(s) failed; retried later.`);
		});
	} else {
		console.warn('Notification mails are off: SMTP_PORT is not set.');
	}

	// The jobs themselves are registered by each area's migration (scheduled_jobs); the database
	// decides which are due, so this loop never names one.
	every(SCHEDULER_EVERY_MS, 'scheduled jobs', async () => {
		const { data, error } = await client.rpc('run_scheduled_jobs');
		if (error) throw new Error(`run_scheduled_jobs: ${error.message}`);
		for (const [job, result] of Object.entries((data ?? {}) as Record<string, unknown>)) {
			if (result && typeof result === 'object') console.error(`Scheduled job ${job} failed.`);
		}
	});
}
