// Each municipality's security.txt (RFC 9116): read for the file, renewed by the admin.
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { fromRow } from '../rows';
import { ok, refused, type WriteResult } from '../result';

export const WARN_DAYS = 30;

const contactRow = fromRow(
	z.object({ contact: z.string(), policyUrl: z.string().nullable(), expiresAt: z.string() })
);
export type SecurityContact = z.infer<typeof contactRow>;

export async function loadSecurityContact(
	supabase: RequestClient,
	municipalityId: string
): Promise<SecurityContact | null> {
	const { data, error } = await supabase
		.from('security_contacts')
		.select('contact, policy_url, expires_at')
		.eq('municipality_id', municipalityId)
		.maybeSingle();
	if (error) throw new Error(`security_contacts: ${error.code}`);
	return data ? contactRow.parse(data) : null;
}

/** The file's text; Expires in UTC as RFC 3339, as the RFC asks. */
export function securityTxt(contact: SecurityContact, canonical: string): string {
	return [
		`Contact: ${contact.contact}`,
		`Expires: ${new Date(contact.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
		...(contact.policyUrl ? [`Policy: ${contact.policyUrl}`] : []),
		'Preferred-Languages: nl, en',
		`Canonical: ${canonical}`,
		''
	].join('\n');
}

/** "missing", "expired", "soon" (within WARN_DAYS) or "ok": what the admin page says. */
export function expiryState(contact: SecurityContact | null, now = new Date()) {
	if (!contact) return 'missing' as const;
	const left = new Date(contact.expiresAt).getTime() - now.getTime();
	if (left <= 0) return 'expired' as const;
	return left <= WARN_DAYS * 86_400_000 ? ('soon' as const) : ('ok' as const);
}

const PROBLEMS: Record<string, string> = {
	expires_out_of_range: 'Kies een datum na vandaag en binnen een jaar.',
	contact_invalid: 'Vul een contact in als mailto:adres@gemeente.nl of een https://-adres.',
	policy_invalid: 'Het beleid moet een https://-adres zijn.'
};

export async function renewSecurityTxt(
	supabase: RequestClient,
	input: { contact: string; policyUrl: string; expiresOn: string }
): Promise<WriteResult<null>> {
	const { data, error } = await supabase.rpc('renew_security_txt', {
		p_contact: input.contact,
		p_policy_url: input.policyUrl,
		p_expires_on: input.expiresOn
	});
	if (error) return refused('Dit lukte niet. Probeer het opnieuw.');
	const answer = data as { ok: boolean; reason?: string };
	if (!answer.ok) return refused(PROBLEMS[answer.reason ?? ''] ?? 'Dit lukte niet.');
	return ok(null);
}
