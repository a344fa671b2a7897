// The regeling form at /beheer/regeling: what the municipality decides per year. Amounts are
// typed in euros and stored in cents; the table's CHECKs hold the same limits.
import { z } from 'zod';
import { Constants } from '#lib/database.types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (what: string) => z.string().trim().regex(ISO_DATE, `Kies ${what}.`);
const euros = (max: number) =>
	z
		.string()
		.trim()
		.transform((v) => v.replace(/^€\s*/, '').replace(/\./g, '').replace(',', '.'))
		.refine(
			(v) => /^\d{1,12}(\.\d{1,2})?$/.test(v),
			'Vul een bedrag in euro in, bijvoorbeeld 50 of 50,00.'
		)
		.transform((v) => Math.round(Number(v) * 100))
		.refine(
			(v) => v >= 1 && v <= max,
			`Vul een bedrag in tussen € 0,01 en € ${(max / 100).toLocaleString('nl-NL')}.`
		);
const whole = (min: number, max: number) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,4}$/, 'Vul een heel getal in.')
		.transform(Number)
		.refine((v) => v >= min && v <= max, `Vul een getal in van ${min} tot en met ${max}.`);

export const schemeSchema = z
	.object({
		year: whole(2000, 2100),
		chequeValue: euros(100_000),
		pluimValue: euros(100_000),
		youngCarerMaxAge: whole(0, 30),
		minHoursPerWeek: whole(0, 168),
		minMonths: whole(0, 120),
		applicationOpensOn: day('de eerste dag om aan te vragen'),
		applicationClosesOn: day('de laatste dag om aan te vragen'),
		redeemUntil: day('de laatste dag om te besteden'),
		budget: euros(100_000_000_000),
		retentionMonths: whole(1, 120),
		reimbursementSchedule: z.enum(
			Constants.public.Enums.reimbursement_schedule,
			'Kies hoe vaak winkels worden uitbetaald.'
		)
	})
	.refine((v) => v.applicationClosesOn >= v.applicationOpensOn, {
		path: ['applicationClosesOn'],
		message: 'De laatste dag om aan te vragen moet na de eerste liggen.'
	})
	.refine((v) => v.redeemUntil >= v.applicationClosesOn, {
		path: ['redeemUntil'],
		message: 'Besteden moet kunnen tot na de laatste aanvraagdag.'
	});

export type SchemeInput = z.input<typeof schemeSchema>;
export type SchemeValues = z.output<typeof schemeSchema>;
