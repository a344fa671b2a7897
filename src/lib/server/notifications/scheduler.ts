// Background jobs of this server process: deliver notification mails every few seconds, and every
// few minutes expire past requests and ask "hoe ging het?". Started once from the init hook; kept
// on globalThis so Vite's module reloads in development never start a second set of timers.
// A failing job is logged and tried again next time; it never takes the server down.
import { BACKGROUND_JOBS, ORIGIN, SMTP_HOST, SMTP_PORT } from '$app/env/private';
import { PUBLIC_SUPABASE_URL } from '$app/env/public';
import { adminClient } from '../admin';
import { createMailTransport } from './mailer';
import { deliverPendingNotifications } from './worker';

const DELIVER_EVERY_MS = 5_000;
const MAINTAIN_EVERY_MS = 5 * 60_000;

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

	every(MAINTAIN_EVERY_MS, 'expire requests and follow-ups', async () => {
		const expired = await client.rpc('expire_help_requests');
		if (expired.error) throw new Error(`expire_help_requests: ${expired.error.message}`);
		const followups = await client.rpc('run_followups');
		if (followups.error) throw new Error(`run_followups: ${followups.error.message}`);
	});
}
