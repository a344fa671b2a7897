// Regelingen: the municipality's scheme per year. Everyone reads them (the application page
// shows the window and values); municipal admins write them directly, under RLS, and a trigger
// writes each change to the audit log.
import { z } from 'zod';
import { reimbursementSchedule } from '#lib/mantelzorg/enums';
import { BANDS, type SchemeForm, type SchemeValues } from '#lib/schemas/mantelzorg/scheme';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { mantelzorgErrorMessage } from './errors';
import { SCHEME_INFO_COLUMNS, schemeInfoFields } from './scheme-info';

const COLUMNS = `id, ${SCHEME_INFO_COLUMNS}, budget_cents, retention_months, reimbursement_schedule`;

const scheme = fromRow(
	schemeInfoFields.extend({
		id: z.uuid(),
		budgetCents: z.coerce.number().int(),
		retentionMonths: z.number().int(),
		reimbursementSchedule
	})
);
export type Scheme = z.infer<typeof scheme>;

/** The municipality's schemes, newest year first. */
export async function loadSchemes(
	supabase: RequestClient,
	municipalityId: string
): Promise<Scheme[]> {
	const { data, error } = await supabase
		.from('schemes')
		.select(COLUMNS)
		.eq('municipality_id', municipalityId)
		.order('year', { ascending: false });
	if (error) throw new Error(`schemes: ${error.message}`);
	return z.array(scheme).parse(data);
}

/** Today in the Netherlands, as YYYY-MM-DD. */
const todayInNl = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** The scheme whose application window is open today, if any. */
export async function loadOpenScheme(
	supabase: RequestClient,
	municipalityId: string
): Promise<Scheme | null> {
	const today = todayInNl();
	const { data, error } = await supabase
		.from('schemes')
		.select(COLUMNS)
		.eq('municipality_id', municipalityId)
		.lte('application_opens_on', today)
		.gte('application_closes_on', today)
		.order('year', { ascending: false })
		.limit(1);
	if (error) throw new Error(`schemes: ${error.message}`);
	return data[0] ? scheme.parse(data[0]) : null;
}

function schemeRow(form: SchemeValues) {
	return {
		year: form.year,
		cheque_value_cents: form.chequeValueCents,
		age_bands: form.ageBands,
		pluim_value_cents: form.pluimValueCents,
		young_carer_max_age: form.youngCarerMaxAge,
		min_hours_per_week: form.minHoursPerWeek,
		min_months: form.minMonths,
		application_opens_on: form.applicationOpensOn,
		application_closes_on: form.applicationClosesOn,
		redeem_until: form.redeemUntil,
		budget_cents: form.budgetCents,
		retention_months: form.retentionMonths,
		reimbursement_schedule: form.reimbursementSchedule
	};
}

/** Creates the scheme for a year, or changes it (schemeId given). Returns its id. */
export async function saveScheme(
	supabase: RequestClient,
	municipalityId: string,
	form: SchemeValues,
	schemeId?: string
): Promise<WriteResult<string>> {
	const row = schemeRow(form);
	const { data, error } = schemeId
		? await supabase
				.from('schemes')
				.update(row)
				.eq('id', schemeId)
				.eq('municipality_id', municipalityId)
				.select('id')
		: await supabase
				.from('schemes')
				.insert({ ...row, municipality_id: municipalityId })
				.select('id');
	if (error?.code === '23505') return refused(`Er is al een regeling voor ${form.year}.`);
	if (error) return refused(mantelzorgErrorMessage(error));
	// RLS refusing an update returns no row instead of an error.
	if (!data?.[0]) return refused('Dit mag je niet doen met jouw account.');
	return ok(data[0].id);
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** The regeling form's starting values: a stored scheme as typed, or the defaults for a new year. */
export function schemeFormValues(scheme: Scheme | undefined, year: number): SchemeForm {
	const bands = Object.fromEntries(
		BANDS.flatMap((i) => {
			const band = scheme?.ageBands[i];
			return [
				[`band${i}Min`, band ? String(band.minAge) : ''],
				[`band${i}Max`, band ? String(band.maxAge) : ''],
				[`band${i}Value`, band ? euros(band.valueCents) : '']
			];
		})
	) as Pick<SchemeForm, `band${0 | 1 | 2}${'Min' | 'Max' | 'Value'}`>;
	const values = scheme
		? {
				schemeId: scheme.id,
				year: String(scheme.year),
				chequeValue: euros(scheme.chequeValueCents),
				pluimValue: euros(scheme.pluimValueCents),
				youngCarerMaxAge: String(scheme.youngCarerMaxAge),
				minHoursPerWeek: String(scheme.minHoursPerWeek),
				minMonths: String(scheme.minMonths),
				applicationOpensOn: scheme.applicationOpensOn,
				applicationClosesOn: scheme.applicationClosesOn,
				redeemUntil: scheme.redeemUntil,
				budget: euros(scheme.budgetCents),
				retentionMonths: String(scheme.retentionMonths),
				reimbursementSchedule: scheme.reimbursementSchedule
			}
		: {
				schemeId: '',
				year: String(year),
				chequeValue: '50,00',
				pluimValue: '25,00',
				youngCarerMaxAge: '23',
				minHoursPerWeek: '8',
				minMonths: '3',
				applicationOpensOn: `${year}-01-01`,
				applicationClosesOn: `${year}-12-31`,
				redeemUntil: `${year + 1}-03-31`,
				budget: '570.000,00',
				retentionMonths: '24',
				reimbursementSchedule: 'monthly' as const
			};
	return { ...values, ...bands };
}
