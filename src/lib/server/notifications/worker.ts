// Drains the notification outbox: claims unsent rows (service role only), sends each as a mail,
// and reports failures back so they are retried later. Pure: the client, transport and origin are
// passed in, so tests run it against the test harness without SvelteKit.
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
}

export interface DeliveryResult {
	sent: number;
	failed: number;
}

export async function deliverPendingNotifications(
	client: SupabaseClient<Database>,
	transport: MailTransport,
	{ origin, limit = 50, from = NOTIFICATION_FROM }: DeliveryOptions
): Promise<DeliveryResult> {
	// Claiming marks the rows sent, so two workers never send the same notification.
	const { data, error } = await client.rpc('claim_notifications', { p_limit: limit });
	if (error) throw new Error(`claim_notifications failed: ${error.message}`);

	const result: DeliveryResult = { sent: 0, failed: 0 };
	const sites = await mailSites(
		client,
		(data ?? []).map((row) => row.id),
		origin
	);
	for (const row of data ?? []) {
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
			result.sent += 1;
		} catch (sendError) {
			result.failed += 1;
			const message = sendError instanceof Error ? sendError.message : String(sendError);
			const { error: markError } = await client.rpc('notification_failed', {
				p_id: row.id,
				p_error: message
			});
			if (markError) {
				console.error(`notification ${row.id}: could not record failure`, markError.message);
			}
		}
	}
	return result;
}
