// One row in every table of the shops and the counter, from a real flow: an approved shop with
// its private details, a redemption, a wrong code and a reimbursement batch. Used by the access
// matrix (tests/integration/platform/access-matrix.test.ts).
import { randomUUID } from 'node:crypto';
import { dayFromNow } from './days.ts';
import { sql } from './factories.ts';
import { createShop, createStaff, inviteStaff, shopAdmin } from './mantelzorg-shop-factories.ts';
import { createCheque, newKey } from './mantelzorg-counter-factories.ts';

export interface CounterProbe {
	table:
		| 'shops'
		| 'shop_private_details'
		| 'shop_staff_invitations'
		| 'redemptions'
		| 'code_attempts'
		| 'reimbursement_batches';
	key: string;
	id: string;
	copy: ((row: Record<string, unknown>) => Record<string, unknown>) | null;
}

const newId = (row: Record<string, unknown>) => ({ ...row, id: randomUUID() });

export async function counterScenarioProbes(): Promise<CounterProbe[]> {
	const shop = await createShop({ input: { p_name: 'Matrixwinkel' } });
	const staff = await createStaff(shop);
	const invitation = await inviteStaff(shop, `uitgenodigd-${randomUUID().slice(0, 8)}@example.org`);
	const cheque = await createCheque();
	const redeem = (code: string, amount: number) =>
		staff.client.rpc('redeem_cheque', {
			p_shop_id: shop.id,
			p_code: code,
			p_amount_cents: amount,
			p_idempotency_key: newKey(),
			p_confirm_again: true
		});
	// The period runs from the date read before the redemptions to the date read after them: the
	// same day, except at midnight, when a batch of [today, today] found nothing to pay (ci37).
	const from = dayFromNow(0);
	const first = await redeem(cheque.code, 500);
	await redeem('0000 0000 0000 0000', 100);
	const admin = await shopAdmin();
	const batch = await admin.client.rpc('create_reimbursement_batch', {
		p_shop_id: shop.id,
		p_period_start: from,
		p_period_end: dayFromNow(0)
	});
	if (batch.error) throw new Error(`create_reimbursement_batch: ${batch.error.message}`);
	// A second redemption after the batch, so the matrix's row is an unpaid one.
	const second = await redeem(cheque.code, 250);
	const [attempt] = await sql<{ id: string }>(
		`select id from public.code_attempts where shop_id = '${shop.id}' limit 1`
	);
	const redemptionId = (second.data as { redemption_id?: string } | null)?.redemption_id;
	if (!first.data || !redemptionId) throw new Error('the scenario redemptions failed');
	return [
		{
			table: 'shops',
			key: 'id',
			id: shop.id,
			copy: (r) => ({ ...newId(r), kvk_number: '12345678' })
		},
		{ table: 'shop_private_details', key: 'shop_id', id: shop.id, copy: null },
		{ table: 'shop_staff_invitations', key: 'id', id: invitation, copy: newId },
		{
			table: 'redemptions',
			key: 'id',
			id: redemptionId,
			copy: (r) => ({ ...newId(r), idempotency_key: randomUUID() })
		},
		{ table: 'code_attempts', key: 'id', id: attempt?.id as string, copy: newId },
		{
			table: 'reimbursement_batches',
			key: 'id',
			id: batch.data as string,
			copy: (r) => ({ ...newId(r), reference: 'MZ-20990101-abcdef12' })
		}
	];
}
