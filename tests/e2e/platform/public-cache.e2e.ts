// Issue 19, point 7: anonymous visits of public pages are answered from a short shared cache with
// a Cache-Control a CDN may follow, each with its own CSP nonce; a visitor with a session never
// gets a cached page (also right after signing in, with the anonymous page freshly cached), and a
// board member's new activity shows at once on this server.
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { expect, test, type APIResponse } from '@playwright/test';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { ensureEnvFile } from '../../../scripts/lib/env.ts';
import type { Database } from '../../../src/lib/database.types.ts';
import { DEMO_PASSWORD, signIn } from '../../support/browser.ts';

const nonceOf = (response: APIResponse) =>
	/'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];

test('an anonymous public page comes from the cache, with a fresh nonce each time', async ({
	playwright
}) => {
	const anonymous = await playwright.request.newContext({ baseURL: E2E_ORIGIN });
	const first = await anonymous.get('/buurthuizen');
	const second = await anonymous.get('/buurthuizen');
	expect(first.status()).toBe(200);
	expect(second.headers()['x-cache']).toBe('hit');
	for (const response of [first, second]) {
		expect(response.headers()['cache-control']).toMatch(/^public, .*s-maxage=\d+/);
		expect(response.headers()['cache-control']).toContain('stale-while-revalidate=');
		expect(response.headers()['vary']).toContain('cookie');
		expect(response.headers()['x-request-id']).toBeTruthy();
	}
	expect(first.headers()['x-request-id']).not.toBe(second.headers()['x-request-id']);
	const [a, b] = [nonceOf(first), nonceOf(second)];
	expect(a).toBeTruthy();
	expect(b).toBeTruthy();
	expect(a).not.toBe(b);
	const html = await second.text();
	expect(html).toContain(`nonce="${b}"`);
	expect(html).not.toContain(a!);
	// The feeds too.
	await anonymous.get('/buurthuizen/agenda.ics');
	const feed = await anonymous.get('/buurthuizen/agenda.ics');
	expect(feed.headers()['x-cache']).toBe('hit');
	expect(feed.headers()['content-type']).toContain('text/calendar');
	await anonymous.dispose();
});

test('a signed-in visitor never gets the cached page, also right after signing in', async ({
	page,
	playwright
}) => {
	const anonymous = await playwright.request.newContext({ baseURL: E2E_ORIGIN });
	await anonymous.get('/hulp');
	expect((await anonymous.get('/hulp')).headers()['x-cache']).toBe('hit');

	await signIn(page, 'inwoner@buurtkracht.example');
	const personal = await page.goto('/hulp');
	expect(personal?.headers()['x-cache']).toBeUndefined();
	expect(personal?.headers()['cache-control']).toMatch(/private|no-store/);
	await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
	const data = await page.request.get('/hulp/__data.json');
	expect(data.headers()['x-cache']).toBeUndefined();
	expect(data.headers()['cache-control'] ?? '').not.toMatch(/public/);

	// And the anonymous copy never holds the signed-in visitor's header.
	expect(await (await anonymous.get('/hulp')).text()).not.toContain('Uitloggen');
	await anonymous.dispose();
});

test('a board member’s new activity shows at once on this server’s cached pages', async ({
	playwright
}) => {
	const anonymous = await playwright.request.newContext({ baseURL: E2E_ORIGIN });
	await anonymous.get('/buurthuizen/de-lorzie/agenda.ics');
	expect((await anonymous.get('/buurthuizen/de-lorzie/agenda.ics')).headers()['x-cache']).toBe(
		'hit'
	);

	const title = `Cachetest ${randomUUID().slice(0, 6)}`;
	const api = createClient<Database>(E2E_ORIGIN, ensureEnvFile().PUBLIC_SUPABASE_PUBLISHABLE_KEY!, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	expect(
		(
			await api.auth.signInWithPassword({
				email: 'bestuur@buurtkracht.example',
				password: DEMO_PASSWORD
			})
		).error
	).toBeNull();
	const centre = await api.from('community_centres').select('id').eq('slug', 'de-lorzie').single();
	const start = new Date(Date.now() + 3 * 86_400_000);
	start.setUTCHours(14, 0, 0, 0);
	const { error } = await api.rpc('create_activity', {
		p_centre_id: centre.data!.id,
		p_title: title,
		p_description: 'Een activiteit om de cache te proberen.',
		p_category: 'bewegen',
		p_audience: 'everyone',
		p_starts_at: start.toISOString(),
		p_ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
		p_recurrence: 'once',
		p_repeat_until: null as unknown as string,
		p_cost_cents: 0,
		p_needs_registration: false,
		p_max_participants: null as unknown as number
	});
	expect(error).toBeNull();

	const after = await anonymous.get('/buurthuizen/de-lorzie/agenda.ics');
	expect(after.headers()['x-cache']).toBeUndefined();
	expect(await after.text()).toContain(`SUMMARY:${title}`);
	await anonymous.dispose();
});

test('a sign-in racing anonymous visits: no personal page is ever cached or served', async ({
	page,
	playwright
}) => {
	const anonymous = await playwright.request.newContext({ baseURL: E2E_ORIGIN });
	const paths = ['/hulp', '/buurthuizen', '/buurthuizen/agenda.ics'];
	let signedInDone = false;
	const anonymousAnswers: { path: string; body: string }[] = [];
	// Anonymous visitors keep asking, four at a time, for as long as the sign-in takes.
	const visitors = Array.from({ length: 4 }, async (_, n) => {
		for (let i = 0; !signedInDone || i < 3; i++) {
			const path = paths[(n + i) % paths.length]!;
			const response = await anonymous.get(path);
			expect(response.status()).toBe(200);
			anonymousAnswers.push({ path, body: await response.text() });
		}
	});
	const signedIn = (async () => {
		await signIn(page, 'inwoner@buurtkracht.example');
		for (let i = 0; i < 4; i++) {
			for (const path of paths.slice(0, 2)) {
				const response = await page.request.get(path);
				expect(response.headers()['x-cache'], path).toBeUndefined();
				expect(response.headers()['cache-control'], path).toMatch(/private|no-store/);
				expect(await response.text()).toContain('Uitloggen');
			}
		}
		signedInDone = true;
	})();
	await Promise.all([signedIn, ...visitors]);
	expect(anonymousAnswers.length).toBeGreaterThan(8);
	for (const answer of anonymousAnswers) {
		expect(answer.body, answer.path).not.toContain('Uitloggen');
	}
	await anonymous.dispose();
});

test('open data comes from the cache too, the files keeping their hour for browsers', async ({
	playwright
}) => {
	const anonymous = await playwright.request.newContext({ baseURL: E2E_ORIGIN });
	const year = new Date().getFullYear();
	for (const path of [
		'/open-data',
		`/open-data/cijfers-${year}.csv`,
		'/open-data/datapackage.json'
	]) {
		const first = await anonymous.get(path);
		expect(first.status(), path).toBe(200);
		const second = await anonymous.get(path);
		expect(second.headers()['x-cache'], path).toBe('hit');
		// The page differs by its fresh nonce only; the files are the same bytes.
		if (path !== '/open-data') expect(await second.text(), path).toBe(await first.text());
		const control = second.headers()['cache-control'] ?? '';
		expect(control, path).toMatch(/^public, .*s-maxage=\d+/);
		expect(control, path).toContain('stale-while-revalidate=');
		if (path !== '/open-data') expect(control, path).toContain('max-age=3600');
	}
	await anonymous.dispose();
});
