// The residents' Buurthulp page functions: each returns what its page needs in one call, and
// never hands contact details or messages to anyone but the matched pair (and only in the window).
import { describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import {
	createVolunteer,
	districtId,
	isoDate,
	postRequest,
	react,
	requestArgs
} from '../../support/buurthulp-factories.ts';

async function matchedPair() {
	const resident = await createUser({ label: 'inwoner', displayName: 'Tante Truus' });
	await resident.client
		.from('profile_contacts')
		.update({ phone: '06 1234 5678', street_address: 'Zaanweg 1' })
		.eq('profile_id', resident.id);
	const volunteer = await createVolunteer();
	await volunteer.client
		.from('profile_contacts')
		.update({ phone: '06 8765 4321' })
		.eq('profile_id', volunteer.id);
	const requestId = await postRequest(resident.client, resident.id, { title: 'Hulp bij de tuin' });
	await resident.client.from('help_request_contacts').insert({
		request_id: requestId,
		municipality_id: ZAANSTAD_ID,
		created_by: resident.id,
		street_address: 'Zaanweg 1, 1521 AB'
	});
	const responseId = await react(volunteer, requestId, 'Ik kom zaterdag!');
	const { data: matchId, error } = await resident.client.rpc('accept_response', {
		p_response_id: responseId
	});
	if (error) throw error;
	await resident.client.from('match_messages').insert({
		match_id: matchId as string,
		municipality_id: ZAANSTAD_ID,
		sender_id: resident.id,
		body: 'Fijn dat je komt!'
	});
	return { resident, volunteer, requestId, responseId, matchId: matchId as string };
}

const asText = (value: unknown) => JSON.stringify(value);

describe('help_board_page', () => {
	it('gives anonymous visitors the wijken and open requests without personal data', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const title = `Bordtest ${Date.now()}`;
		await postRequest(resident.client, resident.id, { title, district: 'assendelft' });
		const { data, error } = await anonClient().rpc('help_board_page', {
			p_district_slug: 'assendelft',
			p_query: title
		});
		expect(error).toBeNull();
		const page = data as {
			districts: { slug: string }[];
			district: { slug: string };
			result: { total: number; items: Record<string, unknown>[] };
		};
		expect(page.districts.length).toBeGreaterThanOrEqual(11);
		expect(page.district.slug).toBe('assendelft');
		expect(page.result.total).toBeGreaterThanOrEqual(1);
		const item = page.result.items[0] ?? {};
		expect(Object.keys(item)).not.toContain('requester_id');
		expect(Object.keys(item)).not.toContain('created_by');
		expect(asText(page)).not.toContain(resident.id);
	});

	it('reports an unknown wijk instead of showing every request', async () => {
		const { data } = await anonClient().rpc('help_board_page', { p_district_slug: 'nergens' });
		expect(data).toMatchObject({ unknown_district: true, result: { total: 0, items: [] } });
	});
});

describe('post_help_request', () => {
	it('stores only the postcode area and the wijk point in public, the address privately', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const district = await districtId('krommenie');
		const { data: id, error } = await resident.client.rpc('post_help_request', {
			p_district_id: district,
			p_category: 'transport',
			p_title: 'Vervoer naar de huisarts',
			p_description: 'Ik moet dinsdag naar de huisarts en kan niet zelf rijden.',
			p_postcode_area: '1561',
			p_when_kind: 'date',
			p_starts_on: isoDate(3),
			p_ends_on: null as unknown as string,
			p_day_part: 'morning',
			p_duration_minutes: 90,
			p_recurrence: 'once',
			p_street_address: 'Dorpsstraat 12'
		});
		expect(error).toBeNull();
		const [row] = await sql<{ requester_id: string; postcode_area: string; latitude: number }>(
			`select requester_id, postcode_area, latitude from public.help_requests where id = '${id}'`
		);
		expect(row).toMatchObject({ requester_id: resident.id, postcode_area: '1561' });
		expect(Math.round((row?.latitude ?? 0) * 100) / 100).toBe(row?.latitude);
		const [contact] = await sql<{ street_address: string }>(
			`select street_address from public.help_request_contacts where request_id = '${id}'`
		);
		expect(contact?.street_address).toBe('Dorpsstraat 12');
	});

	it('lets only a coordinator post for a resident without an account', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const args = requestArgs(await districtId('westzaan'), {
			p_title: 'Gezelschap voor mevrouw',
			p_description: 'Mevrouw woont alleen en vindt een praatje fijn.',
			p_postcode_area: '1551',
			p_day_part: 'afternoon',
			p_recurrence: 'weekly',
			p_on_behalf: true,
			p_resident_name: 'Mevrouw De Vries',
			p_resident_phone: '075 123 4567',
			p_is_vulnerable: true
		});
		const refused = await resident.client.rpc('post_help_request', args);
		expect(refused.error?.message).toContain('forbidden');
		const { data: id, error } = await coordinator.client.rpc('post_help_request', args);
		expect(error).toBeNull();
		const page = await coordinator.client.rpc('help_request_page', { p_request_id: id as string });
		expect(page.data).toMatchObject({
			viewer: { acting: true, own: true, on_behalf: true },
			on_behalf_name: 'Mevrouw De Vries'
		});
		const seenByResident = await resident.client.rpc('help_request_page', {
			p_request_id: id as string
		});
		expect(seenByResident.data).toMatchObject({
			viewer: { acting: false, own: false, on_behalf: false, can_react: true },
			on_behalf_name: null
		});
		const seenByAnon = await anonClient().rpc('help_request_page', { p_request_id: id as string });
		expect(seenByAnon.data).toMatchObject({ viewer: { acting: false, own: false } });
		expect(asText(seenByResident.data)).not.toContain('De Vries');
		expect(asText(seenByResident.data)).not.toContain('075 123 4567');
	});
});

describe('help_request_page', () => {
	it('shows reactions only to the requester, and the volunteer their own reaction', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const requestId = await postRequest(resident.client, resident.id);
		const volunteer = await createVolunteer({ label: 'vrijwilliger' });
		await react(volunteer, requestId, 'Ik kan woensdagmiddag.');
		const other = await createVolunteer({ label: 'andere-vrijwilliger' });

		const mine = await resident.client.rpc('help_request_page', { p_request_id: requestId });
		expect(mine.data).toMatchObject({
			viewer: { acting: true, own: true, can_react: false, can_cancel: true },
			responses: [{ message: 'Ik kan woensdagmiddag.', helped_count: 0 }]
		});
		const reacted = await volunteer.client.rpc('help_request_page', { p_request_id: requestId });
		expect(reacted.data).toMatchObject({
			viewer: { acting: false, can_react: false },
			my_response: { status: 'pending' },
			responses: []
		});
		const stranger = await other.client.rpc('help_request_page', { p_request_id: requestId });
		expect(stranger.data).toMatchObject({ viewer: { can_react: true }, responses: [] });
		expect(asText(stranger.data)).not.toContain('woensdagmiddag');
		const anon = await anonClient().rpc('help_request_page', { p_request_id: requestId });
		expect(anon.data).toMatchObject({ viewer: { signed_in: false, can_react: false } });
		expect(asText(anon.data)).not.toContain('woensdagmiddag');
	});

	it('hides matched requests from outsiders and shows the match to the pair', async () => {
		const { resident, volunteer, requestId, matchId } = await matchedPair();
		const outsider = await createVolunteer();
		expect((await outsider.client.rpc('help_request_page', { p_request_id: requestId })).data).toBe(
			null
		);
		expect((await anonClient().rpc('help_request_page', { p_request_id: requestId })).data).toBe(
			null
		);
		for (const client of [resident.client, volunteer.client]) {
			const page = await client.rpc('help_request_page', { p_request_id: requestId });
			expect(page.data).toMatchObject({ match: { id: matchId, status: 'active' } });
			expect(asText(page.data)).not.toContain('06 ');
			expect(asText(page.data)).not.toContain('Zaanweg');
		}
	});
});

describe('help_match_page', () => {
	it('gives the two matched people each other’s contact details and the messages', async () => {
		const { resident, volunteer, matchId } = await matchedPair();
		const forVolunteer = await volunteer.client.rpc('help_match_page', { p_match_id: matchId });
		expect(forVolunteer.error).toBeNull();
		expect(forVolunteer.data).toMatchObject({
			role: 'volunteer',
			contact_window_open: true,
			contact: { name: 'Tante Truus', phone: '06 1234 5678', street_address: 'Zaanweg 1, 1521 AB' },
			messages: [{ body: 'Fijn dat je komt!', mine: false }],
			can_complete: false,
			can_message: true
		});
		const forResident = await resident.client.rpc('help_match_page', { p_match_id: matchId });
		expect(forResident.data).toMatchObject({
			role: 'requester',
			contact: { phone: '06 8765 4321', street_address: null },
			messages: [{ body: 'Fijn dat je komt!', mine: true }],
			can_complete: true
		});
	});

	it('returns nothing to an unmatched volunteer, another resident or an anonymous visitor', async () => {
		const { matchId } = await matchedPair();
		const outsiders = [
			(await createVolunteer()).client,
			(await createUser({ label: 'andere-inwoner' })).client
		];
		for (const client of outsiders) {
			const { data, error } = await client.rpc('help_match_page', { p_match_id: matchId });
			expect(error).toBeNull();
			expect(data).toBeNull();
		}
		const anon = await anonClient().rpc('help_match_page', { p_match_id: matchId });
		expect(anon.data ?? null).toBeNull();
		expect(asText(anon)).not.toContain('Fijn dat je komt');
	});

	it('closes the contact details after the window, with the thanks and a pending follow-up', async () => {
		const { resident, volunteer, matchId } = await matchedPair();
		const done = await resident.client.rpc('complete_match', {
			p_match_id: matchId,
			p_thanks: 'Heel erg bedankt!'
		});
		expect(done.error).toBeNull();
		await sql(
			`update public.matches set done_at = now() - interval '15 days' where id = '${matchId}';
			 insert into public.followups (municipality_id, match_id, respondent_id, side)
			 values ('${ZAANSTAD_ID}', '${matchId}', '${volunteer.id}', 'volunteer')`
		);
		const page = await volunteer.client.rpc('help_match_page', { p_match_id: matchId });
		expect(page.data).toMatchObject({
			contact_window_open: false,
			contact: null,
			can_message: false,
			thanks: 'Heel erg bedankt!',
			followup: { side: 'volunteer' }
		});
		expect(asText(page.data)).not.toContain('06 1234 5678');
	});
});

describe('a coordinator posting for a resident without an account', () => {
	it('sees the matched volunteer’s phone; the volunteer sees the resident’s name and phone', async () => {
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const { data: requestId, error } = await coordinator.client.rpc('post_help_request', {
			p_district_id: await districtId('wormerveer'),
			p_category: 'groceries',
			p_title: 'Boodschappen voor meneer',
			p_description: 'Meneer heeft geen internet en kan niet goed lopen.',
			p_postcode_area: '1521',
			p_when_kind: 'flexible',
			p_starts_on: null as unknown as string,
			p_ends_on: null as unknown as string,
			p_day_part: 'any',
			p_duration_minutes: 60,
			p_recurrence: 'once',
			p_street_address: 'Zaanweg 7',
			p_on_behalf: true,
			p_resident_name: 'Meneer Bakker',
			p_resident_phone: '075 765 4321'
		});
		expect(error).toBeNull();
		const volunteer = await createVolunteer();
		await volunteer.client
			.from('profile_contacts')
			.update({ phone: '06 5555 1234' })
			.eq('profile_id', volunteer.id);
		const responseId = await react(volunteer, requestId as string);
		const { data: matchId } = await coordinator.client.rpc('accept_response', {
			p_response_id: responseId
		});
		const forCoordinator = await coordinator.client.rpc('help_match_page', {
			p_match_id: matchId as string
		});
		expect(forCoordinator.data).toMatchObject({
			role: 'requester',
			contact: { phone: '06 5555 1234' }
		});
		const forVolunteer = await volunteer.client.rpc('help_match_page', {
			p_match_id: matchId as string
		});
		expect(forVolunteer.data).toMatchObject({
			contact: { name: 'Meneer Bakker', phone: '075 765 4321', street_address: 'Zaanweg 7' }
		});
		const otherCoordinator = await createUser({ label: 'coordinator' });
		await grantRole(otherCoordinator.id, 'coordinator');
		const forOther = await otherCoordinator.client.rpc('help_match_page', {
			p_match_id: matchId as string
		});
		expect(forOther.data).toMatchObject({ role: 'coordinator', contact: null });
		expect(asText(forOther.data)).not.toContain('06 5555 1234');
	});
});

describe('my_help_page', () => {
	it('lists my requests, my reactions and my matches, without contact details', async () => {
		const { resident, volunteer, requestId, matchId } = await matchedPair();
		const mineAsResident = await resident.client.rpc('my_help_page');
		expect(mineAsResident.error).toBeNull();
		expect(mineAsResident.data).toMatchObject({
			requests: [{ id: requestId, status: 'matched', match_id: matchId }],
			matches: [{ id: matchId, role: 'requester', status: 'active' }]
		});
		const mineAsVolunteer = await volunteer.client.rpc('my_help_page');
		expect(mineAsVolunteer.data).toMatchObject({
			requests: [],
			responses: [{ request_id: requestId, status: 'accepted', match_id: matchId }],
			matches: [{ id: matchId, role: 'volunteer', other_name: 'Tante Truus' }]
		});
		expect(asText(mineAsVolunteer.data)).not.toContain('06 1234 5678');
		const stranger = await (await createUser({ label: 'ander' })).client.rpc('my_help_page');
		expect(stranger.data).toEqual({ requests: [], responses: [], matches: [] });
	});
});
