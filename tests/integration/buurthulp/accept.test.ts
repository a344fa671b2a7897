import { describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole, sql } from '../../support/factories.ts';
import { createVolunteer, postRequest, react } from '../../support/buurthulp-factories.ts';

describe('accept_response', () => {
	it('creates the match, marks the request matched and declines the other reactions', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const [a, b] = [await createVolunteer(), await createVolunteer()];
		const requestId = await postRequest(resident.client, resident.id);
		const chosen = await react(a, requestId);
		const other = await react(b, requestId);

		const { data: matchId, error } = await resident.client.rpc('accept_response', {
			p_response_id: chosen
		});
		expect(error).toBeNull();

		const [request] = await sql<{ status: string }>(
			`select status from public.help_requests where id = '${requestId}'`
		);
		expect(request?.status).toBe('matched');
		const responses = await sql<{ id: string; status: string }>(
			`select id, status from public.responses where request_id = '${requestId}'`
		);
		expect(Object.fromEntries(responses.map((r) => [r.id, r.status]))).toEqual({
			[chosen]: 'accepted',
			[other]: 'declined'
		});
		const [match] = await sql<{ volunteer_id: string }>(
			`select volunteer_id from public.matches where id = '${matchId}'`
		);
		expect(match?.volunteer_id).toBe(a.id);
	});

	it('fails cleanly when the request was already matched', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const [a, b] = [await createVolunteer(), await createVolunteer()];
		const requestId = await postRequest(resident.client, resident.id);
		const first = await react(a, requestId);
		const second = await react(b, requestId);
		await resident.client.rpc('accept_response', { p_response_id: first });

		const { error } = await resident.client.rpc('accept_response', { p_response_id: second });
		expect(error?.message).toContain('request_not_open');
		const [count] = await sql<{ n: number }>(
			`select count(*)::int as n from public.matches where request_id = '${requestId}'`
		);
		expect(count?.n).toBe(1);
	});

	it('refuses another resident and anonymous visitors', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const stranger = await createUser({ label: 'vreemde' });
		const volunteer = await createVolunteer();
		const requestId = await postRequest(resident.client, resident.id);
		const responseId = await react(volunteer, requestId);

		const byStranger = await stranger.client.rpc('accept_response', { p_response_id: responseId });
		expect(byStranger.error?.message).toContain('forbidden');
		const byAnon = await anonClient().rpc('accept_response', { p_response_id: responseId });
		expect(byAnon.error).not.toBeNull();
		const [request] = await sql<{ status: string }>(
			`select status from public.help_requests where id = '${requestId}'`
		);
		expect(request?.status).toBe('open');
	});

	it('lets a coordinator accept for a resident without an account', async () => {
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const volunteer = await createVolunteer();
		const { data: request, error } = await coordinator.client
			.from('help_requests')
			.insert({
				municipality_id: '00000000-0000-4000-8000-000000000001',
				district_id: (await sql<{ id: string }>(`select id from public.districts limit 1`))[0]!.id,
				requester_id: null,
				created_by: coordinator.id,
				category: 'company',
				title: 'Iemand om mee te wandelen',
				description: 'Mevrouw van 84 zoekt iemand om op zondag mee te wandelen.',
				latitude: 52.49,
				longitude: 4.78,
				when_kind: 'flexible',
				duration_minutes: 60
			})
			.select('id')
			.single();
		expect(error).toBeNull();
		const responseId = await react(volunteer, request!.id);
		const accepted = await coordinator.client.rpc('accept_response', { p_response_id: responseId });
		expect(accepted.error).toBeNull();
	});

	it('refuses a volunteer who is at their maximum of active matches', async () => {
		const volunteer = await createVolunteer({ maxActive: 1 });
		const [r1, r2] = [
			await createUser({ label: 'inwoner' }),
			await createUser({ label: 'inwoner' })
		];
		const q1 = await postRequest(r1.client, r1.id);
		const q2 = await postRequest(r2.client, r2.id);
		const s1 = await react(volunteer, q1);
		const s2 = await react(volunteer, q2);
		expect((await r1.client.rpc('accept_response', { p_response_id: s1 })).error).toBeNull();
		const second = await r2.client.rpc('accept_response', { p_response_id: s2 });
		expect(second.error?.message).toContain('volunteer_at_capacity');
	});
});
