import { describe, expect, it } from 'vitest';
import { volunteerProfileSchema } from '#lib/schemas/buurthulp/volunteers';
import { profileFormValues, type VolunteerProfilePage } from './volunteers';

const HOME = '00000000-0000-4000-8000-000000000001';
const page = (profile: VolunteerProfilePage['profile']): VolunteerProfilePage => ({
	districts: [],
	profile,
	homeDistrictId: HOME,
	active: 0,
	helped: 0
});

describe('profileFormValues', () => {
	// A grid with every dagdeel ticked made every suggestion "past bij je beschikbaarheid".
	it('starts a new volunteer with no dagdeel ticked', () => {
		expect(profileFormValues(page(null)).availability).toEqual([]);
	});

	it('starts from the saved dagdelen', () => {
		const values = profileFormValues(
			page({
				homeDistrictId: HOME,
				categories: [],
				districtIds: [],
				radiusKm: 3,
				availabilityMask: 0b101,
				maxActiveMatches: 3,
				isPaused: false,
				about: ''
			})
		);
		expect(values.availability).toEqual(['0-0', '0-2']);
	});

	it('the form asks for at least one dagdeel', () => {
		const result = volunteerProfileSchema.safeParse({ homeDistrictId: HOME, availability: [] });
		expect(result.error?.issues.map((i) => i.message)).toEqual([
			'Kies minstens één dagdeel waarop je kunt helpen.'
		]);
	});
});
