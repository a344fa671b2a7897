// Runs the app's background jobs against the test harness: a service-role client (the jobs act
// for nobody) and the real notification worker sending to the harness mailbox over SMTP.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { provided } from './target.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { createMailTransport } from '../../src/lib/server/notifications/mailer.ts';
import { deliverPendingNotifications } from '../../src/lib/server/notifications/worker.ts';
import type { StoredMail } from './factories.ts';

/** The deployment's public origin the worker is given (ORIGIN in the app). */
const DEPLOYMENT_ORIGIN = 'http://buurtkracht.test';
/** What Zaanstad's mails link to: its own host name (seed.sql) with the deployment's scheme. */
export const TEST_ORIGIN = 'http://zaanstad.localhost';

export const serviceClient = (): SupabaseClient<Database> =>
	createClient<Database>(provided('supabaseUrl'), provided('secretKey'), {
		auth: { persistSession: false, autoRefreshToken: false }
	});

/** Runs the worker until the outbox is empty; returns how many mails it sent in total. */
export async function deliverAll(): Promise<number> {
	const client = serviceClient();
	const transport = createMailTransport({ host: '127.0.0.1', port: provided('smtpPort') });
	let total = 0;
	try {
		for (;;) {
			const { sent, failed } = await deliverPendingNotifications(client, transport, {
				origin: DEPLOYMENT_ORIGIN
			});
			if (failed > 0) throw new Error(`${failed} notification(s) failed`);
			if (sent === 0) return total;
			total += sent;
		}
	} finally {
		transport.close();
	}
}

/** Every mail the harness mailbox received for this address, oldest first, with its sender. */
export async function mailsTo(to: string): Promise<(StoredMail & { from: string })[]> {
	const res = await fetch(`${provided('mailboxUrl')}/api/messages?to=${encodeURIComponent(to)}`);
	return (await res.json()) as (StoredMail & { from: string })[];
}
