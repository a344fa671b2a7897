// Against the production build on PGlite: the ~10,000-term search that left PGlite answering
// every query with "ERRORDATA_STACK_SIZE exceeded" must not keep anyone out. It is refused with a
// clean error now (the SQL caps the search); right after it, a password sign-in through
// /auth/v1/token and the Buurthulp board both work, with what was committed before. That the
// server also reopens a database that does break is tested on the same supervisor in
// tests/integration/platform/resilience-recovery.test.ts, which can put an uncapped search in
// place. Oversized bodies get a JSON 413 from the app's own handle.
import { createClient } from '@supabase/supabase-js';
import { expect, test } from '@playwright/test';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { ensureEnvFile } from '../../../scripts/lib/env.ts';
import { newEmail, signIn, waitForMail } from '../../support/browser.ts';

const PASSWORD = 'e2e-wachtwoord-2026';
const key = () => ensureEnvFile().PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? '';

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
	return fetch(`${E2E_ORIGIN}${path}`, {
		method: 'POST',
		headers: { apikey: key(), 'content-type': 'application/json', ...headers },
		body,
		duplex: 'half'
	} as RequestInit);
}

/** A confirmed account made through the sign-up API and its mail, as a resident would. */
async function confirmedAccount(): Promise<string> {
	const email = newEmail('na-crash');
	const api = createClient(E2E_ORIGIN, key(), {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const signUp = await api.auth.signUp({
		email,
		password: PASSWORD,
		options: { data: { display_name: 'Noor Nacrash' } }
	});
	expect(signUp.error).toBeNull();
	const mail = await waitForMail(email, 'Bevestig je e-mailadres');
	const tokenHash = /token_hash=([a-f0-9]+)/.exec(mail.html)?.[1] ?? '';
	const { error } = await api.auth.verifyOtp({ token_hash: tokenHash, type: 'signup' });
	expect(error).toBeNull();
	return email;
}

test('after the crash search, password sign-in and /hulp still work', async ({ browser }) => {
	const email = await confirmedAccount();

	const crash = await post(
		'/rest/v1/rpc/search_help_requests',
		JSON.stringify({ p_query: 'x '.repeat(10_000) })
	);
	expect(crash.status).toBe(400);
	expect(await crash.text()).toMatch(/too_long/);

	const token = await post(
		'/auth/v1/token?grant_type=password',
		JSON.stringify({ email, password: PASSWORD })
	);
	expect(token.status).toBe(200);
	expect(((await token.json()) as { access_token?: string }).access_token).toBeTruthy();

	const page = await (await browser.newContext()).newPage();
	await signIn(page, email, PASSWORD);
	await page.goto('/hulp');
	await expect(page.getByRole('heading', { level: 1, name: 'Buurthulp' })).toBeVisible();
	// The demo hulpvragen were committed at seeding, long before the crash.
	await expect(page.getByRole('link', { name: 'Heg snoeien in de voortuin' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});

test('the app refuses oversized API bodies with a JSON 413', async () => {
	const rest = await post('/rest/v1/rpc/has_role', JSON.stringify({ p_role: 'x'.repeat(1 << 20) }));
	expect(rest.status).toBe(413);
	expect(await rest.json()).toMatchObject({ code: 'PGRST413' });

	const auth = await post(
		'/auth/v1/token?grant_type=password',
		JSON.stringify({ email: 'groot@buurtkracht.example', password: 'x'.repeat(20_000) })
	);
	expect(auth.status).toBe(413);
	expect(await auth.json()).toMatchObject({ error_code: 'request_too_large' });

	// Streamed in chunks, without a Content-Length: counted as it arrives.
	const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
	let sent = 0;
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (sent >= 64 * 1024) return controller.close();
			controller.enqueue(chunk);
			sent += chunk.byteLength;
		}
	});
	const streamed = await post('/auth/v1/signup', stream);
	expect(streamed.status).toBe(413);
});
