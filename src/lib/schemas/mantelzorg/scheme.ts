// The regeling form for municipal admins (/beheer/regeling). Money is typed in euros ("50" or
// "50,00") and stored as integer cents. Age bands are optional: up to three rows of
// "from age, to age, value".
import { z } from 'zod';
import { REIMBURSEMENT_SCHEDULES } from '#lib/mantelzorg/enums';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "50", "50,00", "1.250,50" or "50.5" → cents; null when it is not an amount. */
export function eurosToCents(input: string): number | null {
	const v = input.trim().replace(/^€\s*/, '');
	const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](\d{1,2}))?$/.exec(v);
	if (!m) return null;
	const whole = Number((m[1] as string).replaceAll('.', ''));
	const fraction = Number(((m[2] ?? '') + '00').slice(0, 2));
	return whole * 100 + fraction;
}

const euros = (label: string, max: number) =>
	z.string({ error: `Vul ${label} in, in euro's.` }).transform((v, ctx) => {
		const cents = eurosToCents(v);
		if (cents === null || cents < 1 || cents > max) {
			ctx.addIssue({
				code: 'custom',
				message: `Vul ${label} in, in euro's (bijvoorbeeld 50 of 50,00), tot en met ${max / 100} euro.`
			});
			return z.NEVER;
		}
		return cents;
	});

const date = (message: string) =>
	z
		.string({ error: message })
		.trim()
		.refine((v) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)), message);

const wholeNumber = (message: string, min: number, max: number) =>
	z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

const band = z
	.object({
		minAge: z.string().trim().default(''),
		maxAge: z.string().trim().default(''),
		value: z.string().trim().default('')
	})
	.transform((b, ctx) => {
		if (b.minAge === '' && b.maxAge === '' && b.value === '') return null;
		const min = Number(b.minAge);
		const max = Number(b.maxAge);
		const cents = eurosToCents(b.value);
		if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 130 || max < min) {
			ctx.addIssue({ code: 'custom', message: 'Vul een leeftijd van en tot in (0 tot 130).' });
			return z.NEVER;
		}
		if (cents === null || cents < 1 || cents > 100000) {
			ctx.addIssue({
				code: 'custom',
				message: 'Vul het bedrag voor deze leeftijden in euro’s in.'
			});
			return z.NEVER;
		}
		return { min_age: min, max_age: max, value_cents: cents };
	});

export const schemeSchema = z
	.object({
		year: wholeNumber('Vul een jaar in, zoals 2026.', 2000, 2100),
		chequeValueCents: euros('de waarde van de cheque', 100000),
		pluimValueCents: euros('de waarde van de Pluim', 100000),
		youngCarerMaxAge: wholeNumber('Vul een leeftijd in van 0 tot 30.', 0, 30),
		minHoursPerWeek: wholeNumber('Vul een aantal uren in van 0 tot 168.', 0, 168),
		minMonths: wholeNumber('Vul een aantal maanden in van 0 tot 120.', 0, 120),
		applicationOpensOn: date('Vul de eerste dag in waarop mensen kunnen aanvragen.'),
		applicationClosesOn: date('Vul de laatste dag in waarop mensen kunnen aanvragen.'),
		redeemUntil: date('Vul de laatste dag in waarop de cheque te gebruiken is.'),
		budgetCents: euros('het budget', 100000000000),
		retentionMonths: wholeNumber('Vul een bewaartermijn in van 1 tot 120 maanden.', 1, 120),
		reimbursementSchedule: z.enum(REIMBURSEMENT_SCHEDULES, {
			error: 'Kies hoe vaak winkels worden betaald.'
		}),
		ageBands: z.array(band).max(3).default([])
	})
	.superRefine((v, ctx) => {
		if (v.applicationClosesOn < v.applicationOpensOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['applicationClosesOn'],
				message: 'De laatste dag van de aanvraagperiode ligt na de eerste dag.'
			});
		}
		if (v.redeemUntil < v.applicationClosesOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['redeemUntil'],
				message: 'De cheque moet te gebruiken zijn tot na het einde van de aanvraagperiode.'
			});
		}
	});

export type SchemeForm = z.infer<typeof schemeSchema>;
