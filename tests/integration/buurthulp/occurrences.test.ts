// "Deze keer klaar" (issue 17): help that comes back records each time it was given, and the match
// goes on. Only the requester's side (the requester, a coordinator of the municipality) writes it,
// only through mark_match_occurrence_done, and only on an active match of recurring help. Through
// /rest/v1 a stranger, the volunteer and another municipality's coordinator can do nothing with it.
import { describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import { dayFromNow } from '../../support/days.ts';
import {
	createVolunteer,
	districtId,
	postRequest,
	react,
	requestArgs
} from '../../support/buurthulp-factories.ts';
import { createMunicipality, personIn } from '../../support/mantelzorg-factories.ts';

const todayInNl = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

async function weeklyMatch(recurrence: 'weekly' | 'once' = 'weekly') {
	const resident = await createUser({ label: 'inwoner' });
	const volunteer = await createVolunteer();
	const requestId = await postRequest(resident.client, resident.id, {
		title: 'Wekelijks boodschappen'
	});
	await sql(
		`update public.help_requests set recurrence = '${recurrence}' where id = '${requestId}'`
	);
	const responseId = await react(volunteer, requestId);
	const { data, error } = await resident.client.rpc('accept_response', {
		p_response_id: responseId
	});
	if (error) throw error;
	return { resident, volunteer, requestId, matchId: data as string };
}

const occurrenceRows = (matchId: string) =>
	sql<{ occurred_on: string }>(
		`select occurred_on::text from public.match_occurrences where match_id = '${matchId}'`
	);

describe('mark_match_occurrence_done', () => {
	it('records today once for the requester; the match stays active and both see the day', async () => {
		const { resident, volunteer, matchId } = await weeklyMatch();
		const first = await resident.client.rpc('mark_match_occurrence_done', { p_match_id: matchId });
		expect(first).toMatchObject({ data: 1, error: null });
		// A second tap on the same day changes nothing.
		const again = await resident.client.rpc('mark_match_occurrence_done', { p_match_id: matchId });
		expect(again).toMatchObject({ data: 1, error: null });
		expect(await occurrenceRows(matchId)).toEqual([{ occurred_on: todayInNl() }]);

		const [match] = await sql<{ status: string }>(
			`select status from public.matches where id = '${matchId}'`
		);
		expect(match?.status).toBe('active');
		for (const person of [resident, volunteer]) {
			const { data } = await person.client.rpc('help_match_page', { p_match_id: matchId });
			expect((data as { occurrences: string[] }).occurrences).toEqual([todayInNl()]);
		}
	});

	it('lets a coordinator of the municipality mark it for a resident', async () => {
		const { matchId } = await weeklyMatch();
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const { error } = await coordinator.client.rpc('mark_match_occurrence_done', {
			p_match_id: matchId
		});
		expect(error).toBeNull();
		expect(await occurrenceRows(matchId)).toHaveLength(1);
	});

	it('refuses one-off help and a stopped match, with a short answer (not a 500)', async () => {
		const once = await weeklyMatch('once');
		const oneOff = await once.resident.client.rpc('mark_match_occurrence_done', {
			p_match_id: once.matchId
		});
		expect(oneOff.error?.message).toBe('match_not_recurring');
		expect(oneOff.status).toBe(409);

		const weekly = await weeklyMatch();
		await weekly.resident.client.rpc('complete_match', { p_match_id: weekly.matchId });
		const stopped = await weekly.resident.client.rpc('mark_match_occurrence_done', {
			p_match_id: weekly.matchId
		});
		expect(stopped.error?.message).toBe('match_not_active');
		expect(await occurrenceRows(once.matchId)).toEqual([]);
		expect(await occurrenceRows(weekly.matchId)).toEqual([]);
	});

	it('refuses the volunteer, a stranger, a visitor and another municipality’s coordinator', async () => {
		const { volunteer, matchId } = await weeklyMatch();
		const stranger = await createUser({ label: 'vreemde' });
		const elsewhere = await createMunicipality();
		const otherCoordinator = await personIn(elsewhere.id, 'ander-coordinator', 'coordinator');
		for (const client of [volunteer.client, stranger.client, otherCoordinator.client]) {
			const { error, status } = await client.rpc('mark_match_occurrence_done', {
				p_match_id: matchId
			});
			expect(error?.message).toBe('forbidden');
			expect(status).toBe(403);
		}
		const visitor = await anonClient().rpc('mark_match_occurrence_done', { p_match_id: matchId });
		expect(visitor.error).not.toBeNull();
		expect(visitor.status).toBeGreaterThanOrEqual(400);
		expect(visitor.status).toBeLessThan(500);
		expect(await occurrenceRows(matchId)).toEqual([]);
	});
});

describe('match_occurrences through /rest/v1 (an attacker’s view)', () => {
	it('shows the rows to the match’s people only, and nobody writes them directly', async () => {
		const { resident, volunteer, matchId } = await weeklyMatch();
		await resident.client.rpc('mark_match_occurrence_done', { p_match_id: matchId });
		const [row] = await sql<{ id: string }>(
			`select id from public.match_occurrences where match_id = '${matchId}'`
		);
		const id = row?.id as string;
		const stranger = await createUser({ label: 'vreemde' });
		const elsewhere = await createMunicipality();
		const otherCoordinator = await personIn(elsewhere.id, 'ander-coordinator', 'coordinator');

		for (const reader of [resident.client, volunteer.client]) {
			const { data } = await reader.from('match_occurrences').select('id').eq('id', id);
			expect(data).toEqual([{ id }]);
		}
		for (const outsider of [stranger.client, otherCoordinator.client, anonClient()]) {
			const { data } = await outsider.from('match_occurrences').select('id').eq('id', id);
			expect(data ?? []).toEqual([]);
		}

		// Not even the match's own people write the table: an extra day, a moved day, a removed day.
		const tomorrow = dayFromNow(1);
		for (const client of [resident.client, volunteer.client, stranger.client]) {
			const inserted = await client.from('match_occurrences').insert({
				municipality_id: ZAANSTAD_ID,
				match_id: matchId,
				occurred_on: tomorrow
			});
			expect(inserted.error).not.toBeNull();
			const updated = await client
				.from('match_occurrences')
				.update({ occurred_on: tomorrow })
				.eq('id', id)
				.select('id');
			expect(updated.data ?? []).toEqual([]);
			const deleted = await client.from('match_occurrences').delete().eq('id', id).select('id');
			expect(deleted.data ?? []).toEqual([]);
		}
		expect(await occurrenceRows(matchId)).toEqual([{ occurred_on: todayInNl() }]);
	});
});

describe('a request a coordinator posted for a resident without an account', () => {
	// requester_id is null there: "requester_id = me" was null, and "not (null or false)" let every
	// signed-in account through accept_response, complete_match and mark_match_occurrence_done.
	it('cannot be chosen for, marked or stopped by a stranger', async () => {
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const { data: requestId, error } = await coordinator.client.rpc('post_help_request', {
			...requestArgs(await districtId('wormerveer'), {
				p_recurrence: 'weekly',
				p_postcode_area: '1521'
			}),
			p_on_behalf: true,
			p_resident_name: 'Meneer Bakker',
			p_resident_phone: '075 765 4321'
		});
		expect(error).toBeNull();
		const volunteer = await createVolunteer();
		const responseId = await react(volunteer, requestId as string);
		const stranger = await createUser({ label: 'vreemde' });

		const accepted = await stranger.client.rpc('accept_response', { p_response_id: responseId });
		expect(accepted.error?.message).toBe('forbidden');
		const { data: matchId } = await coordinator.client.rpc('accept_response', {
			p_response_id: responseId
		});
		for (const fn of ['mark_match_occurrence_done', 'complete_match'] as const) {
			const { error: refused } = await stranger.client.rpc(fn, { p_match_id: matchId as string });
			expect(refused?.message, fn).toBe('forbidden');
		}
		const [match] = await sql<{ status: string }>(
			`select status from public.matches where id = '${matchId}'`
		);
		expect(match?.status).toBe('active');
		expect(await occurrenceRows(matchId as string)).toEqual([]);
	});
});
