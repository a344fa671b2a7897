// Whose mail is it: each notification is its municipality's, so it links to that municipality's
// own site and is sent in its name. Read as the service role (the mailer acts for nobody), one
// query per delivery round for the outbox rows and one for their municipalities.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';
import { originFor } from './origin';

export interface MailSite {
	/** The municipality's name ("Zaanstad"). */
	name: string;
	/** The sender's name on its mails. */
	senderName: string;
	/** Its own site, for the links in its mails. */
	origin: string;
}

/** Outbox row id → the site its mail belongs to; rows of unknown municipalities are left out. */
export async function mailSites(
	client: SupabaseClient<Database>,
	outboxIds: string[],
	baseOrigin: string
): Promise<Map<string, MailSite>> {
	const sites = new Map<string, MailSite>();
	if (outboxIds.length === 0) return sites;
	const { data: rows, error } = await client
		.from('notification_outbox')
		.select('id, municipality_id')
		.in('id', outboxIds);
	if (error) throw new Error(`mailSites: ${error.message}`);
	const ids = [...new Set(rows.map((r) => r.municipality_id))];
	const { data: municipalities, error: mError } = await client
		.from('municipalities')
		.select('id, name, mail_sender_name, municipality_hosts(host, position)')
		.in('id', ids);
	if (mError) throw new Error(`mailSites: ${mError.message}`);
	const byId = new Map(
		municipalities.map((m) => {
			const [first] = [...m.municipality_hosts].sort(
				(a, b) => a.position - b.position || a.host.localeCompare(b.host)
			);
			const site: MailSite = {
				name: m.name,
				senderName: m.mail_sender_name ?? `Buurtkracht ${m.name}`,
				origin: originFor(first?.host, baseOrigin)
			};
			return [m.id, site] as const;
		})
	);
	for (const row of rows) {
		const site = byId.get(row.municipality_id);
		if (site) sites.set(row.id, site);
	}
	return sites;
}

/** A From header with the site's sender name; the address stays the platform's own. */
export function fromHeader(senderName: string, address: string): string {
	const name = senderName.replace(/["<>\\\r\n]/g, '').trim();
	return `"${name}" <${address}>`;
}
