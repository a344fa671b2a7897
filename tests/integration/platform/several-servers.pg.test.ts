// Mail workers on several servers (issue 19), on PostgreSQL where claims really run at the same
// time: each recipient's mails are handed out in the order they were written, every mail once,
// and a worker that shuts down gives its claims back.
import { describe, expect, it } from 'vitest';
import { serviceClient } from '../../support/background.ts';
import { createUser, sql, ZAANSTAD_ID } from '../../support/factories.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function queueMails(recipients: string[], perRecipient: number) {
	// Interleaved, so the oldest rows of the outbox belong to different recipients; one thread
	// (the mails about one request) per recipient.
	for (let i = 0; i < perRecipient; i++) {
		for (const r of recipients) {
			await sql(
				`select public.notify('${ZAANSTAD_ID}', '${r}', 'account_exists', jsonb_build_object('request_id', '${r}', 'seq', ${i}))`
			);
		}
	}
	const rows = await sql<{ id: string; recipient_id: string }>(
		`select id, recipient_id from public.notification_outbox
		 where recipient_id in (${recipients.map((r) => `'${r}'`).join(',')}) order by created_at, id`
	);
	return rows;
}

/** A mail worker as the app runs it, with a slow, jittery SMTP server. */
async function worker(mine: Set<string>, sent: { id: string; recipient: string }[]) {
	const client = serviceClient();
	const id = crypto.randomUUID();
	// Other test files queue mails and drain the outbox while this runs: a large claim reaches
	// past their rows, and the worker stops when every one of ours is sent, by anyone.
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline && !(await allSent(mine))) {
		const { data, error } = await client.rpc('claim_notifications', { p_limit: 500, p_worker: id });
		if (error) throw new Error(error.message);
		const rows = data ?? [];
		const foreign = rows.filter((r) => !mine.has(r.id)).map((r) => r.id);
		if (foreign.length) await client.rpc('release_notifications', { p_worker: id, p_ids: foreign });
		const own = rows.filter((r) => mine.has(r.id));
		if (own.length === 0) {
			await sleep(30);
			continue;
		}
		for (const row of own) {
			await sleep(Math.random() * 25);
			sent.push({ id: row.id, recipient: row.email });
			await client.rpc('notification_sent', { p_id: row.id });
		}
	}
}

async function allSent(ids: Set<string>) {
	const [row] = await sql<{ open: number }>(
		`select count(*)::int as open from public.notification_outbox
		 where sent_at is null and id in (${[...ids].map((i) => `'${i}'`).join(',')})`
	);
	return row?.open === 0;
}

describe('two mail workers on one outbox', () => {
	it('send every mail once, each thread’s in the order they were written', async () => {
		const people = await Promise.all([1, 2, 3].map(() => createUser({ label: 'post' })));
		const queued = await queueMails(
			people.map((p) => p.id),
			6
		);
		const mine = new Set(queued.map((q) => q.id));
		const sent: { id: string; recipient: string }[] = [];
		await Promise.all([worker(mine, sent), worker(mine, sent)]);

		// Our two workers never sent one mail twice, and sent the most of them (another test's
		// drain may have taken a few).
		const ids = sent.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThan(0);
		expect(await allSent(mine)).toBe(true);
		for (const person of people) {
			const written = queued.filter((q) => q.recipient_id === person.id).map((q) => q.id);
			// Whoever sent them, they left in the order they were written…
			const bySentAt = await sql<{ id: string }>(
				`select id from public.notification_outbox
				 where id in (${written.map((w) => `'${w}'`).join(',')}) order by sent_at, seq`
			);
			expect(bySentAt.map((r) => r.id)).toEqual(written);
			// …and our workers' share of them too.
			const delivered = sent.filter((s) => s.recipient === person.email).map((s) => s.id);
			expect(delivered).toEqual(written.filter((w) => delivered.includes(w)));
		}
	});

	it('a worker that shuts down gives its claims back, uncounted', async () => {
		const person = await createUser({ label: 'stop' });
		const [row] = await queueMails([person.id], 1);
		const client = serviceClient();
		const id = crypto.randomUUID();
		let claimed = false;
		// Other tests' leftovers may be first in line: claim until ours is in hand.
		for (let i = 0; i < 20 && !claimed; i++) {
			const { data } = await client.rpc('claim_notifications', { p_limit: 50, p_worker: id });
			claimed = (data ?? []).some((r) => r.id === row?.id);
		}
		expect(claimed).toBe(true);
		const { data: released } = await client.rpc('release_notifications', { p_worker: id });
		expect(released).toBeGreaterThan(0);
		const [after] = await sql<{ claimed: boolean; attempts: number; sent: boolean }>(
			`select claimed_at is not null as claimed, attempts, sent_at is not null as sent
			 from public.notification_outbox where id = '${row?.id}'`
		);
		expect(after).toEqual({ claimed: false, attempts: 0, sent: false });
	});
});
