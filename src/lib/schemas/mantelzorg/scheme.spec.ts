import { describe, expect, it } from 'vitest';
import { eurosToCents, schemeFormSchema, toScheme } from './scheme';

const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
	(result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('the scheme form', () => {
	it('reads euros as cents', () => {
		expect(eurosToCents('50')).toBe(5000);
		expect(eurosToCents('50,5')).toBe(5050);
		expect(eurosToCents('€ 1.250,75')).toBe(125075);
		expect(eurosToCents('570.000')).toBe(57000000);
		expect(eurosToCents('12,345')).toBeNull();
		expect(eurosToCents('vijftig')).toBeNull();
	});

	const form = {
		year: '2027',
		chequeValue: '50',
		pluimValue: '25',
		youngCarerMaxAge: '23',
		minHoursPerWeek: '8',
		minMonths: '3',
		applicationOpensOn: '2027-01-01',
		applicationClosesOn: '2027-03-01',
		redeemUntil: '2027-12-31',
		budget: '570.000',
		retentionMonths: '24',
		reimbursementSchedule: 'monthly'
	};

	it('refuses a window that ends before it starts', () => {
		const result = schemeFormSchema.safeParse({ ...form, applicationOpensOn: '2027-04-01' });
		expect(errors(result)).toEqual(['applicationClosesOn']);
	});

	it('puts a wrong age band next to its value, and stores the filled-in bands in cents', () => {
		const wrong = schemeFormSchema.safeParse({
			...form,
			band1Min: '75',
			band1Max: '130',
			band1Value: 'veel'
		});
		expect(errors(wrong)).toEqual(['band1Value']);
		const scheme = toScheme(
			schemeFormSchema.parse({ ...form, band1Min: '75', band1Max: '130', band1Value: '75,50' })
		);
		expect(scheme).toMatchObject({
			year: 2027,
			chequeValueCents: 5000,
			budgetCents: 57000000,
			ageBands: [{ min_age: 75, max_age: 130, value_cents: 7550 }]
		});
	});
});
