// Contact details and messages are visible only to the two matched people, and only while the
// contact window is open; blocked accounts cannot post.
import { describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import { createVolunteer, postRequest, react } from '../../support/buurthulp-factories.ts';

async function matchedPair() {
	const resident = await createUser({ label: 'inwoner' });
	await resident.client
		.from('profile_contacts')
		.update({ phone: '06 1234 5678', street_address: 'Zaanweg 1' })
		.eq('profile_id', resident.id);
	const volunteer = await createVolunteer();
	await volunteer.client
		.from('profile_contacts')
		.update({ phone: '06 8765 4321' })
		.eq('profile_id', volunteer.id);
	const requestId = await postRequest(resident.client, resident.id);
	await resident.client.from('help_request_contacts').insert({
		request_id: requestId,
		municipality_id: ZAANSTAD_ID,
		created_by: resident.id,
		street_address: 'Zaanweg 1, 1521 AB'
	});
	const responseId = await react(volunteer, requestId);
	const { data: matchId } = await resident.client.rpc('accept_response', {
		p_response_id: responseId
	});
	return { resident, volunteer, requestId, matchId: matchId as string };
}

describe('contact details after a match', () => {
	it('the volunteer sees the resident’s phone and exact address; the resident only the volunteer’s phone', async () => {
		const { resident, volunteer, requestId, matchId } = await matchedPair();
		const seenByVolunteer = await volunteer.client
			.from('profile_contacts')
			.select('phone')
			.eq('profile_id', resident.id);
		expect(seenByVolunteer.data).toEqual([{ phone: '06 1234 5678' }]);
		// The match page shows the resident the volunteer's phone and nothing more; the table
		// shares exactly that much, i.e. no row.
		const page = await resident.client.rpc('help_match_page', { p_match_id: matchId });
		expect((page.data as { contact: { phone: string } }).contact.phone).toBe('06 8765 4321');
		const seenByResident = await resident.client
			.from('profile_contacts')
			.select('phone')
			.eq('profile_id', volunteer.id);
		expect(seenByResident.data).toEqual([]);
		const address = await volunteer.client
			.from('help_request_contacts')
			.select('street_address')
			.eq('request_id', requestId);
		expect(address.data).toEqual([{ street_address: 'Zaanweg 1, 1521 AB' }]);
	});

	it('an unmatched volunteer, another resident and anonymous visitors see nothing', async () => {
		const { resident, requestId, matchId } = await matchedPair();
		await resident.client.from('match_messages').insert({
			match_id: matchId,
			municipality_id: ZAANSTAD_ID,
			sender_id: resident.id,
			body: 'Fijn dat je komt!'
		});
		const outsiders = [
			(await createVolunteer()).client,
			(await createUser({ label: 'andere-inwoner' })).client,
			anonClient()
		];
		for (const client of outsiders) {
			const contacts = await client
				.from('profile_contacts')
				.select('phone')
				.eq('profile_id', resident.id);
			expect(contacts.data ?? []).toEqual([]);
			const address = await client
				.from('help_request_contacts')
				.select('*')
				.eq('request_id', requestId);
			expect(address.data ?? []).toEqual([]);
			const messages = await client.from('match_messages').select('body').eq('match_id', matchId);
			expect(messages.data ?? []).toEqual([]);
			const match = await client.from('matches').select('id').eq('id', matchId);
			expect(match.data ?? []).toEqual([]);
		}
	});

	it('closes the contact window two weeks after the help is done', async () => {
		const { resident, volunteer, matchId } = await matchedPair();
		expect((await resident.client.rpc('complete_match', { p_match_id: matchId })).error).toBeNull();
		const during = await volunteer.client
			.from('profile_contacts')
			.select('phone')
			.eq('profile_id', resident.id);
		expect(during.data).toHaveLength(1);
		await sql(
			`update public.matches set done_at = now() - interval '15 days' where id = '${matchId}'`
		);
		const after = await volunteer.client
			.from('profile_contacts')
			.select('phone')
			.eq('profile_id', resident.id);
		expect(after.data).toEqual([]);
		const message = await volunteer.client.from('match_messages').insert({
			match_id: matchId,
			municipality_id: ZAANSTAD_ID,
			sender_id: volunteer.id,
			body: 'Nog een bericht'
		});
		expect(message.error).not.toBeNull();
	});

	it('only participants write messages, as themselves', async () => {
		const { resident, volunteer, matchId } = await matchedPair();
		const outsider = await createVolunteer();
		const intrusion = await outsider.client.from('match_messages').insert({
			match_id: matchId,
			municipality_id: ZAANSTAD_ID,
			sender_id: outsider.id,
			body: 'Hallo'
		});
		expect(intrusion.error).not.toBeNull();
		const spoofed = await volunteer.client.from('match_messages').insert({
			match_id: matchId,
			municipality_id: ZAANSTAD_ID,
			sender_id: resident.id,
			body: 'Namens de ander'
		});
		expect(spoofed.error).not.toBeNull();
	});
});

describe('blocked accounts', () => {
	it('can no longer post requests or react', async () => {
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const troll = await createVolunteer({ label: 'trol' });
		const resident = await createUser({ label: 'inwoner' });
		const requestId = await postRequest(resident.client, resident.id);

		const blocked = await coordinator.client.rpc('block_account', {
			p_user_id: troll.id,
			p_reason: 'Herhaaldelijk ongepaste berichten'
		});
		expect(blocked.error).toBeNull();

		await expect(postRequest(troll.client, troll.id)).rejects.toBeTruthy();
		await expect(react(troll, requestId)).rejects.toBeTruthy();
		const [log] = await sql<{ action: string; reason: string; actor_id: string }>(
			`select action, reason, actor_id from public.moderation_actions where target_id = '${troll.id}'`
		);
		expect(log).toEqual({
			action: 'block',
			reason: 'Herhaaldelijk ongepaste berichten',
			actor_id: coordinator.id
		});
	});

	it('only coordinators can block', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const other = await createUser({ label: 'inwoner' });
		const { error } = await resident.client.rpc('block_account', {
			p_user_id: other.id,
			p_reason: 'zomaar'
		});
		expect(error?.message).toContain('forbidden');
	});
});

describe('the public board', () => {
	it('shows open requests to anonymous visitors without personal data, and hides hidden ones', async () => {
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const resident = await createUser({ label: 'inwoner' });
		const marker = `Fietsband plakken ${Date.now()}`;
		const requestId = await postRequest(resident.client, resident.id, {
			title: marker,
			category: 'odd_jobs'
		});
		const board = await anonClient().rpc('search_help_requests', { p_query: marker.split(' ')[2] });
		const items = (board.data as unknown as { items: Record<string, unknown>[] }).items;
		const item = items.find((i) => i.id === requestId);
		expect(item?.title).toBe(marker);
		expect(Object.keys(item ?? {})).not.toContain('requester_id');
		expect(Object.keys(item ?? {})).not.toContain('created_by');

		const direct = await anonClient().from('help_requests').select('id').eq('id', requestId);
		expect(direct.data ?? []).toEqual([]);

		await coordinator.client.rpc('hide_content', {
			p_target_type: 'help_request',
			p_target_id: requestId,
			p_reason: 'Spam'
		});
		const after = await anonClient().rpc('search_help_requests', { p_query: marker.split(' ')[2] });
		const afterItems = (after.data as unknown as { items: { id: string }[] }).items;
		expect(afterItems.map((i) => i.id)).not.toContain(requestId);
	});
});
