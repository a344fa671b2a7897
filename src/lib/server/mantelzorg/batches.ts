// Reimbursement batches: the admin's payout page, create / approve, and the export that becomes
// a pain.001 file and a CSV (src/lib/mantelzorg/sepa.ts).
import { z } from 'zod';
import { euros, type Payout } from '../../mantelzorg/sepa';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { counterErrorMessage } from './counter-errors';

const adminPage = fromRow(
	z.object({
		/** With one admin, nobody can approve a batch (four eyes): the page says so. */
		adminCount: z.number().int(),
		shops: z.array(
			z.object({
				id: z.uuid(),
				name: z.string(),
				unbatchedCents: z.number().int(),
				unbatchedCount: z.number().int(),
				firstAt: z.string().nullable(),
				lastAt: z.string().nullable()
			})
		),
		batches: z.array(
			z.object({
				id: z.uuid(),
				reference: z.string(),
				shopName: z.string(),
				periodStart: z.string(),
				periodEnd: z.string(),
				totalCents: z.number().int(),
				redemptionCount: z.number().int(),
				status: z.enum(['draft', 'approved', 'exported']),
				createdAt: z.string(),
				createdByName: z.string().nullable(),
				approvedByName: z.string().nullable(),
				createdByMe: z.boolean()
			})
		)
	})
);
export type PayoutAdminPage = z.infer<typeof adminPage>;

export async function loadPayoutAdminPage(supabase: RequestClient): Promise<PayoutAdminPage> {
	const { data, error } = await supabase.rpc('reimbursement_admin_page');
	if (error) throw new Error(`reimbursement_admin_page: ${error.message}`);
	return adminPage.parse(data);
}

export async function createBatch(
	supabase: RequestClient,
	input: { shopId: string; periodStart: string; periodEnd: string }
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('create_reimbursement_batch', {
		p_shop_id: input.shopId,
		p_period_start: input.periodStart,
		p_period_end: input.periodEnd
	});
	return error ? refused(counterErrorMessage(error)) : ok(data as string);
}

export async function approveBatch(supabase: RequestClient, batchId: string): Promise<WriteResult> {
	const { error } = await supabase.rpc('approve_reimbursement_batch', { p_batch_id: batchId });
	return error ? refused(counterErrorMessage(error)) : ok();
}

const exportRow = fromRow(
	z.object({
		id: z.uuid(),
		reference: z.string(),
		periodStart: z.string(),
		periodEnd: z.string(),
		totalCents: z.number().int().positive(),
		redemptionCount: z.number().int().positive(),
		sumOfRedemptionsCents: z.number().int(),
		municipalityName: z.string(),
		shopName: z.string(),
		iban: z.string(),
		accountHolder: z.string()
	})
);

/** The municipality's own account; set PAYOUT_DEBTOR_IBAN in production. */
const debtorIban = () => process.env.PAYOUT_DEBTOR_IBAN || 'NL20INGB0001234567';

/** The batch as one credit transfer to the shop. Refuses a batch whose rows do not add up. */
export function payoutFromExport(data: unknown, now: Date): Payout {
	const batch = exportRow.parse(data);
	if (batch.sumOfRedemptionsCents !== batch.totalCents) {
		throw new Error(`batch ${batch.id}: total does not match its redemptions`);
	}
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
	return {
		messageId: batch.reference,
		createdAt: now,
		executionDate: today,
		debtorName: `Gemeente ${batch.municipalityName}`,
		debtorIban: debtorIban(),
		lines: [
			{
				creditorName: batch.accountHolder,
				creditorIban: batch.iban,
				amountCents: batch.totalCents,
				remittance: `Mantelzorgwaardering ${batch.periodStart} t/m ${batch.periodEnd}, ${batch.redemptionCount} verzilveringen, EUR ${euros(batch.totalCents)}`,
				endToEndId: batch.reference
			}
		]
	};
}

export async function exportBatch(
	supabase: RequestClient,
	batchId: string
): Promise<WriteResult<Payout>> {
	const { data, error } = await supabase.rpc('export_reimbursement_batch', { p_batch_id: batchId });
	if (error) return refused(counterErrorMessage(error));
	return ok(payoutFromExport(data, new Date()));
}
