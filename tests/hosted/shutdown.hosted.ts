// SIGTERM during a stream of redemptions: the server stops taking connections, finishes what it
// has, gives back its claims and exits 0; the proxy sends new requests to the other server. Every
// redemption answered "ok" is in the database once, and none that was not.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signIn } from '../support/browser.ts';
import { issueCheques } from '../support/mantelzorg-counter-e2e.ts';
import { database, startApp, STACK, stopApp } from '../support/hosted.ts';
import { budget } from '../support/budget.ts';

test('@hosted SIGTERM during redemptions loses none and duplicates none', async ({ browser }) => {
	test.setTimeout(budget(180_000));
	const codes = await issueCheques(4);
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'winkel@buurtkracht.example');

	const answered: { key: string; code: string; ok: boolean; status: number; server?: string }[] =
		[];
	let stopping = true;
	const redeemOnce = async (code: string, key: string = randomUUID()) => {
		const response = await page.request.post('/winkel?/verzilveren', {
			headers: { origin: STACK.origin, 'x-sveltekit-action': 'true' },
			form: { code, amount: '0,50', key, again: 'ja' },
			failOnStatusCode: false
		});
		const body = response.ok() ? ((await response.json()) as { type?: string }) : {};
		answered.push({
			key,
			code,
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
		const written = async () =>
			new Set(
				(
					await sql<{ key: string }[]>`
					select idempotency_key::text as key from public.redemptions
					where idempotency_key = any(${answered.map((a) => a.key)}::uuid[])`
				).map((r) => r.key)
			);
		const first = await written();
		expect(answered.filter((a) => a.ok).length).toBeGreaterThan(20);
		// Answered "ok" means written.
		expect(answered.filter((a) => a.ok && !first.has(a.key))).toEqual([]);
		// A request the stopping server wrote but could not answer is what a shop's retry with the
		// same key is for: it answers "ok" and writes nothing twice.
		const unanswered = answered.filter((a) => !a.ok && first.has(a.key));
		for (const a of unanswered) await redeemOnce(a.code, a.key);
		const retried = answered.slice(answered.length - unanswered.length);
		expect(retried.filter((a) => !a.ok)).toEqual([]);
		const okKeys = new Set(answered.filter((a) => a.ok).map((a) => a.key));
		const rows = await written();
		expect([...rows].sort()).toEqual([...okKeys].sort());
		const ok = [...okKeys];
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
