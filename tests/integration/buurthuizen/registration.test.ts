// Registration per occurrence: the maximum holds, a second registration for the same date and
// dates the activity does not take place on are refused, a cancelled activity takes no more
// registrations, taking one back frees the place, and who registered is visible to the centre's
// board only (not to another centre's board, other residents or anonymous visitors).
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import {
	cancelRegistration,
	loadRegistrations,
	registerForActivity
} from '../../../src/lib/server/buurthuizen/registrations.ts';
import { anonClient, createUser, sql, type TestUser } from '../../support/factories.ts';
import {
	centre,
	createBoardMember,
	dayFromNow,
	postActivity
} from '../../support/buurthuizen-factories.ts';

const asRequest = (c: unknown) => c as RequestClient;

let board: TestUser;
let otherBoard: TestUser;
let people: TestUser[];
let activityId: string;
const first = dayFromNow(10);

beforeAll(async () => {
	const lorzie = await centre('de-lorzie');
	board = await createBoardMember('de-lorzie');
	otherBoard = await createBoardMember('a3');
	people = await Promise.all([1, 2, 3].map((i) => createUser({ label: `deelnemer${i}` })));
	activityId = await postActivity(board.client, lorzie.id, {
		title: 'Computercursus voor beginners',
		category: 'cursus',
		on: first,
		weeklyUntil: dayFromNow(60),
		maxParticipants: 2
	});
});

describe('registration', () => {
	it('fills up to the maximum and says so', async () => {
		const [a, b, c] = people.map((p) => asRequest(p.client));
		expect(await registerForActivity(a!, activityId, first)).toEqual({ ok: true, value: 1 });
		expect(await registerForActivity(a!, activityId, first)).toMatchObject({
			ok: false,
			problem: 'Je bent al aangemeld voor deze datum.'
		});
		expect(await registerForActivity(b!, activityId, first)).toEqual({ ok: true, value: 2 });
		expect(await registerForActivity(c!, activityId, first)).toMatchObject({
			ok: false,
			problem: 'Deze activiteit is vol. Kies een andere datum.'
		});
		// Another week has its own places.
		expect(await registerForActivity(c!, activityId, dayFromNow(17))).toEqual({
			ok: true,
			value: 1
		});
		// Taking one back frees the place.
		expect((await cancelRegistration(b!, activityId, first)).ok).toBe(true);
		expect(await registerForActivity(c!, activityId, first)).toEqual({ ok: true, value: 2 });
	});

	it('refuses dates the activity is not on, anonymous visitors and cancelled activities', async () => {
		const d = asRequest(people[0]!.client);
		expect((await registerForActivity(d, activityId, dayFromNow(11))).ok).toBe(false);
		expect((await registerForActivity(d, activityId, dayFromNow(3))).ok).toBe(false);
		expect((await registerForActivity(asRequest(anonClient()), activityId, first)).ok).toBe(false);
		const lorzie = await centre('de-lorzie');
		const cancelled = await postActivity(board.client, lorzie.id, {
			on: first,
			maxParticipants: 5
		});
		await board.client.rpc('cancel_activity', { p_activity_id: cancelled, p_reason: 'Geen zaal' });
		expect(await registerForActivity(d, cancelled, first)).toMatchObject({
			ok: false,
			problem: 'Deze activiteit gaat niet door. Aanmelden kan niet meer.'
		});
	});

	it('shows who registered to the board of the centre only', async () => {
		const page = await loadRegistrations(asRequest(board.client), activityId);
		expect(page?.dates.find((d) => d.occursOn === first)?.count).toBe(2);
		expect(page?.dates.find((d) => d.occursOn === first)?.names).toHaveLength(2);
		expect(await loadRegistrations(asRequest(otherBoard.client), activityId)).toBeNull();
		expect(await loadRegistrations(asRequest(people[0]!.client), activityId)).toBeNull();
		expect(await loadRegistrations(asRequest(anonClient()), activityId)).toBeNull();

		const table = async (client: unknown) =>
			(
				await asRequest(client)
					.from('activity_registrations')
					.select('id')
					.eq('activity_id', activityId)
			).data ?? [];
		expect(await table(anonClient())).toEqual([]);
		expect(await table(otherBoard.client)).toEqual([]);
		expect(await table(board.client)).toHaveLength(3);
		// A resident sees only their own registrations.
		expect(await table(people[0]!.client)).toHaveLength(1);
		// Counts are public, names are not.
		const counts = await anonClient()
			.from('activity_occurrence_counts')
			.select('occurs_on, registered_count')
			.eq('activity_id', activityId)
			.eq('occurs_on', first);
		expect(counts.data?.[0]?.registered_count).toBe(2);
		// Writing straight to the tables does nothing.
		const forged = await people[0]!.client
			.from('activity_occurrence_counts')
			.update({ registered_count: 0 })
			.eq('activity_id', activityId)
			.select('activity_id');
		expect(forged.data ?? []).toEqual([]);
	});
});

describe('when an activity or a date is called off', () => {
	it('tells the registered residents, once, and lets a skipped date lapse', async () => {
		const lorzie = await centre('de-lorzie');
		const [a, b] = people.map((p) => asRequest(p.client));
		const weekly = await postActivity(board.client, lorzie.id, {
			title: 'Breiclub',
			on: first,
			weeklyUntil: dayFromNow(40),
			maxParticipants: 5
		});
		expect((await registerForActivity(a!, weekly, first)).ok).toBe(true);
		expect((await registerForActivity(b!, weekly, dayFromNow(17))).ok).toBe(true);

		await board.client.rpc('skip_activity_date', { p_activity_id: weekly, p_occurs_on: first });
		const outbox = async (userId: string) =>
			sql<{ kind: string; payload: { activity_id: string; occurs_on?: string } }>(
				`select kind, payload from public.notification_outbox
				 where recipient_id = '${userId}' and payload ->> 'activity_id' = '${weekly}'`
			);
		expect(await outbox(people[0]!.id)).toEqual([
			{ kind: 'activity_cancelled', payload: expect.objectContaining({ occurs_on: first }) }
		]);
		const own = await people[0]!.client
			.from('activity_registrations')
			.select('id')
			.eq('activity_id', weekly);
		expect(own.data).toEqual([]);

		await board.client.rpc('cancel_activity', { p_activity_id: weekly, p_reason: 'Geen wol' });
		await board.client.rpc('cancel_activity', { p_activity_id: weekly, p_reason: 'Geen wol' });
		expect(await outbox(people[1]!.id)).toEqual([
			{ kind: 'activity_cancelled', payload: expect.objectContaining({ reason: 'Geen wol' }) }
		]);
	});
});
