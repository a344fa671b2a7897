// Test factories: every test makes its own users and rows through the real APIs.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { provided } from './target.ts';
import type { Database } from '../../src/lib/database.types.ts';

export const TEST_PASSWORD = 'Test-wachtwoord-123';

export const anonClient = (): SupabaseClient<Database> =>
	createClient<Database>(provided('supabaseUrl'), provided('publishableKey'), {
		auth: { persistSession: false, autoRefreshToken: false }
	});

/** Runs SQL as the database owner through the test harness (fixtures and catalog checks only). */
export async function sql<T = Record<string, unknown>>(query: string): Promise<T[]> {
	const res = await fetch(`${provided('supabaseUrl')}/__test/sql`, { method: 'POST', body: query });
	if (!res.ok) throw new Error(`SQL failed: ${await res.text()}`);
	return (await res.json()) as T[];
}

export const uniqueEmail = (label = 'test') =>
	`${label}-${randomUUID().slice(0, 8)}@buurtkracht.example`;

export interface TestUser {
	id: string;
	email: string;
	client: SupabaseClient<Database>;
}

/** Signs up, confirms (as maintenance, skipping the mail) and signs in a new user. */
export async function createUser(
	opts: { label?: string; displayName?: string } = {}
): Promise<TestUser> {
	const email = uniqueEmail(opts.label);
	const client = anonClient();
	const { data, error } = await client.auth.signUp({
		email,
		password: TEST_PASSWORD,
		options: { data: { display_name: opts.displayName ?? `Test ${opts.label ?? 'persoon'}` } }
	});
	if (error || !data.user) throw error ?? new Error('sign-up returned no user');
	await sql(`update auth.users set email_confirmed_at = now() where id = '${data.user.id}'`);
	const signIn = await client.auth.signInWithPassword({ email, password: TEST_PASSWORD });
	if (signIn.error) throw signIn.error;
	return { id: data.user.id, email, client };
}

export const ZAANSTAD_ID = '00000000-0000-4000-8000-000000000001';

export async function grantRole(
	userId: string,
	role: 'municipality_admin' | 'coordinator' | 'caseworker' | 'shop_staff' | 'board_member',
	scope: { shopId?: string; communityCentreId?: string } = {}
): Promise<void> {
	const shop = scope.shopId ? `'${scope.shopId}'` : 'null';
	const centre = scope.communityCentreId ? `'${scope.communityCentreId}'` : 'null';
	await sql(
		`insert into public.memberships (user_id, municipality_id, role, shop_id, community_centre_id)
		 values ('${userId}', '${ZAANSTAD_ID}', '${role}', ${shop}, ${centre})`
	);
}

export interface StoredMail {
	to: string[];
	subject: string;
	text: string;
	html: string;
	/** The List-* headers by lower-case name (scripts/lib/mailbox.ts). */
	listHeaders: Record<string, string>;
}

/** Waits for a mail to arrive in the harness mailbox. */
export async function waitForMail(to: string, subjectPart: string, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const res = await fetch(`${provided('mailboxUrl')}/api/messages?to=${encodeURIComponent(to)}`);
		const mails = (await res.json()) as StoredMail[];
		const mail = mails.reverse().find((m) => m.subject.includes(subjectPart));
		if (mail) return mail;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`No mail "${subjectPart}" for ${to} within ${timeoutMs} ms`);
}

/** The token_hash from the /auth/confirm link in an auth mail. */
export function tokenHashFrom(mail: StoredMail): string {
	const match = /token_hash=([a-f0-9]+)/.exec(mail.html);
	if (!match) throw new Error('mail has no confirm link');
	return match[1] as string;
}
