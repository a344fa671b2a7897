import { describe, expect, it } from 'vitest';
import { createUser, grantRole, sql } from '../../support/factories.ts';
import { createVolunteer, isoDate, postRequest, react } from '../../support/buurthulp-factories.ts';
import { requestMask } from '../../../src/lib/buurthulp/availability.ts';

interface Suggestions {
	status: string;
	items: { id: string; score: number; category_fit: boolean }[];
}

describe('availability masks', () => {
	it('are computed the same in SQL and in the app', async () => {
		const cases = [
			['date', '2026-11-25', null, 'afternoon'],
			['range', '2026-11-28', '2026-11-29', 'evening'],
			['range', '2026-11-23', '2026-12-20', 'any'],
			['flexible', null, null, 'morning']
		] as const;
		for (const [kind, from, to, part] of cases) {
			const [row] = await sql<{ mask: number }>(
				`select public.availability_mask_for('${kind}', ${from ? `'${from}'` : 'null'}, ${to ? `'${to}'` : 'null'}, '${part}') as mask`
			);
			expect(row?.mask, `${kind} ${from} ${to} ${part}`).toBe(requestMask(kind, from, to, part));
		}
	});
});

describe('Voor jou', () => {
	it('ranks near, fitting, available, urgent requests first and leaves out reacted ones', async () => {
		// Far from every seeded request of other tests: a volunteer only in Assendelft.
		const volunteer = await createVolunteer({
			district: 'assendelft',
			categories: ['groceries'],
			radiusKm: 2
		});
		const resident = await createUser({ label: 'inwoner' });
		const best = await postRequest(resident.client, resident.id, {
			district: 'assendelft',
			category: 'groceries',
			title: 'Boodschappen morgen',
			startsOn: isoDate(1)
		});
		const otherCategory = await postRequest(resident.client, resident.id, {
			district: 'assendelft',
			category: 'garden',
			title: 'Heg knippen morgen',
			startsOn: isoDate(1)
		});
		const later = await postRequest(resident.client, resident.id, {
			district: 'assendelft',
			category: 'groceries',
			title: 'Boodschappen over twee weken',
			startsOn: isoDate(13)
		});
		const farAway = await postRequest(resident.client, resident.id, {
			district: 'zaandam-zuid',
			category: 'groceries',
			title: 'Boodschappen in Zaandam'
		});
		const reacted = await postRequest(resident.client, resident.id, {
			district: 'assendelft',
			title: 'Boodschappen waar ik al op reageerde'
		});
		await react(volunteer, reacted);

		const { data, error } = await volunteer.client.rpc('suggest_requests_for_me', { p_limit: 50 });
		expect(error).toBeNull();
		const result = data as unknown as Suggestions;
		expect(result.status).toBe('ok');
		const ids = result.items.map((i) => i.id);
		expect(ids.indexOf(best)).toBe(0);
		expect(ids.indexOf(later)).toBeGreaterThan(0);
		expect(ids.indexOf(otherCategory)).toBeGreaterThan(ids.indexOf(later));
		expect(ids).not.toContain(farAway);
		expect(ids).not.toContain(reacted);
	});

	it('explains why a volunteer at their maximum or paused gets nothing', async () => {
		const busy = await createVolunteer({ maxActive: 1 });
		const resident = await createUser({ label: 'inwoner' });
		const requestId = await postRequest(resident.client, resident.id);
		await resident.client.rpc('accept_response', { p_response_id: await react(busy, requestId) });
		await postRequest(resident.client, resident.id, { title: 'Nog een boodschap doen' });

		const atMax = (await busy.client.rpc('suggest_requests_for_me', {}))
			.data as unknown as Suggestions;
		expect(atMax).toMatchObject({ status: 'at_capacity', active: 1, max: 1, items: [] });

		const paused = await createVolunteer({ paused: true });
		const result = (await paused.client.rpc('suggest_requests_for_me', {}))
			.data as unknown as Suggestions;
		expect(result).toMatchObject({ status: 'paused', items: [] });

		const stranger = await createUser({ label: 'geen-vrijwilliger' });
		const none = (await stranger.client.rpc('suggest_requests_for_me', {}))
			.data as unknown as Suggestions;
		expect(none.status).toBe('no_profile');
	});
});

describe('suggested volunteers for a coordinator', () => {
	it('ranks volunteers for a request and is refused to anyone else', async () => {
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const resident = await createUser({ label: 'inwoner' });
		const requestId = await postRequest(resident.client, resident.id, {
			district: 'westzaan',
			category: 'computer_help'
		});
		const fitting = await createVolunteer({ district: 'westzaan', categories: ['computer_help'] });
		const full = await createVolunteer({ district: 'westzaan', maxActive: 1 });
		const other = await postRequest(resident.client, resident.id, { district: 'westzaan' });
		await resident.client.rpc('accept_response', { p_response_id: await react(full, other) });

		const { data, error } = await coordinator.client.rpc('suggest_volunteers_for_request', {
			p_request_id: requestId,
			p_limit: 50
		});
		expect(error).toBeNull();
		const ids = (data as unknown as { volunteer_id: string }[]).map((v) => v.volunteer_id);
		expect(ids).toContain(fitting.id);
		expect(ids).not.toContain(full.id);

		const refused = await resident.client.rpc('suggest_volunteers_for_request', {
			p_request_id: requestId
		});
		expect(refused.error?.message).toContain('forbidden');
	});
});
