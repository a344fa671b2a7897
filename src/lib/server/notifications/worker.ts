// Drains the notification outbox: claims due rows (service role only), sends each as a mail,
// confirms it once the SMTP server accepted it, and reports failures back so they are retried
// later. Several workers (one per app server) may run at once: the database hands each recipient's
// mails out in order, and a worker that fails one mail gives that recipient's later mails back, so
// they never overtake it. Pure: the client, transport and origin are passed in, so tests run it
// against the test harness without SvelteKit.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';
import { fromHeader, mailSites } from '../tenancy/mail-sites';
import { NOTIFICATION_ADDRESS, NOTIFICATION_FROM, type MailTransport } from './mailer';
import { renderNotification } from './templates';

export interface DeliveryOptions {
	/**
	 * The app's public origin: its scheme and port, with each municipality's own host name, are
	 * the links in that municipality's mails.
	 */
	origin: string;
	limit?: number;
	from?: string;
	/** Who claims: a server gives back its claims under this id when it shuts down. */
	worker?: string;
	/** Where problems are reported (ids and codes only, never an address). */
	warn?: (message: string) => void;
}

export interface DeliveryResult {
	sent: number;
	failed: number;
}

export async function deliverPendingNotifications(
	client: SupabaseClient<Database>,
	transport: MailTransport,
	{
		origin,
		limit = 50,
		from = NOTIFICATION_FROM,
		worker = crypto.randomUUID(),
		warn = (message) => console.error(message)
	}: DeliveryOptions
): Promise<DeliveryResult> {
	const { data, error } = await client.rpc('claim_notifications', {
		p_limit: limit,
		p_worker: worker
	});
	if (error) throw new Error(`claim_notifications failed: ${error.message}`);

	const result: DeliveryResult = { sent: 0, failed: 0 };
	const sites = await mailSites(
		client,
		(data ?? []).map((row) => row.id),
		origin
	);
	const held = new Set<string>();
	const giveBack: string[] = [];
	for (const row of data ?? []) {
		// An earlier mail to this recipient failed in this round: the later ones wait for it.
		if (held.has(row.email)) {
			giveBack.push(row.id);
			continue;
		}
		try {
			const site = sites.get(row.id);
			const mail = renderNotification(
				{
					kind: row.kind,
					payload: row.payload,
					displayName: row.display_name,
					municipalityName: site?.name ?? null
				},
				site?.origin ?? origin
			);
			if (!mail) throw new Error(`cannot render notification of kind ${row.kind}`);
			const sender = site ? fromHeader(site.senderName, NOTIFICATION_ADDRESS) : from;
			await transport.sendMail({ from: sender, to: row.email, ...mail });
		} catch (sendError) {
			result.failed += 1;
			held.add(row.email);
			const message = sendError instanceof Error ? sendError.message : String(sendError);
			const { error: markError } = await client.rpc('notification_failed', {
				p_id: row.id,
				p_error: message
			});
			if (markError) warn(`notification ${row.id}: could not record failure (${markError.code})`);
			continue;
		}
		result.sent += 1;
		// Until this is recorded the claim stands; if it never is, the mail goes out again after
		// the claim expires (10 minutes): twice rather than never.
		const { error: sentError } = await client.rpc('notification_sent', { p_id: row.id });
		if (sentError) warn(`notification ${row.id}: could not record delivery (${sentError.code})`);
	}
	if (giveBack.length > 0) {
		await client.rpc('release_notifications', { p_worker: worker, p_ids: giveBack });
	}
	return result;
}

/** Gives every claimed, unsent mail of this worker back (a server shutting down). */
export async function releaseClaims(
	client: SupabaseClient<Database>,
	worker: string
): Promise<number> {
	const { data, error } = await client.rpc('release_notifications', { p_worker: worker });
	if (error) throw new Error(`release_notifications failed: ${error.message}`);
	return data ?? 0;
}
