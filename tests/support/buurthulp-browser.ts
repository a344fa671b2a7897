// Buurthulp set-up for browser tests, through the people's own API sessions (as their browsers
// would): a request, a volunteer profile and a reaction, so a test can start on the page it is
// about.
import { expect } from '@playwright/test';
import type { Person } from './people.ts';

const ZAANSTAD_ID = '00000000-0000-4000-8000-000000000001';

/** A flexible request of the resident in Westzaan; returns its id and the wijk's. */
export async function postRequestAs(
	resident: Person,
	title: string,
	recurrence: 'once' | 'weekly' = 'once'
) {
	const district = await resident.api.from('districts').select('id').eq('slug', 'westzaan');
	const districtId = district.data?.[0]?.id as string;
	const posted = await resident.api.rpc('post_help_request', {
		p_district_id: districtId,
		p_category: 'groceries',
		p_title: title,
		p_description: 'Boodschappen bij de supermarkt om de hoek.',
		p_postcode_area: '1551',
		p_when_kind: 'flexible',
		p_starts_on: null as unknown as string,
		p_ends_on: null as unknown as string,
		p_day_part: 'any',
		p_duration_minutes: 60,
		p_recurrence: recurrence
	});
	expect(posted.error).toBeNull();
	return { requestId: posted.data as string, districtId };
}

/** Makes the person a volunteer for groceries in the wijk (Zaanstad's, by its id). */
export async function becomeVolunteer(volunteer: Person, districtId: string) {
	const profile = await volunteer.api.from('volunteer_profiles').insert({
		user_id: volunteer.id,
		municipality_id: ZAANSTAD_ID,
		home_district_id: districtId,
		district_ids: [districtId],
		categories: ['groceries']
	});
	expect(profile.error).toBeNull();
}

/** Makes the person a volunteer in the wijk and reacts to the request; returns the reaction's id. */
export async function reactAs(volunteer: Person, requestId: string, districtId: string) {
	await becomeVolunteer(volunteer, districtId);
	const response = await volunteer.api
		.from('responses')
		.insert({
			municipality_id: ZAANSTAD_ID,
			request_id: requestId,
			volunteer_id: volunteer.id,
			message: 'Ik doe graag je boodschappen.'
		})
		.select('id')
		.single();
	expect(response.error).toBeNull();
	return response.data?.id as string;
}
