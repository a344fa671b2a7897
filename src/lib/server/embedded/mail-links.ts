// Auth mail (sign-up confirmation, login link, password reset) links to the recipient's own
// municipality: lite builds every link on the one site_url, so the link is moved to the first host
// name of the municipality the account belongs to (same scheme and port), and the heading names
// the municipality. Relative imports only: Node runs this without Vite (scripts, tests).
import type { EmailDriver } from '@supabase/lite';
import { originFor } from '../tenancy/origin.ts';

export interface RecipientSite {
	host: string | null;
	name: string;
}

export function withMunicipalityLinks(
	driver: EmailDriver,
	siteUrl: string,
	siteOf: (email: string) => Promise<RecipientSite | null>
): EmailDriver {
	const base = new URL(siteUrl).origin;
	return {
		send: async (message) => {
			const site = message.html ? await siteOf(message.to).catch(() => null) : null;
			if (!site || !message.html) return driver.send(message);
			const origin = originFor(site.host, base);
			const html = message.html
				.replaceAll(`${base}/auth/confirm`, `${origin}/auth/confirm`)
				.replace(/>Buurtkracht<\/h1>/, `>Buurtkracht ${escapeHtml(site.name)}</h1>`);
			return driver.send({ ...message, html });
		}
	};
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The SQL that finds a recipient's municipality. lite's exec takes no parameters, so the address
 * is written as a quoted literal (standard_conforming_strings: only the quote needs doubling).
 */
export const recipientSiteSql = (address: string) => `
	select m.name, (
		select h.host from public.municipality_hosts h
		where h.municipality_id = m.id order by h.position, h.host limit 1
	) as host
	from auth.users u
	join public.profiles p on p.id = u.id
	join public.municipalities m on m.id = p.municipality_id
	where lower(u.email) = lower('${address.replaceAll("'", "''")}')
	limit 1`;
