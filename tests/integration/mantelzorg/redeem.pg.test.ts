// Simultaneous redemptions straight on the real PostgreSQL, many connections at once, so the row
// lock in redeem_cheque is what keeps the money right. Runs only in the PostgreSQL pass
// (vite.config.ts includes *.pg.test.ts then).
import { describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { sql } from '../../support/factories.ts';
import { createShop, createStaff, shopAdmin } from '../../support/mantelzorg-shop-factories.ts';
import { createCheque, newKey, remainingOf } from '../../support/mantelzorg-counter-factories.ts';
import { asUserInTransaction } from '../../support/postgres-as-user.ts';

type Answer = { ok: boolean; reason?: string; redemption_id?: string };

function database() {
	const url = inject('databaseUrl');
	return url ? postgres(url, { max: 40, onnotice: () => {} }) : null;
}

const redeem = (
	db: postgres.Sql,
	staffId: string,
	shopId: string,
	code: string,
	amount: number,
	key = newKey()
) =>
	asUserInTransaction(db, staffId, async (tx) => {
		const [row] =
			await tx`select public.redeem_cheque(${shopId}::uuid, ${code}, ${amount}::integer, ${key}::uuid, true) as r`;
		return row?.r as Answer;
	});

describe('redeem_cheque under load on PostgreSQL', () => {
	it('200 simultaneous calls from several shops never take more than the value; the ledger adds up', async ({
		skip
	}) => {
		const db = database();
		if (!db) return skip('runs in the PostgreSQL pass of npm test (TEST_DB=postgres)');
		try {
			const shops = await Promise.all([1, 2, 3, 4].map(() => createShop()));
			const staff = await Promise.all(shops.map((s) => createStaff(s)));
			const cheque = await createCheque({ valueCents: 5000 });
			const outcomes = await Promise.allSettled(
				Array.from({ length: 200 }, (_, i) =>
					redeem(db, staff[i % 4]!.id, shops[i % 4]!.id, cheque.code, 300)
				)
			);
			const answers = outcomes.map((o) =>
				o.status === 'fulfilled' ? o.value : { ok: false, reason: String(o.reason) }
			);
			const ok = answers.filter((a) => a.ok);
			expect(ok).toHaveLength(16); // 16 × € 3 = € 48 of € 50
			const reasons = new Set(answers.filter((a) => !a.ok).map((a) => a.reason));
			expect([...reasons]).toEqual(['insufficient_balance']);
			const [ledger] = await sql<{ redeemed: number; n: number }>(
				`select coalesce(sum(amount_cents), 0)::int as redeemed, count(*)::int as n from public.redemptions where cheque_id = '${cheque.id}' and undone_at is null`
			);
			expect(ledger).toEqual({ redeemed: 4800, n: 16 });
			expect(await remainingOf(cheque.id)).toBe(200);
		} finally {
			await db.end();
		}
	});

	it('the same idempotency key sent 20 times at once redeems once', async ({ skip }) => {
		const db = database();
		if (!db) return skip('runs in the PostgreSQL pass of npm test (TEST_DB=postgres)');
		try {
			const shop = await createShop();
			const staff = await createStaff(shop);
			const cheque = await createCheque({ valueCents: 5000 });
			const key = newKey();
			const answers = await Promise.all(
				Array.from({ length: 20 }, () => redeem(db, staff.id, shop.id, cheque.code, 1000, key))
			);
			expect(answers.every((a) => a.ok)).toBe(true);
			expect(new Set(answers.map((a) => a.redemption_id)).size).toBe(1);
			expect(await remainingOf(cheque.id)).toBe(4000);
		} finally {
			await db.end();
		}
	});

	it('undo racing batch creation never pays an undone redemption', async ({ skip }) => {
		const db = database();
		if (!db) return skip('runs in the PostgreSQL pass of npm test (TEST_DB=postgres)');
		try {
			const admin = await shopAdmin();
			const shop = await createShop();
			const staff = await createStaff(shop);
			const cheques = await Promise.all(
				Array.from({ length: 10 }, () => createCheque({ valueCents: 1000 }))
			);
			const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
				new Date()
			);
			for (let round = 0; round < 3; round++) {
				const ids: string[] = [];
				for (const c of cheques) {
					const a = await redeem(db, staff.id, shop.id, c.code, 100);
					expect(a.ok).toBe(true);
					ids.push(a.redemption_id as string);
				}
				const undos = ids.map((id) =>
					asUserInTransaction(
						db,
						staff.id,
						(tx) => tx`select public.undo_redemption(${id}::uuid)`
					).then(
						() => 'undone',
						(e: Error) => e.message
					)
				);
				const batch = asUserInTransaction(db, admin.id, async (tx) => {
					const [row] =
						await tx`select public.create_reimbursement_batch(${shop.id}::uuid, ${today}::date, ${today}::date) as id`;
					return row?.id as string;
				}).catch((e: Error) => e.message);
				const undoOutcomes = await Promise.all(undos);
				await batch;
				for (const o of undoOutcomes)
					expect(['undone', 'redemption_batched']).toContain(
						o.replace(/^.*?(redemption_batched|undone)$/, '$1')
					);
			}
			const [check] = await sql<{
				paid_undone: number;
				batch_mismatch: number;
				cheque_mismatch: number;
			}>(
				`select
					(select count(*)::int from public.redemptions r where r.shop_id = '${shop.id}' and r.undone_at is not null and r.batch_id is not null) as paid_undone,
					(select count(*)::int from public.reimbursement_batches b where b.shop_id = '${shop.id}'
						and (b.total_cents <> (select sum(r.amount_cents) from public.redemptions r where r.batch_id = b.id)
							or b.redemption_count <> (select count(*) from public.redemptions r where r.batch_id = b.id))) as batch_mismatch,
					(select count(*)::int from public.cheques c where c.id in (${cheques.map((c) => `'${c.id}'`).join(',')})
						and c.remaining_cents + (select coalesce(sum(r.amount_cents), 0) from public.redemptions r where r.cheque_id = c.id and r.undone_at is null) <> c.value_cents) as cheque_mismatch`
			);
			expect(check).toEqual({ paid_undone: 0, batch_mismatch: 0, cheque_mismatch: 0 });
		} finally {
			await db.end();
		}
	});
});
