// /beheer/regeling: the municipality's regelingen, one per year, read and written directly (the
// table's policies let only the municipality's admins write; a trigger logs each change).
import { z } from 'zod';
import type { SchemeValues } from '#lib/schemas/mantelzorg/scheme-form';
import type { RequestClient } from '../supabase';
import { fromRow } from '../rows';
import { ok, refused, type WriteResult } from '../result';
import { dbErrorMessage } from '../db-errors';

const schemeRow = z.object({
	id: z.uuid(),
	year: z.number(),
	chequeValueCents: z.number(),
	pluimValueCents: z.number(),
	youngCarerMaxAge: z.number(),
	minHoursPerWeek: z.number(),
	minMonths: z.number(),
	applicationOpensOn: z.string(),
	applicationClosesOn: z.string(),
	redeemUntil: z.string(),
	budgetCents: z.number(),
	retentionMonths: z.number(),
	reimbursementSchedule: z.enum(['monthly', 'quarterly'])
});
export type SchemeRow = z.infer<typeof schemeRow>;
const schemeRows = fromRow(z.array(schemeRow));

export async function loadSchemes(supabase: RequestClient, municipalityId: string) {
	const { data } = await supabase
		.from('schemes')
		.select(
			'id, year, cheque_value_cents, pluim_value_cents, young_carer_max_age, min_hours_per_week, min_months, application_opens_on, application_closes_on, redeem_until, budget_cents, retention_months, reimbursement_schedule'
		)
		.eq('municipality_id', municipalityId)
		.order('year', { ascending: false });
	const parsed = schemeRows.safeParse(data);
	return parsed.success ? parsed.data : [];
}

/** Creates the year's regeling, or changes it when the year exists. */
export async function saveScheme(
	supabase: RequestClient,
	municipalityId: string,
	values: SchemeValues
): Promise<WriteResult> {
	const row = {
		municipality_id: municipalityId,
		year: values.year,
		cheque_value_cents: values.chequeValue,
		pluim_value_cents: values.pluimValue,
		young_carer_max_age: values.youngCarerMaxAge,
		min_hours_per_week: values.minHoursPerWeek,
		min_months: values.minMonths,
		application_opens_on: values.applicationOpensOn,
		application_closes_on: values.applicationClosesOn,
		redeem_until: values.redeemUntil,
		budget_cents: values.budget,
		retention_months: values.retentionMonths,
		reimbursement_schedule: values.reimbursementSchedule
	};
	const { error } = await supabase
		.from('schemes')
		.upsert(row, { onConflict: 'municipality_id,year' });
	return error ? refused(dbErrorMessage(error)) : ok();
}
