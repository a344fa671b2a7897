// Input checks the database keeps even for a direct API call (issue 9, part 7): a postcode must
// belong to the chosen wijk, a hulpvraag's dates lie within a year, and bidirectional override
// characters never reach a title or a name.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/database.types.ts';
import { createUser, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import { districtId, isoDate } from '../../support/buurthulp-factories.ts';

type PostArgs = Database['public']['Functions']['post_help_request']['Args'];

const args = async (overrides: Partial<PostArgs> = {}): Promise<PostArgs> => ({
	p_district_id: await districtId('zaandam-west'),
	p_category: 'paperwork',
	p_title: 'Hulp bij een formulier',
	p_description: 'Ik vind de brieven van de Belastingdienst lastig.',
	p_postcode_area: '1506',
	p_when_kind: 'date',
	p_starts_on: isoDate(3),
	p_ends_on: null as unknown as string,
	p_day_part: 'evening',
	p_duration_minutes: 60,
	p_recurrence: 'once',
	...overrides
});

const RLO = '\u202E';

describe('post_help_request', () => {
	it('refuses a postcode outside the wijk’s postcode areas', async () => {
		const resident = await createUser({ label: 'postcode' });
		const { error } = await resident.client.rpc(
			'post_help_request',
			await args({ p_postcode_area: '9999' })
		);
		expect(error?.message).toMatch(/postcode_not_in_district/);
		const ok = await resident.client.rpc('post_help_request', await args());
		expect(ok.error).toBeNull();
	});

	it('refuses a range that ends more than a year from today', async () => {
		const resident = await createUser({ label: 'datum' });
		const { error } = await resident.client.rpc(
			'post_help_request',
			await args({ p_when_kind: 'range', p_starts_on: isoDate(1), p_ends_on: isoDate(400) })
		);
		expect(error?.message).toMatch(/date_too_far/);
		const ok = await resident.client.rpc(
			'post_help_request',
			await args({ p_when_kind: 'range', p_starts_on: isoDate(1), p_ends_on: isoDate(300) })
		);
		expect(ok.error).toBeNull();
	});

	it('stores a title without bidirectional override characters', async () => {
		const resident = await createUser({ label: 'bidi' });
		const { data, error } = await resident.client.rpc(
			'post_help_request',
			await args({ p_title: `Hulp bij ${RLO}exe.gpj\u2069 formulier` })
		);
		expect(error).toBeNull();
		const [row] = await sql<{ title: string }>(
			`select title from public.help_requests where id = '${data as string}'`
		);
		expect(row?.title).toBe('Hulp bij exe.gpj formulier');
	});
});

describe('profiles and offers', () => {
	it('lose bidirectional override characters in a display name and an offer title', async () => {
		const person = await createUser({ label: 'bidinaam', displayName: `${RLO}Bram\u2066` });
		const [profile] = await sql<{ display_name: string }>(
			`select display_name from public.profiles where id = '${person.id}'`
		);
		expect(profile?.display_name).toBe('Bram');
		const { data, error } = await person.client
			.from('help_offers')
			.insert({
				municipality_id: ZAANSTAD_ID,
				volunteer_id: person.id,
				district_id: await districtId('westzaan'),
				category: 'garden',
				title: `${RLO}Tuinhulp in de buurt`,
				description: 'Ik maai graag gras en snoei heggen.'
			})
			.select('title')
			.single();
		expect(error).toBeNull();
		expect(data?.title).toBe('Tuinhulp in de buurt');
	});
});
