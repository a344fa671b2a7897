import { describe, expect, it } from 'vitest';
import {
	applicationSchema,
	fieldOfRefusal,
	normalisePostcode,
	spacedPostcode
} from './application-form';

const form = {
	firstName: ' Joke ',
	lastName: 'de Vries',
	birthDate: '1961-04-02',
	postcode: '1561ab',
	houseNumber: '7a',
	street: 'Vinkenstraat',
	town: 'Zaandam',
	careRecipientName: 'Piet de Vries',
	careRecipientPostcode: '1561 AB',
	relation: 'partner',
	hoursPerWeek: '20',
	caringSince: '2020-05-01',
	consent: true
};

const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
	(result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('the application form', () => {
	it('tidies what was typed', () => {
		expect(applicationSchema.parse(form)).toMatchObject({
			firstName: 'Joke',
			postcode: '1561ab',
			hoursPerWeek: '20',
			consent: true,
			phone: '',
			email: '',
			districtId: ''
		});
		expect(normalisePostcode('1561 ab')).toBe('1561AB');
	});

	it('puts each problem next to its field, in Dutch', () => {
		const result = applicationSchema.safeParse({
			...form,
			postcode: '0123 AB',
			birthDate: '2999-01-01',
			hoursPerWeek: '200',
			consent: false,
			relation: 'buurman'
		});
		expect(errors(result).sort()).toEqual(
			['birthDate', 'postcode', 'relation', 'consent', 'hoursPerWeek'].sort()
		);
		expect(result.error?.issues.find((i) => i.path[0] === 'consent')?.message).toBe(
			'Vink aan dat je toestemming geeft. Zonder toestemming kunnen we de aanvraag niet behandelen.'
		);
	});

	it('lets a consulent leave the e-mail empty, but not give a wrong one', () => {
		expect(applicationSchema.parse(form).email).toBe('');
		expect(errors(applicationSchema.safeParse({ ...form, email: 'geen adres' }))).toEqual([
			'email'
		]);
	});

	it('shows a refusal about one field next to that field', () => {
		expect(fieldOfRefusal('not_eligible_hours')).toBe('hoursPerWeek');
		expect(fieldOfRefusal('postcode_not_in_district')).toBe('districtId');
		expect(fieldOfRefusal('duplicate_application')).toBeNull();
	});

	it('writes a postcode as people do in the sentence about the wijk', () => {
		expect(spacedPostcode('1502ab')).toBe('1502 AB');
		expect(spacedPostcode(' 1502 AB ')).toBe('1502 AB');
	});
});
