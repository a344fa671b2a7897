import { describe, expect, it } from 'vitest';
import { applicationSchema, enteredApplicationSchema } from './application';
import { eurosToCents, schemeSchema } from './scheme';

const form = {
	carerFirstName: ' Joke ',
	carerLastName: 'de Vries',
	carerBirthDate: '1961-04-02',
	carerPostcode: '1561ab',
	carerHouseNumber: '7a',
	careRecipientName: 'Piet de Vries',
	careRecipientPostcode: '1561 AB',
	careRelation: 'partner',
	hoursPerWeek: '20',
	caringSince: '2020-05-01',
	consent: 'yes'
};

const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
	(result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('the application form', () => {
	it('tidies what was typed', () => {
		expect(applicationSchema.parse(form)).toMatchObject({
			carerFirstName: 'Joke',
			carerPostcode: '1561 AB',
			hoursPerWeek: 20,
			consent: true,
			carerPhone: '',
			districtId: null
		});
	});

	it('puts each problem next to its field, in Dutch', () => {
		const result = applicationSchema.safeParse({
			...form,
			carerPostcode: '0123 AB',
			carerBirthDate: '2999-01-01',
			hoursPerWeek: '200',
			consent: undefined,
			careRelation: 'buurman'
		});
		expect(errors(result).sort()).toEqual(
			['carerBirthDate', 'carerPostcode', 'careRelation', 'consent', 'hoursPerWeek'].sort()
		);
		expect(result.error?.issues.find((i) => i.path[0] === 'consent')?.message).toBe(
			'Geef toestemming om je aanvraag te kunnen behandelen.'
		);
	});

	it('lets a consulent leave the e-mail empty, but not the wijk', () => {
		expect(errors(enteredApplicationSchema.safeParse(form))).toEqual(['districtId']);
		const entered = enteredApplicationSchema.parse({
			...form,
			districtId: '00000000-0000-4000-8000-000000000001'
		});
		expect(entered.carerEmail).toBe('');
		expect(
			errors(
				enteredApplicationSchema.safeParse({
					...form,
					districtId: '00000000-0000-4000-8000-000000000001',
					carerEmail: 'geen adres'
				})
			)
		).toEqual(['carerEmail']);
	});
});

describe('the scheme form', () => {
	it('reads euros as cents', () => {
		expect(eurosToCents('50')).toBe(5000);
		expect(eurosToCents('50,5')).toBe(5050);
		expect(eurosToCents('€ 1.250,75')).toBe(125075);
		expect(eurosToCents('570.000')).toBe(57000000);
		expect(eurosToCents('12,345')).toBeNull();
		expect(eurosToCents('vijftig')).toBeNull();
	});

	it('refuses a window that ends before it starts', () => {
		const result = schemeSchema.safeParse({
			year: '2027',
			chequeValueCents: '50',
			pluimValueCents: '25',
			youngCarerMaxAge: '23',
			minHoursPerWeek: '8',
			minMonths: '3',
			applicationOpensOn: '2027-03-01',
			applicationClosesOn: '2027-01-01',
			redeemUntil: '2027-12-31',
			budgetCents: '570000',
			retentionMonths: '24',
			reimbursementSchedule: 'monthly'
		});
		expect(errors(result)).toEqual(['applicationClosesOn']);
	});
});
