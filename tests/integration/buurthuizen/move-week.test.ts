// "Andere datum of tijd voor deze keer" (issue 17): one week of a weekly activity moves to another
// date or time. Only a board member of the activity's buurthuis in its municipality may (another
// buurthuis's board and another municipality's board get not found, through /rest/v1); the week's
// registrations move along and each registered resident gets an activity_moved mail; the week
// shows as moved on the activity page; a moved week cannot be put back, and nothing moves into
// the past.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import { fromAmsterdam } from '../../../src/lib/buurthuizen/dates.ts';
import { registerForActivity } from '../../../src/lib/server/buurthuizen/registrations.ts';
import { moveActivityDate } from '../../../src/lib/server/buurthuizen/activity-writes.ts';
import { getActivity } from '../../../src/lib/server/buurthuizen/activities.ts';
import { createUser, sql, type TestUser } from '../../support/factories.ts';
import {
	centre,
	createBoardMember,
	dayFromNow,
	postActivity
} from '../../support/buurthuizen-factories.ts';
import { otherMunicipality } from '../../support/tenancy.ts';

const asRequest = (c: unknown) => c as RequestClient;

let board: TestUser;
let otherBoard: TestUser;
let elsewhere: TestUser;
let people: TestUser[];
let activityId: string;
const week = dayFromNow(17);
const newDay = dayFromNow(18);

beforeAll(async () => {
	const lorzie = await centre('de-lorzie');
	board = await createBoardMember('de-lorzie');
	otherBoard = await createBoardMember('a3');
	elsewhere = (await otherMunicipality()).people.board_member;
	people = await Promise.all([1, 2].map((i) => createUser({ label: `deelnemer${i}` })));
	activityId = await postActivity(board.client, lorzie.id, {
		title: 'Schildercursus',
		category: 'cursus',
		on: dayFromNow(10),
		weeklyUntil: dayFromNow(60),
		maxParticipants: 8
	});
	for (const p of people) {
		expect((await registerForActivity(asRequest(p.client), activityId, week)).ok).toBe(true);
	}
});

const move = (who: TestUser, on = week, day = newDay) =>
	who.client.rpc('move_activity_date', {
		p_activity_id: activityId,
		p_occurs_on: on,
		p_starts_at: fromAmsterdam(day, '14:00').toISOString(),
		p_ends_at: fromAmsterdam(day, '16:00').toISOString(),
		p_reason: 'De zaal is bezet.'
	});

describe('another date or time for one week', () => {
	it('is refused to another buurthuis’s board and another municipality’s board', async () => {
		for (const who of [otherBoard, elsewhere]) {
			const answer = await move(who);
			expect(answer.status).toBe(404);
			expect(answer.error?.message).toMatch(/activity_not_found/);
		}
		const [left] = await sql<{ n: number }>(
			`select count(*)::int as n from public.activity_exceptions where activity_id = '${activityId}'`
		);
		expect(left?.n).toBe(0);
	});

	it('refuses a time in the past, an end before the start and a week it does not run', async () => {
		expect((await move(board, week, dayFromNow(-2))).error?.message).toMatch(/starts_in_past/);
		const backwards = await board.client.rpc('move_activity_date', {
			p_activity_id: activityId,
			p_occurs_on: week,
			p_starts_at: fromAmsterdam(newDay, '16:00').toISOString(),
			p_ends_at: fromAmsterdam(newDay, '14:00').toISOString()
		});
		expect(backwards.status).toBe(400);
		expect(backwards.error?.message).toMatch(/invalid_times/);
		expect((await move(board, dayFromNow(18))).error?.message).toMatch(/occurrence_not_found/);
	});

	it('moves the week with its registrations and mails each registered resident', async () => {
		const moved = await moveActivityDate(
			asRequest(board.client),
			activityId,
			week,
			fromAmsterdam(newDay, '14:00'),
			fromAmsterdam(newDay, '16:00'),
			'De zaal is bezet.'
		);
		expect(moved.ok).toBe(true);
		const oneOff = (moved as { value: string }).value;
		const regs = await sql<{ activity_id: string; occurs_on: string }>(
			`select activity_id, occurs_on::text from public.activity_registrations
			 where user_id in ('${people[0]!.id}', '${people[1]!.id}')`
		);
		expect(regs).toEqual([
			{ activity_id: oneOff, occurs_on: newDay },
			{ activity_id: oneOff, occurs_on: newDay }
		]);
		for (const p of people) {
			const mails = await sql<{ kind: string; payload: Record<string, string> }>(
				`select kind, payload from public.notification_outbox where recipient_id = '${p.id}'`
			);
			expect(mails).toEqual([
				{
					kind: 'activity_moved',
					payload: expect.objectContaining({
						activity_id: oneOff,
						occurs_on: week,
						reason: 'De zaal is bezet.'
					})
				}
			]);
		}
		// The activity page shows the week as moved, with the new time.
		const page = await getActivity(asRequest(people[0]!.client), activityId, 12);
		const skipped = page?.upcoming.find((o) => o.occursOn === week);
		expect(skipped?.cancelled).toBe(true);
		expect(skipped?.cancelReason).toMatch(/^Verplaatst naar .*14:00.*De zaal is bezet\.$/);
		// The moved week cannot be put back (its registrations are at the new time) nor moved twice.
		const back = await board.client.rpc('skip_activity_date', {
			p_activity_id: activityId,
			p_occurs_on: week,
			p_skip: false
		});
		expect(back.status).toBe(409);
		expect(back.error?.message).toMatch(/occurrence_moved/);
		expect((await move(board)).error?.message).toMatch(/occurrence_not_found/);
	});
});
