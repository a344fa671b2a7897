// Deleting one's own account (AVG art. 17): what deleting would do (account_deletion_page), the
// confirmation with the password or a mailed code, and delete_my_account, which always deletes
// the caller. The confirmation runs on a client of its own (its cookies live in memory), so
// checking the password or the code never touches the session of the page request; the sign-in
// and code limits count it like any other attempt.
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { signInWithPassword, sendSignInMail, verifyCode } from '../auth';
import { fromRow } from '../rows';
import { createRequestClient, type RequestClient } from '../supabase';

const count = z.coerce.number().int().default(0);
const kept = z.object({
	area: z.string(),
	what: z.string(),
	year: z.coerce.number().int().nullable().default(null),
	until: z.string()
});

const pageShape = z.object({
	email: z.string(),
	roles: count,
	areas: z.object({
		buurthulp: z
			.object({
				openRequests: count,
				activeMatches: count,
				pendingResponses: count,
				messages: count
			})
			.partial()
			.default({}),
		mantelzorg: z
			.object({ applicationsRemoved: count, kept: z.array(kept).default([]) })
			.partial()
			.default({}),
		buurthuizen: z.object({ comingRegistrations: count }).partial().default({})
	})
});

export type DeletionPage = z.infer<typeof pageShape>;
export type KeptRecord = z.infer<typeof kept>;

export async function loadDeletionPage(supabase: RequestClient): Promise<DeletionPage | null> {
	const { data, error } = await supabase.rpc('account_deletion_page');
	if (error) throw error;
	const row = data as { ok?: boolean } | null;
	if (!row?.ok) return null;
	return fromRow(pageShape).parse(row);
}

type Event = Pick<RequestEvent, 'url' | 'locals' | 'getClientAddress'>;

function confirmationClient(event: Event): RequestClient {
	const jar = new Map<string, string>();
	const cookies = {
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void jar.set(name, value)
	} as unknown as RequestEvent['cookies'];
	return createRequestClient({ cookies, url: event.url }, undefined, event.locals.municipality.id);
}

/** Mails a sign-in code to the person's own address (the page never asks for an address). */
export async function mailDeletionCode(event: Event, email: string): Promise<string | null> {
	const sent = await sendSignInMail(confirmationClient(event), email, event.url.origin);
	return sent.error;
}

/** Null when the password or the code is right, else the message to show. */
export async function confirmIdentity(
	event: Event,
	email: string,
	proof: { password?: string; code?: string }
): Promise<string | null> {
	const client = confirmationClient(event);
	const address = event.getClientAddress();
	if (proof.password) {
		const result = await signInWithPassword(client, { email, password: proof.password }, address);
		return result.error ? 'Dit wachtwoord klopt niet.' : null;
	}
	if (proof.code) {
		const result = await verifyCode(client, { email, code: proof.code }, address);
		return result.error;
	}
	return 'Vul je wachtwoord of de code uit de e-mail in.';
}

const deleted = z.object({
	ok: z.boolean(),
	alreadyDeleted: z.boolean().default(false),
	kept: z.array(kept).default([])
});

export async function deleteMyAccount(supabase: RequestClient) {
	const { data, error } = await supabase.rpc('delete_my_account');
	if (error) throw error;
	return fromRow(deleted).parse(data);
}
