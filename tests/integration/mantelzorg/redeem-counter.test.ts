// The counter: redeeming part and then the rest, refusals, idempotency, double-scan protection,
// wrong-code lockout with the municipality's alert, undo, and what a shop may see. One scenario
// of shops and cheques, each test with its own cheques.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createUser, sql, type TestUser } from '../../support/factories.ts';
import {
	createShop,
	createStaff,
	shopAdmin,
	type TestShop
} from '../../support/mantelzorg-shop-factories.ts';
import {
	createCheque,
	newKey,
	remainingOf,
	testScheme,
	typed
} from '../../support/mantelzorg-counter-factories.ts';
import { MAX_CHEQUE_CENTS } from '../../../src/lib/mantelzorg/limits.ts';
import { amountCents } from '../../../src/lib/schemas/mantelzorg/shop.ts';
import { redeemCheque } from '../../../src/lib/server/mantelzorg/redemptions.ts';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';

type Answer = {
	ok: boolean;
	reason?: string;
	remaining_cents?: number;
	holder_first_name?: string;
	redemption_id?: string;
	replayed?: boolean;
};

let shop: TestShop;
let otherShop: TestShop;
let staff: TestUser;
let colleague: TestUser;
let otherStaff: TestUser;

beforeAll(async () => {
	shop = await createShop({ input: { p_name: 'Winkel Een' } });
	otherShop = await createShop({ input: { p_name: 'Winkel Twee' } });
	staff = await createStaff(shop);
	colleague = await createStaff(shop);
	otherStaff = await createStaff(otherShop);
});

async function redeem(
	who: TestUser,
	shopId: string,
	code: string,
	amount: number,
	opts: { key?: string; again?: boolean } = {}
): Promise<Answer> {
	const { data, error } = await who.client.rpc('redeem_cheque', {
		p_shop_id: shopId,
		p_code: code,
		p_amount_cents: amount,
		p_idempotency_key: opts.key ?? newKey(),
		p_confirm_again: opts.again ?? false
	});
	if (error) throw new Error(error.message);
	return data as Answer;
}

describe('redeeming at the counter', () => {
	it('part, then the rest (after confirming again); a third is refused as used', async () => {
		const cheque = await createCheque({ valueCents: 5000, firstName: 'Marieke' });
		const look = (
			await staff.client.rpc('lookup_cheque', { p_shop_id: shop.id, p_code: typed(cheque.code) })
		).data as Record<string, unknown>;
		expect(look).toMatchObject({
			ok: true,
			remaining_cents: 5000,
			holder_first_name: 'Marieke',
			expires_on: '2099-12-31'
		});
		// Nothing personal beyond the first name.
		expect(Object.keys(look).sort()).toEqual(
			[
				'code',
				'expires_on',
				'holder_first_name',
				'kind',
				'ok',
				'reason',
				'redeemed_here_recently',
				'remaining_cents',
				'value_cents'
			].sort()
		);

		expect(await redeem(staff, shop.id, typed(cheque.code), 1500)).toMatchObject({
			ok: true,
			remaining_cents: 3500,
			holder_first_name: 'Marieke'
		});
		expect(await redeem(staff, shop.id, cheque.code, 3500)).toMatchObject({
			ok: false,
			reason: 'confirm_again'
		});
		expect(await redeem(staff, shop.id, cheque.code, 3501, { again: true })).toMatchObject({
			ok: false,
			reason: 'insufficient_balance',
			remaining_cents: 3500
		});
		expect(await redeem(staff, shop.id, cheque.code, 3500, { again: true })).toMatchObject({
			ok: true,
			remaining_cents: 0
		});
		expect(await redeem(staff, shop.id, cheque.code, 1, { again: true })).toMatchObject({
			ok: false,
			reason: 'cheque_used'
		});
		// Another shop is not asked to confirm: the double-scan rule is per shop.
		const fresh = await createCheque({ valueCents: 1000 });
		expect((await redeem(staff, shop.id, fresh.code, 100)).ok).toBe(true);
		expect((await redeem(otherStaff, otherShop.id, fresh.code, 100)).ok).toBe(true);
		expect(await remainingOf(cheque.id)).toBe(0);
		const audit = await sql<{ n: number }>(
			`select count(*)::int as n from public.audit_log where action = 'mantelzorg.cheque_redeemed' and details ->> 'cheque_id' = '${cheque.id}'`
		);
		expect(audit[0]?.n).toBe(2);
	});

	it('the same idempotency key twice redeems once and answers the same; another person cannot reuse it', async () => {
		const cheque = await createCheque({ valueCents: 2000 });
		const key = newKey();
		const first = await redeem(staff, shop.id, cheque.code, 700, { key });
		const again = await redeem(staff, shop.id, cheque.code, 700, { key });
		expect(first).toMatchObject({ ok: true, remaining_cents: 1300 });
		expect(again).toMatchObject({
			ok: true,
			replayed: true,
			remaining_cents: 1300,
			redemption_id: first.redemption_id
		});
		expect(await redeem(colleague, shop.id, cheque.code, 700, { key })).toMatchObject({
			ok: false,
			reason: 'idempotency_key_reused'
		});
		expect(await remainingOf(cheque.id)).toBe(1300);
		const rows = await sql(`select 1 from public.redemptions where cheque_id = '${cheque.id}'`);
		expect(rows).toHaveLength(1);
	});

	it('refuses expired, blocked and other municipalities\u2019 cheques, unapproved shops and non-staff', async () => {
		const expired = await createCheque({ expiresOn: '2020-01-01' });
		expect(await redeem(staff, shop.id, expired.code, 100)).toMatchObject({
			ok: false,
			reason: 'cheque_expired'
		});
		const blocked = await createCheque({ status: 'blocked' });
		expect(await redeem(staff, shop.id, blocked.code, 100)).toMatchObject({
			ok: false,
			reason: 'cheque_blocked'
		});

		const [other] = await sql<{ id: string }>(
			`insert into public.municipalities (slug, name) values ('test-${randomUUID().slice(0, 8)}', 'Testgemeente') returning id`
		);
		await testScheme(2099, other?.id);
		const foreign = await createCheque({ municipalityId: other?.id });
		expect(await redeem(colleague, shop.id, foreign.code, 100)).toMatchObject({
			ok: false,
			reason: 'code_unknown'
		});
		expect(await remainingOf(foreign.id)).toBe(5000);

		const cheque = await createCheque();
		const pending = await createShop({ approved: false });
		await expect(redeem(pending.owner, pending.id, cheque.code, 100)).rejects.toThrow(
			/shop_not_approved/
		);
		const stranger = await createUser({ label: 'vreemde' });
		await expect(redeem(stranger, shop.id, cheque.code, 100)).rejects.toThrow(/forbidden/);
		await expect(redeem(otherStaff, shop.id, cheque.code, 100)).rejects.toThrow(/forbidden/);
		const anon = await anonClient().rpc('redeem_cheque', {
			p_shop_id: shop.id,
			p_code: cheque.code,
			p_amount_cents: 100,
			p_idempotency_key: newKey()
		});
		expect(anon.error).not.toBeNull();
		await expect(redeem(staff, shop.id, cheque.code, 0)).rejects.toThrow(/invalid_amount/);
		expect(await remainingOf(cheque.id)).toBe(5000);
	});

	it('the form and redeem_cheque share one maximum; every amount the form takes gets an amount answer', async () => {
		const cheque = await createCheque();
		// The largest amount the form accepts is refused by the balance, not as a malformed amount.
		expect(amountCents.parse('1000,00')).toBe(MAX_CHEQUE_CENTS);
		expect(await redeem(staff, shop.id, cheque.code, MAX_CHEQUE_CENTS)).toMatchObject({
			ok: false,
			reason: 'insufficient_balance',
			remaining_cents: 5000
		});
		// One cent more: the form refuses it, and so does the SQL.
		expect(amountCents.safeParse('1000,01').success).toBe(false);
		await expect(redeem(staff, shop.id, cheque.code, MAX_CHEQUE_CENTS + 1)).rejects.toThrow(
			/invalid_amount/
		);
		// The page's module keeps the refusal's key, so /winkel shows it next to the amount.
		const result = await redeemCheque(staff.client as unknown as RequestClient, {
			shopId: shop.id,
			code: cheque.code,
			amountCents: MAX_CHEQUE_CENTS + 1,
			idempotencyKey: newKey(),
			confirmAgain: false
		});
		expect(result).toMatchObject({ ok: false, reason: 'invalid_amount' });
		expect(result.ok ? '' : result.problem).toContain('1.000,00');
		expect(await remainingOf(cheque.id)).toBe(5000);
	});

	it('five wrong codes lock code entry for that staff member and alert the municipality', async () => {
		const lockShop = await createShop({ input: { p_name: 'Winkel Slot' } });
		const guesser = await createStaff(lockShop);
		const other = await createStaff(lockShop);
		const admin = await shopAdmin();
		const good = await createCheque();
		for (let i = 0; i < 4; i++) {
			expect(await redeem(guesser, lockShop.id, 'AAAA BBBB CCCC DDD' + i, 100)).toMatchObject({
				ok: false,
				reason: 'code_unknown'
			});
		}
		expect(await redeem(guesser, lockShop.id, 'ZZZZZZZZZZZZZZZZ', 100)).toMatchObject({
			ok: false,
			reason: 'code_entry_locked'
		});
		// Locked: even a valid code is not looked up.
		expect(await redeem(guesser, lockShop.id, good.code, 100)).toMatchObject({
			ok: false,
			reason: 'code_entry_locked'
		});
		const look = (
			await guesser.client.rpc('lookup_cheque', { p_shop_id: lockShop.id, p_code: good.code })
		).data;
		expect(look).toMatchObject({ ok: false, reason: 'code_entry_locked' });
		expect(await remainingOf(good.id)).toBe(5000);
		// A colleague at the same shop can still work (the shop's own limit is 20).
		expect((await redeem(other, lockShop.id, good.code, 100)).ok).toBe(true);
		const alerts = await sql<{ n: number }>(
			`select count(*)::int as n from public.notification_outbox
			 where recipient_id = '${admin.id}' and kind = 'shop_code_lockout' and payload ->> 'shop_id' = '${lockShop.id}'`
		);
		expect(alerts[0]?.n).toBe(1);
		// The admin sees the wrong codes; shop staff do not.
		expect(
			(await admin.client.from('code_attempts').select('id').eq('shop_id', lockShop.id)).data
		).toHaveLength(5);
		expect((await guesser.client.from('code_attempts').select('id')).data).toEqual([]);
	});

	it('20 wrong codes at one shop within 15 minutes lock the whole shop, also for fresh staff', async () => {
		const busyShop = await createShop({ input: { p_name: 'Winkel Druk' } });
		const team = await Promise.all([1, 2, 3, 4, 5].map(() => createStaff(busyShop)));
		const good = await createCheque();
		for (const member of team) {
			for (let i = 0; i < 4; i++) {
				const answer = await redeem(member, busyShop.id, `QQQQ QQQQ QQQQ QQQ${i}`, 100);
				expect(answer.ok).toBe(false);
			}
		}
		const newcomer = await createStaff(busyShop);
		expect(await redeem(newcomer, busyShop.id, good.code, 100)).toMatchObject({
			ok: false,
			reason: 'code_entry_locked'
		});
		// Another shop is not affected.
		expect((await redeem(otherStaff, otherShop.id, good.code, 100)).ok).toBe(true);
	});

	it('staff undo their own redemption; not someone else\u2019s', async () => {
		const cheque = await createCheque({ valueCents: 3000 });
		const done = await redeem(staff, shop.id, cheque.code, 1200);
		const byColleague = await colleague.client.rpc('undo_redemption', {
			p_redemption_id: done.redemption_id as string
		});
		expect(byColleague.error?.message).toMatch(/redemption_not_found/);
		const byOther = await otherStaff.client.rpc('undo_redemption', {
			p_redemption_id: done.redemption_id as string
		});
		expect(byOther.error?.message).toMatch(/redemption_not_found/);
		const undone = await staff.client.rpc('undo_redemption', {
			p_redemption_id: done.redemption_id as string
		});
		expect(undone.error).toBeNull();
		expect(undone.data).toMatchObject({ remaining_cents: 3000 });
		const twice = await staff.client.rpc('undo_redemption', {
			p_redemption_id: done.redemption_id as string
		});
		expect(twice.error?.message).toMatch(/redemption_already_undone/);
		expect(await remainingOf(cheque.id)).toBe(3000);
		// After an undo, the next scan needs no second confirmation.
		expect((await redeem(staff, shop.id, cheque.code, 3000)).ok).toBe(true);
	});

	it('the receipt has a time, a reference and five minutes to undo; later the database refuses', async () => {
		const cheque = await createCheque({ valueCents: 2500 });
		const done = (await redeem(staff, shop.id, cheque.code, 700)) as Answer & {
			created_at: string;
			reference: string;
			undo_until: string;
		};
		expect(done.reference).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
		expect(done.reference.replace('-', '')).toBe(
			(done.redemption_id as string).slice(0, 8).toUpperCase()
		);
		expect(Date.parse(done.undo_until) - Date.parse(done.created_at)).toBe(5 * 60_000);
		// Another shop's assistant, through /rest/v1: not found, whatever the window says.
		const byOther = await otherStaff.client.rpc('undo_redemption', {
			p_redemption_id: done.redemption_id as string
		});
		expect(byOther.status).toBe(404);
		// The shop's list offers the undo only while the window is open.
		const page = async () =>
			(
				(await staff.client.rpc('shop_redemptions_page', { p_shop_id: shop.id })).data as {
					redemptions: { id: string; undo_until: string | null; reference: string }[];
				}
			).redemptions.find((r) => r.id === done.redemption_id);
		expect(await page()).toMatchObject({ undo_until: done.undo_until, reference: done.reference });
		// Six minutes later: the window has passed.
		await sql(
			`update public.redemptions set created_at = created_at - interval '6 minutes' where id = '${done.redemption_id}'`
		);
		expect((await page())?.undo_until).toBeNull();
		const late = await staff.client.rpc('undo_redemption', {
			p_redemption_id: done.redemption_id as string
		});
		expect(late.status).toBe(409);
		expect(late.error?.message).toMatch(/undo_window_passed/);
		expect(await remainingOf(cheque.id)).toBe(1800);
	});

	it('a shop sees only its own redemptions and nothing of a carer but the first name', async () => {
		const carer = await createUser({ label: 'mantelzorger' });
		const cheque = await createCheque({ carerUserId: carer.id, firstName: 'Fatima' });
		const done = await redeem(staff, shop.id, cheque.code, 500);
		const mine = await colleague.client
			.from('redemptions')
			.select('id')
			.eq('id', done.redemption_id as string);
		expect(mine.data).toHaveLength(1);
		for (const client of [otherStaff.client, (await createUser()).client, anonClient()]) {
			expect(
				(
					await client
						.from('redemptions')
						.select('id')
						.eq('id', done.redemption_id as string)
				).data ?? []
			).toEqual([]);
		}
		for (const client of [staff.client, otherStaff.client]) {
			expect((await client.from('cheques').select('id').eq('id', cheque.id)).data ?? []).toEqual(
				[]
			);
		}
		const page = (await staff.client.rpc('shop_redemptions_page', { p_shop_id: shop.id })).data as {
			redemptions: Record<string, unknown>[];
		};
		const row = page.redemptions.find((r) => r.id === done.redemption_id);
		expect(row).toMatchObject({
			holder_first_name: 'Fatima',
			code_end: cheque.code.slice(-4),
			mine: true
		});
		expect(JSON.stringify(page)).not.toContain(cheque.code);
		expect(
			(await otherStaff.client.rpc('shop_redemptions_page', { p_shop_id: shop.id })).error
		).not.toBeNull();
		// The carer's receipt: date, amount and shop, not the staff member's account.
		const receipt = await carer.client.rpc('cheque_receipts', { p_cheque_id: cheque.id });
		expect(receipt.data).toMatchObject([{ amount_cents: 500 }]);
		expect(JSON.stringify(receipt.data)).not.toContain(staff.id);
		// Nobody writes redemptions or batches directly.
		const forged = await staff.client.from('redemptions').insert({
			municipality_id: '00000000-0000-4000-8000-000000000001',
			cheque_id: cheque.id,
			shop_id: shop.id,
			staff_user_id: staff.id,
			amount_cents: 1,
			remaining_after_cents: 0,
			idempotency_key: newKey()
		});
		expect(forged.error).not.toBeNull();
		await staff.client
			.from('redemptions')
			.update({ amount_cents: 1 })
			.eq('id', done.redemption_id as string);
		await staff.client
			.from('redemptions')
			.delete()
			.eq('id', done.redemption_id as string);
		const [kept] = await sql<{ amount_cents: number }>(
			`select amount_cents from public.redemptions where id = '${done.redemption_id}'`
		);
		expect(kept?.amount_cents).toBe(500);
	});
});
