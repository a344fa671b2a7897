// The regeling form for municipal admins (/beheer/regeling). The form keeps what was typed (text);
// toScheme turns it into the stored values: money in integer cents, typed in euros ("50" or
// "50,00"), and up to three optional age bands of "from age, to age, value".
import { z } from 'zod';
import { REIMBURSEMENT_SCHEDULES } from '#lib/mantelzorg/enums';
import { MAX_CHEQUE_CENTS } from '#lib/mantelzorg/limits';

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

const inRange = (cents: number | null, max: number): cents is number =>
	cents !== null && cents >= 1 && cents <= max;

const euros = (label: string, max: number) => {
	const message = `Vul ${label} in, in euro's (bijvoorbeeld 50 of 50,00), tot en met ${max / 100} euro.`;
	return z
		.string({ error: message })
		.trim()
		.refine((v) => inRange(eurosToCents(v), max), message);
};

const date = (message: string) =>
	z
		.string({ error: message })
		.trim()
		.refine((v) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)), message);

const wholeNumber = (message: string, min: number, max: number) =>
	z
		.string({ error: message })
		.trim()
		.refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max, message);

export const BANDS = [0, 1, 2] as const;
type BandField = `band${(typeof BANDS)[number]}${'Min' | 'Max' | 'Value'}`;
const bandField = (i: number, part: 'Min' | 'Max' | 'Value') => `band${i}${part}` as BandField;

/** The age bands' nine boxes, each empty by default. */
const bandFields = Object.fromEntries(
	BANDS.flatMap((i) =>
		(['Min', 'Max', 'Value'] as const).map((part) => [
			bandField(i, part),
			z.string().trim().default('')
		])
	)
) as Record<BandField, z.ZodDefault<z.ZodString>>;

/** One band as typed: all empty is no band; else the ages and the value must all be right. */
function bandProblem(min: string, max: string, value: string): string | null {
	if (min === '' && max === '' && value === '') return null;
	const [from, to] = [Number(min), Number(max)];
	if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > 130 || to < from) {
		return 'Vul een leeftijd van en tot in (0 tot 130).';
	}
	return inRange(eurosToCents(value), MAX_CHEQUE_CENTS)
		? null
		: 'Vul het bedrag voor deze leeftijden in euro’s in.';
}

export const schemeFormSchema = z
	.object({
		/** Empty for a new year's regeling. */
		schemeId: z.union([z.literal(''), z.uuid()]).default(''),
		year: wholeNumber('Vul een jaar in, zoals 2026.', 2000, 2100),
		chequeValue: euros('de waarde van de cheque', MAX_CHEQUE_CENTS),
		pluimValue: euros('de waarde van de Pluim', MAX_CHEQUE_CENTS),
		youngCarerMaxAge: wholeNumber('Vul een leeftijd in van 0 tot 30.', 0, 30),
		minHoursPerWeek: wholeNumber('Vul een aantal uren in van 0 tot 168.', 0, 168),
		minMonths: wholeNumber('Vul een aantal maanden in van 0 tot 120.', 0, 120),
		applicationOpensOn: date('Vul de eerste dag in waarop mensen kunnen aanvragen.'),
		applicationClosesOn: date('Vul de laatste dag in waarop mensen kunnen aanvragen.'),
		redeemUntil: date('Vul de laatste dag in waarop de cheque te gebruiken is.'),
		budget: euros('het budget', 100000000000),
		retentionMonths: wholeNumber('Vul een bewaartermijn in van 1 tot 120 maanden.', 1, 120),
		reimbursementSchedule: z.enum(REIMBURSEMENT_SCHEDULES, {
			error: 'Kies hoe vaak winkels worden betaald.'
		}),
		...bandFields
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
		for (const i of BANDS) {
			const message = bandProblem(
				v[bandField(i, 'Min')],
				v[bandField(i, 'Max')],
				v[bandField(i, 'Value')]
			);
			if (message) ctx.addIssue({ code: 'custom', path: [bandField(i, 'Value')], message });
		}
	});

export type SchemeForm = z.infer<typeof schemeFormSchema>;

/** The stored values of a valid form: whole numbers, cents, and the bands that were filled in. */
export function toScheme(form: SchemeForm) {
	const cents = (v: string) => eurosToCents(v) ?? 0;
	return {
		year: Number(form.year),
		chequeValueCents: cents(form.chequeValue),
		pluimValueCents: cents(form.pluimValue),
		youngCarerMaxAge: Number(form.youngCarerMaxAge),
		minHoursPerWeek: Number(form.minHoursPerWeek),
		minMonths: Number(form.minMonths),
		applicationOpensOn: form.applicationOpensOn,
		applicationClosesOn: form.applicationClosesOn,
		redeemUntil: form.redeemUntil,
		budgetCents: cents(form.budget),
		retentionMonths: Number(form.retentionMonths),
		reimbursementSchedule: form.reimbursementSchedule,
		ageBands: BANDS.filter((i) => form[bandField(i, 'Value')] !== '').map((i) => ({
			min_age: Number(form[bandField(i, 'Min')]),
			max_age: Number(form[bandField(i, 'Max')]),
			value_cents: cents(form[bandField(i, 'Value')])
		}))
	};
}

export type SchemeValues = ReturnType<typeof toScheme>;
