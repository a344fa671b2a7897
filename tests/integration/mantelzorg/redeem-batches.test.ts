// Reimbursement: the municipality batches a shop's redemptions of a period, approves and exports
// the batch; the pain.001 file validates against the schema and its count and control sum equal
// the batch; every redemption is paid once, an undone one never. Also the dashboard's figures.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { painXml, payoutCsv } from '../../../src/lib/mantelzorg/sepa.ts';
import { payoutFromExport } from '../../../src/lib/server/mantelzorg/batches.ts';
import { createUser, sql, type TestUser } from '../../support/factories.ts';
import {
	createShop,
	createStaff,
	secondAdmin,
	shopAdmin,
	type TestShop
} from '../../support/mantelzorg-shop-factories.ts';
import { createCheque, newKey } from '../../support/mantelzorg-counter-factories.ts';

let shop: TestShop;
let staff: TestUser;
let admin: TestUser;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

async function redeem(code: string, amount: number) {
	const { data, error } = await staff.client.rpc('redeem_cheque', {
		p_shop_id: shop.id,
		p_code: code,
		p_amount_cents: amount,
		p_idempotency_key: newKey(),
		p_confirm_again: true
	});
	if (error) throw new Error(error.message);
	return data as { ok: boolean; redemption_id: string };
}

beforeAll(async () => {
	shop = await createShop({ input: { p_name: 'Café "De Zaan" & Zn' } });
	staff = await createStaff(shop);
	admin = await shopAdmin();
});

describe('reimbursement batches', () => {
	it('batch, approve, export: the file validates and pays exactly the batch', async () => {
		const a = await createCheque({ valueCents: 5000 });
		const b = await createCheque({ valueCents: 2500 });
		await redeem(a.code, 1234);
		await redeem(b.code, 2500);
		const undone = await redeem(a.code, 1000);
		expect(
			(await staff.client.rpc('undo_redemption', { p_redemption_id: undone.redemption_id })).error
		).toBeNull();

		// Only the municipality makes batches.
		const byStaff = await staff.client.rpc('create_reimbursement_batch', {
			p_shop_id: shop.id,
			p_period_start: today,
			p_period_end: today
		});
		expect(byStaff.error?.message).toMatch(/shop_not_found/);

		const created = await admin.client.rpc('create_reimbursement_batch', {
			p_shop_id: shop.id,
			p_period_start: today,
			p_period_end: today
		});
		expect(created.error).toBeNull();
		const batchId = created.data as string;
		const [batch] = await sql<{ total_cents: number; redemption_count: number; status: string }>(
			`select total_cents, redemption_count, status from public.reimbursement_batches where id = '${batchId}'`
		);
		expect(batch).toEqual({ total_cents: 3734, redemption_count: 2, status: 'draft' });

		// Paid once: nothing is left for a second batch, and a batched redemption cannot be undone.
		const second = await admin.client.rpc('create_reimbursement_batch', {
			p_shop_id: shop.id,
			p_period_start: today,
			p_period_end: today
		});
		expect(second.error?.message).toMatch(/nothing_to_pay/);
		const [batched] = await sql<{ id: string }>(
			`select id from public.redemptions where batch_id = '${batchId}' limit 1`
		);
		const late = await staff.client.rpc('undo_redemption', {
			p_redemption_id: batched?.id as string
		});
		expect(late.error?.message).toMatch(/redemption_batched/);

		// A draft is not exported.
		expect(
			(await admin.client.rpc('export_reimbursement_batch', { p_batch_id: batchId })).error?.message
		).toMatch(/batch_not_approved/);
		expect(
			(await staff.client.rpc('approve_reimbursement_batch', { p_batch_id: batchId })).error
		).not.toBeNull();
		// Four eyes: whoever made the batch does not approve it (403); another admin does.
		expect(
			(await admin.client.rpc('approve_reimbursement_batch', { p_batch_id: batchId })).error
				?.message
		).toMatch(/batch_made_by_you/);
		expect(
			(
				await (
					await secondAdmin()
				).client.rpc('approve_reimbursement_batch', { p_batch_id: batchId })
			).error
		).toBeNull();
		const exported = await admin.client.rpc('export_reimbursement_batch', { p_batch_id: batchId });
		expect(exported.error).toBeNull();
		const payout = payoutFromExport(exported.data, new Date());
		const xml = painXml(payout);
		const result = await validateXML({
			xml: [{ fileName: 'batch.xml', contents: xml }],
			schema: [
				{
					fileName: 'pain.001.001.03.xsd',
					contents: await readFile('tests/fixtures/sepa/pain.001.001.03.xsd', 'utf8')
				}
			]
		});
		expect(result.errors).toEqual([]);
		expect(xml.match(/<NbOfTxs>(\d+)<\/NbOfTxs>/)?.[1]).toBe('1');
		expect(xml.match(/<CtrlSum>([\d.]+)<\/CtrlSum>/)?.[1]).toBe('37.34');
		expect(xml).toContain('<IBAN>NL91ABNA0417164300</IBAN>');
		expect(payoutCsv(payout)).toContain(';37,34;');
		const [after] = await sql<{ status: string }>(
			`select status from public.reimbursement_batches where id = '${batchId}'`
		);
		expect(after?.status).toBe('exported');
		const audit = await sql<{ action: string }>(
			`select action from public.audit_log where entity_id = '${batchId}' order by created_at`
		);
		expect(audit.map((r) => r.action)).toEqual([
			'mantelzorg.batch_created',
			'mantelzorg.batch_approved',
			'mantelzorg.batch_paid_out'
		]);
		// Shop staff see their own batch, a stranger sees none.
		expect(
			(await staff.client.from('reimbursement_batches').select('id').eq('id', batchId)).data
		).toHaveLength(1);
		const stranger = await createUser();
		expect((await stranger.client.from('reimbursement_batches').select('id')).data).toEqual([]);
	});

	it('the dashboard adds up issued, redeemed, outstanding and expired amounts of the year', async () => {
		const year = 2098;
		const live = await createCheque({ valueCents: 5000, schemeYear: year });
		await createCheque({ valueCents: 2500, kind: 'pluim', schemeYear: year });
		await createCheque({ valueCents: 5000, schemeYear: year, expiresOn: '2020-01-01' });
		await redeem(live.code, 2000);
		const { data, error } = await admin.client.rpc('mantelzorg_dashboard', { p_year: year });
		expect(error).toBeNull();
		expect(data).toMatchObject({
			scheme: { year, budget_cents: 1000000 },
			money: {
				cheques_issued: 2,
				pluims_issued: 1,
				issued_cents: 12500,
				outstanding_cents: 5500,
				expired_cents: 5000
			},
			redemptions: { redeemed_cents: 2000, redemption_count: 1, shops_taking_part: 1 }
		});
		expect((await staff.client.rpc('mantelzorg_dashboard', { p_year: year })).error).not.toBeNull();
	});
});
