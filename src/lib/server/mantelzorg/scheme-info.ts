// What /mantelzorg tells everyone about this year's regeling: who can apply, how much, until when.
// Schemes are public (RLS "Schemes are public"); the page asks for the host's municipality.
import { z } from 'zod';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';

/** What everyone reads of a scheme; schemes.ts adds the admin's fields to it. */
export const schemeInfoFields = z.object({
	year: z.number().int(),
	chequeValueCents: z.number().int(),
	ageBands: z.array(
		z.object({ minAge: z.number().int(), maxAge: z.number().int(), valueCents: z.number().int() })
	),
	pluimValueCents: z.number().int(),
	youngCarerMaxAge: z.number().int(),
	minHoursPerWeek: z.number().int(),
	minMonths: z.number().int(),
	applicationOpensOn: z.string(),
	applicationClosesOn: z.string(),
	redeemUntil: z.string()
});
export const SCHEME_INFO_COLUMNS =
	'year, cheque_value_cents, age_bands, pluim_value_cents, young_carer_max_age, min_hours_per_week, min_months, application_opens_on, application_closes_on, redeem_until';
const infoRow = fromRow(schemeInfoFields);
export type SchemeInfo = z.infer<typeof infoRow>;

const todayInNl = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** The scheme open today, else the next one, else the last one; null when there is none. */
export async function loadSchemeInfo(
	supabase: RequestClient,
	municipalityId: string
): Promise<SchemeInfo | null> {
	const { data, error } = await supabase
		.from('schemes')
		.select(SCHEME_INFO_COLUMNS)
		.eq('municipality_id', municipalityId)
		.order('year', { ascending: false })
		.limit(3);
	if (error) throw new Error(`schemes: ${error.message}`);
	const schemes = z.array(infoRow).parse(data);
	const today = todayInNl();
	return (
		schemes.find((s) => s.applicationOpensOn <= today && today <= s.applicationClosesOn) ??
		schemes.filter((s) => s.applicationOpensOn > today).at(-1) ??
		schemes[0] ??
		null
	);
}
