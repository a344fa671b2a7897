// SIGTERM during a stream of redemptions: the server stops taking connections, finishes what it
// has, gives back its claims and exits 0; the proxy sends new requests to the other server. Every
// redemption answered "ok" is in the database once, and none that was not.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signIn } from '../support/browser.ts';
import { issueCheques } from '../support/mantelzorg-counter-e2e.ts';
import { database, startApp, STACK, stopApp } from '../support/hosted.ts';

test('@hosted SIGTERM during redemptions loses none and duplicates none', async ({ browser }) => {
	test.setTimeout(180_000);
	const codes = await issueCheques(4);
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'winkel@buurtkracht.example');

	const answered: { key: string; ok: boolean; status: number; server?: string }[] = [];
	let stopping = true;
	const redeemOnce = async (code: string) => {
		const key = randomUUID();
		const response = await page.request.post('/winkel?/verzilveren', {
			headers: { origin: STACK.origin, 'x-sveltekit-action': 'true' },
			form: { code, amount: '0,50', key, again: 'ja' },
			failOnStatusCode: false
		});
		const body = response.ok() ? ((await response.json()) as { type?: string }) : {};
		answered.push({
			key,
			ok: body.type === 'success',
			status: response.status(),
			server: response.headers()['x-upstream']
		});
	};
	const stream = async (code: string) => {
		while (stopping || answered.length < 60) {
			await redeemOnce(code);
			if (answered.length > 200) break;
		}
	};
	const streams = codes.map((code) => stream(code));
	await new Promise((r) => setTimeout(r, 1_500));
	const exitCode = await stopApp(0, 'SIGTERM');
	stopping = false;
	await Promise.all(streams);
	expect(exitCode).toBe(0);
	await startApp(0);

	const sql = database();
	try {
		const ok = answered.filter((a) => a.ok).map((a) => a.key);
		const rows = await sql<{ key: string }[]>`
			select idempotency_key::text as key from public.redemptions
			where idempotency_key = any(${answered.map((a) => a.key)}::uuid[])`;
		expect(ok.length).toBeGreaterThan(20);
		const written = new Set(rows.map((r) => r.key));
		const lost = answered.filter((a) => a.ok && !written.has(a.key));
		const unanswered = answered.filter((a) => !a.ok && written.has(a.key));
		expect({ lost, unanswered }).toEqual({ lost: [], unanswered: [] });
		expect(rows).toHaveLength(ok.length);
		const [money] = await sql<{ spent: number; redeemed: number }[]>`
			select sum(c.value_cents - c.remaining_cents)::int as spent,
			       (select sum(r.amount_cents)::int from public.redemptions r
			        join public.cheques c2 on c2.id = r.cheque_id where c2.code = any(${codes}))
			         as redeemed
			from public.cheques c where c.code = any(${codes})`;
		expect(money?.spent).toBe(ok.length * 50);
		expect(money?.redeemed).toBe(ok.length * 50);
	} finally {
		await sql.end();
		await context.close();
	}
});
