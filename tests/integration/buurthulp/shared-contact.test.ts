// Choosing a volunteer (issue 17): "Dit ziet Vera van jou" shows the requester, before choosing,
// exactly what the chosen volunteer will see on the match page (one function,
// requester_contact_for_volunteer): name, phone and the full address with postcode and town.
// Nobody else gets it: not a volunteer who only reacted, a stranger, another municipality's
// coordinator or a visitor.
import { describe, expect, it } from 'vitest';
import { anonClient, createUser, sql } from '../../support/factories.ts';
import { createVolunteer, postRequest, react } from '../../support/buurthulp-factories.ts';
import { createMunicipality, personIn } from '../../support/mantelzorg-factories.ts';

async function requestWithReaction(requestAddress: string | null) {
	const resident = await createUser({ label: 'inwoner', displayName: 'Tante Truus' });
	await sql(
		`update public.profile_contacts set phone = '06 1234 5678', street_address = 'Zaanweg 1',
		 postcode = '1521 AB', city = 'Wormerveer' where profile_id = '${resident.id}'`
	);
	const requestId = await postRequest(resident.client, resident.id, { district: 'wormerveer' });
	await sql(`update public.help_requests set postcode_area = '1521' where id = '${requestId}'`);
	if (requestAddress) {
		await sql(
			`insert into public.help_request_contacts (request_id, municipality_id, created_by, street_address)
			 select id, municipality_id, created_by, '${requestAddress}' from public.help_requests where id = '${requestId}'`
		);
	}
	const volunteer = await createVolunteer();
	const responseId = await react(volunteer, requestId);
	return { resident, volunteer, requestId, responseId };
}

type Page = { shared_with_volunteer: Record<string, string | null> | null };

describe('what the chosen volunteer sees of the requester', () => {
	it('is shown to the requester before choosing, and is what the volunteer then sees', async () => {
		const { resident, volunteer, requestId, responseId } = await requestWithReaction('zaanweg 1');
		const before = await resident.client.rpc('help_request_page', { p_request_id: requestId });
		const shared = (before.data as Page).shared_with_volunteer;
		expect(shared).toEqual({
			name: 'Tante Truus',
			phone: '06 1234 5678',
			street_address: 'zaanweg 1',
			postcode: '1521 AB',
			city: 'Wormerveer'
		});
		// Before the choice the volunteer who reacted gets none of it.
		const early = await volunteer.client.rpc('help_request_page', { p_request_id: requestId });
		expect((early.data as Page).shared_with_volunteer).toBeNull();
		expect(
			(await volunteer.client.rpc('requester_contact_for_volunteer', { p_request_id: requestId }))
				.data
		).toBeNull();

		const { data: matchId } = await resident.client.rpc('accept_response', {
			p_response_id: responseId
		});
		const after = await volunteer.client.rpc('help_match_page', { p_match_id: matchId as string });
		expect((after.data as { contact: unknown }).contact).toEqual(shared);
	});

	it('gives the request’s own address with its postcode digits and the wijk when it differs', async () => {
		const { resident, requestId } = await requestWithReaction('Dorpsstraat 9');
		const { data } = await resident.client.rpc('requester_contact_for_volunteer', {
			p_request_id: requestId
		});
		expect(data).toMatchObject({
			street_address: 'Dorpsstraat 9',
			postcode: '1521',
			city: 'Wormerveer'
		});
	});

	it('is null for a stranger and another municipality’s coordinator, refused to a visitor', async () => {
		const { requestId } = await requestWithReaction(null);
		const stranger = await createUser({ label: 'vreemde' });
		const elsewhere = await createMunicipality();
		const otherCoordinator = await personIn(elsewhere.id, 'ander-coordinator', 'coordinator');
		for (const client of [stranger.client, otherCoordinator.client]) {
			const { data, error } = await client.rpc('requester_contact_for_volunteer', {
				p_request_id: requestId
			});
			expect(error).toBeNull();
			expect(data).toBeNull();
		}
		const visitor = await anonClient().rpc('requester_contact_for_volunteer', {
			p_request_id: requestId
		});
		expect(visitor.data).toBeNull();
		expect(visitor.error).not.toBeNull();
	});
});

describe('adding a phone number before choosing', () => {
	it('changes only the resident’s own profile through /rest/v1', async () => {
		const { resident } = await requestWithReaction(null);
		const other = await createUser({ label: 'ander' });
		const own = await other.client
			.from('profile_contacts')
			.update({ phone: '075 123 4567' })
			.eq('profile_id', other.id)
			.select('profile_id');
		expect(own.data).toEqual([{ profile_id: other.id }]);
		const theirs = await other.client
			.from('profile_contacts')
			.update({ phone: '075 000 0000' })
			.eq('profile_id', resident.id)
			.select('profile_id');
		expect(theirs.data ?? []).toEqual([]);
		const [row] = await sql<{ phone: string }>(
			`select phone from public.profile_contacts where profile_id = '${resident.id}'`
		);
		expect(row?.phone).toBe('06 1234 5678');
	});
});
