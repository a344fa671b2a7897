// Activities on one scenario: a weekly series across the daylight-saving change of 2027-03-28
// expands to Amsterdam wall-clock 10:00 every week, a skipped week is left out, a cancelled
// activity stays visible marked as cancelled, filters narrow the list, and only the centre's
// board may change its activities. Anonymous visitors see published activities only and never
// who registered.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import { getActivity, listOccurrences } from '../../../src/lib/server/buurthuizen/activities.ts';
import { anonClient, createUser, type TestUser } from '../../support/factories.ts';
import {
	centre,
	createBoardMember,
	postActivity,
	type CentreRef
} from '../../support/buurthuizen-factories.ts';
import { fromAmsterdam } from '../../../src/lib/buurthuizen/dates.ts';

const asRequest = (c: unknown) => c as RequestClient;

let lorzie: CentreRef;
let a3: CentreRef;
let board: TestUser;
let otherBoard: TestUser;
let resident: TestUser;
let weeklyId: string;
let cancelledId: string;
let draftId: string;

const window = { from: fromAmsterdam('2027-03-15'), to: fromAmsterdam('2027-04-19') };

beforeAll(async () => {
	lorzie = await centre('de-lorzie');
	a3 = await centre('a3');
	board = await createBoardMember('de-lorzie');
	otherBoard = await createBoardMember('a3');
	resident = await createUser({ label: 'inwoner' });
	// Tuesdays 10:00-12:00 from 16 March to 13 April 2027; the clocks go forward on 28 March.
	weeklyId = await postActivity(board.client, lorzie.id, {
		title: 'Taalcafé over de zomertijd',
		category: 'taal',
		on: '2027-03-16',
		weeklyUntil: '2027-04-13',
		costCents: 0
	});
	cancelledId = await postActivity(board.client, lorzie.id, {
		title: 'Schilderles met kosten',
		category: 'cultuur',
		on: '2027-03-18',
		costCents: 250
	});
	draftId = await postActivity(board.client, lorzie.id, {
		title: 'Nog niet gepubliceerd',
		on: '2027-03-19',
		published: false
	});
	const skip = await board.client.rpc('skip_activity_date', {
		p_activity_id: weeklyId,
		p_occurs_on: '2027-03-30'
	});
	expect(skip.error).toBeNull();
	const cancel = await board.client.rpc('cancel_activity', {
		p_activity_id: cancelledId,
		p_reason: 'De docent is ziek.'
	});
	expect(cancel.error).toBeNull();
});

describe('occurrences', () => {
	it('repeats at 10:00 Amsterdam time across the DST change, without the skipped week', async () => {
		const list = await listOccurrences(asRequest(anonClient()), {
			...window,
			centreId: lorzie.id,
			category: 'taal'
		});
		const mine = list.filter((o) => o.activityId === weeklyId);
		expect(mine.map((o) => o.startsAt)).toEqual([
			'2027-03-16T10:00:00+01:00',
			'2027-03-23T10:00:00+01:00',
			'2027-04-06T10:00:00+02:00',
			'2027-04-13T10:00:00+02:00'
		]);
		expect(mine.map((o) => o.occursOn)).toEqual([
			'2027-03-16',
			'2027-03-23',
			'2027-04-06',
			'2027-04-13'
		]);
		expect(mine[2]?.endsAt).toBe('2027-04-06T12:00:00+02:00');
		expect(mine[0]).toMatchObject({ centreSlug: 'de-lorzie', districtId: lorzie.districtId });
	});

	it('keeps a cancelled activity, marked, and leaves out unpublished ones', async () => {
		const list = await listOccurrences(asRequest(anonClient()), { ...window, centreId: lorzie.id });
		const cancelled = list.find((o) => o.activityId === cancelledId);
		expect(cancelled).toMatchObject({ cancelled: true, cancelReason: 'De docent is ziek.' });
		expect(list.some((o) => o.activityId === draftId)).toBe(false);
		expect(list.some((o) => o.activityId === weeklyId && !o.cancelled)).toBe(true);
	});

	it('filters by free entry, wijk and a period inside the series', async () => {
		const free = await listOccurrences(asRequest(anonClient()), {
			...window,
			centreId: lorzie.id,
			freeOnly: true
		});
		expect(free.some((o) => o.activityId === cancelledId)).toBe(false);
		expect(free.some((o) => o.activityId === weeklyId)).toBe(true);
		const elsewhere = await listOccurrences(asRequest(anonClient()), {
			...window,
			districtId: a3.districtId
		});
		expect(elsewhere.some((o) => o.activityId === weeklyId)).toBe(false);
		const oneWeek = await listOccurrences(asRequest(anonClient()), {
			from: fromAmsterdam('2027-04-05'),
			to: fromAmsterdam('2027-04-12'),
			activityId: weeklyId
		});
		expect(oneWeek.map((o) => o.occursOn)).toEqual(['2027-04-06']);
	});

	it('shows an activity to anyone, and an unpublished one only to its board', async () => {
		const page = await getActivity(asRequest(anonClient()), weeklyId, 12, new Date('2027-03-01'));
		expect(page).toMatchObject({ title: 'Taalcafé over de zomertijd', recurrence: 'weekly' });
		expect(page?.skippedDates).toEqual(['2027-03-30']);
		// Four dates go ahead; the skipped week is listed as not going ahead (issue 16.4).
		expect(page?.upcoming).toHaveLength(5);
		expect(page?.upcoming.filter((o) => o.cancelled).map((o) => o.occursOn)).toEqual([
			'2027-03-30'
		]);
		expect(page?.canManage).toBe(false);
		expect(await getActivity(asRequest(anonClient()), draftId)).toBeNull();
		expect(await getActivity(asRequest(otherBoard.client), draftId)).toBeNull();
		expect((await getActivity(asRequest(board.client), draftId))?.canManage).toBe(true);
	});
});

describe('who may change activities', () => {
	it('refuses the board of another centre, a resident and an anonymous visitor', async () => {
		for (const client of [otherBoard.client, resident.client, anonClient()]) {
			const update = await client.rpc('cancel_activity', {
				p_activity_id: weeklyId,
				p_reason: 'x'
			});
			expect(update.error).not.toBeNull();
			const skip = await client.rpc('skip_activity_date', {
				p_activity_id: weeklyId,
				p_occurs_on: '2027-04-06'
			});
			expect(skip.error).not.toBeNull();
			const copy = await client.rpc('copy_activity', { p_activity_id: weeklyId });
			expect(copy.error).not.toBeNull();
			await expect(postActivity(client, lorzie.id)).rejects.toBeTruthy();
		}
		const page = await getActivity(asRequest(anonClient()), weeklyId, 12, new Date('2027-03-01'));
		expect(page?.cancelled).toBe(false);
		expect(page?.skippedDates).toEqual(['2027-03-30']);
	});

	it('lets its own board copy and change it; direct table writes do nothing', async () => {
		const copy = await board.client.rpc('copy_activity', {
			p_activity_id: cancelledId,
			p_starts_on: '2027-03-25'
		});
		expect(copy.error).toBeNull();
		const copied = await getActivity(asRequest(anonClient()), copy.data as string);
		expect(copied).toMatchObject({ title: 'Schilderles met kosten', cancelled: false });
		expect(copied?.startsAt).toBe('2027-03-25T10:00:00+01:00');

		const direct = await otherBoard.client
			.from('activities')
			.update({ title: 'Overgenomen' })
			.eq('id', weeklyId)
			.select('id');
		expect(direct.data ?? []).toEqual([]);
		const insert = await board.client.from('activities').insert({
			municipality_id: '00000000-0000-4000-8000-000000000001',
			community_centre_id: a3.id,
			district_id: a3.districtId,
			title: 'Ingeschoven',
			category: 'overig',
			starts_at: '2027-03-16T09:00:00Z',
			ends_at: '2027-03-16T10:00:00Z',
			series_ends_at: '2027-03-16T10:00:00Z'
		});
		expect(insert.error).not.toBeNull();
	});
});
