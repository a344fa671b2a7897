import { describe, expect, it } from 'vitest';
import { offerSchema } from './buurthulp/offers';
import { requestSchema, yearFromToday } from './buurthulp/requests';
import { profileSchema } from './profile';
import { todayInNl } from './buurthulp/fields';

const BIDI = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
const DISTRICT = '00000000-0000-4000-8000-000000000001';

const request = (extra: Record<string, unknown>) =>
	requestSchema.safeParse({
		category: 'garden',
		title: 'Heg snoeien',
		description: 'Mijn heg is te hoog geworden.',
		districtId: DISTRICT,
		postcode: '1561 AB',
		whenKind: 'flexible',
		...extra
	});

describe('names and titles lose bidirectional override characters', () => {
	it('in a hulpvraag’s title and the name of the resident it is for', () => {
		const parsed = request({
			title: `\u202EHeg ${BIDI}snoeien`,
			forWhom: 'resident',
			residentName: `\u2066Truus${BIDI}`,
			residentPhone: '075 123 4567'
		});
		expect(parsed.data).toMatchObject({ title: 'Heg snoeien', residentName: 'Truus' });
	});

	it('in an offer’s title and a display name', () => {
		const offer = offerSchema.safeParse({
			category: 'garden',
			title: `${BIDI}Tuinhulp`,
			description: 'Ik maai graag gras.',
			districtId: DISTRICT
		});
		expect(offer.data?.title).toBe('Tuinhulp');
		expect(profileSchema.safeParse({ displayName: `\u202Enaam${BIDI}` }).data?.displayName).toBe(
			'naam'
		);
		// Only override characters is no name at all.
		expect(profileSchema.safeParse({ displayName: BIDI }).success).toBe(false);
	});
});

describe('a hulpvraag’s dates lie within a year', () => {
	const today = todayInNl();
	it('refuses a range that ends more than a year from today', () => {
		const next = new Date(`${yearFromToday(today)}T00:00:00Z`);
		next.setUTCDate(next.getUTCDate() + 1);
		const parsed = request({
			whenKind: 'range',
			startsOn: today,
			endsOn: next.toISOString().slice(0, 10)
		});
		expect(parsed.error?.issues).toEqual([
			expect.objectContaining({
				path: ['endsOn'],
				message: 'Kies een datum binnen een jaar vanaf vandaag.'
			})
		]);
	});

	it('accepts a range that ends exactly a year from today', () => {
		const parsed = request({ whenKind: 'range', startsOn: today, endsOn: yearFromToday(today) });
		expect(parsed.success).toBe(true);
	});

	it('counts a year from 29 February as up to 1 March', () => {
		expect(yearFromToday('2028-02-29')).toBe('2029-03-01');
	});
});
