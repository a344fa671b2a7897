// Points for the ondersteuningsregeling: a municipality admin defines a wijk's social goal; the
// report counts each held occurrence of an activity serving it (skipped weeks and cancelled
// activities do not count); nobody but an admin defines goals or reads the report.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import { loadPointsReport, saveSocialGoal } from '../../../src/lib/server/buurthuizen/points.ts';
import { anonClient, createUser, grantRole, type TestUser } from '../../support/factories.ts';
import {
	centre,
	createBoardMember,
	postActivity,
	type CentreRef
} from '../../support/buurthuizen-factories.ts';

const asRequest = (c: unknown) => c as RequestClient;

let admin: TestUser;
let board: TestUser;
let lorzie: CentreRef;
let goalId: string;
let weeklyId: string;

beforeAll(async () => {
	admin = await createUser({ label: 'beheerder' });
	await grantRole(admin.id, 'municipality_admin');
	board = await createBoardMember('de-lorzie');
	lorzie = await centre('de-lorzie');
	const saved = await saveSocialGoal(asRequest(admin.client), null, {
		districtId: lorzie.districtId,
		title: 'Minder eenzaamheid onder ouderen',
		description: '',
		points: 5,
		active: true
	});
	if (!saved.ok) throw new Error(saved.problem);
	goalId = saved.value;
	// Mondays 3 January to 24 January 2028: four weeks, one skipped.
	weeklyId = await postActivity(board.client, lorzie.id, {
		title: 'Soos voor ouderen',
		category: 'ouderen',
		on: '2028-01-03',
		weeklyUntil: '2028-01-24',
		socialGoalId: goalId
	});
	await board.client.rpc('skip_activity_date', {
		p_activity_id: weeklyId,
		p_occurs_on: '2028-01-10'
	});
	const cancelled = await postActivity(board.client, lorzie.id, {
		title: 'Geannuleerde soos',
		on: '2028-01-05',
		socialGoalId: goalId
	});
	await board.client.rpc('cancel_activity', { p_activity_id: cancelled, p_reason: 'Ziek' });
});

describe('points', () => {
	it('counts held occurrences times the goal points, per buurthuis', async () => {
		const report = await loadPointsReport(asRequest(admin.client), '2028-01-01', '2028-01-31');
		const mine = report.find((c) => c.centreId === lorzie.id);
		const line = mine?.lines.find((l) => l.activityId === weeklyId);
		expect(line).toMatchObject({ occurrences: 3, pointsPerOccurrence: 5, points: 15 });
		expect(mine?.lines.some((l) => l.activityTitle === 'Geannuleerde soos')).toBe(false);
		const january = await loadPointsReport(asRequest(admin.client), '2028-01-01', '2028-01-09');
		expect(
			january.find((c) => c.centreId === lorzie.id)?.lines.find((l) => l.activityId === weeklyId)
		).toMatchObject({ occurrences: 1, points: 5 });
	});

	it('is for municipality admins only, and only they define goals', async () => {
		for (const client of [board.client, anonClient()]) {
			await expect(
				loadPointsReport(asRequest(client), '2028-01-01', '2028-01-31')
			).rejects.toThrow();
			const saved = await saveSocialGoal(asRequest(client), goalId, {
				districtId: lorzie.districtId,
				title: 'Overgenomen',
				description: '',
				points: 100,
				active: true
			});
			expect(saved.ok).toBe(false);
			const direct = await client
				.from('social_goals')
				.update({ points: 100 })
				.eq('id', goalId)
				.select('id');
			expect(direct.data ?? []).toEqual([]);
		}
		const { data } = await anonClient().from('social_goals').select('points').eq('id', goalId);
		expect(data?.[0]?.points).toBe(5);
	});

	it('lets a board member pick only a goal of the own wijk', async () => {
		const a3 = await centre('a3');
		const other = await saveSocialGoal(asRequest(admin.client), null, {
			districtId: a3.districtId,
			title: 'Taal in Assendelft',
			description: '',
			points: 3,
			active: true
		});
		if (!other.ok) throw new Error(other.problem);
		await expect(
			postActivity(board.client, lorzie.id, { socialGoalId: other.value })
		).rejects.toMatchObject({ message: expect.stringContaining('social_goal_not_found') });
	});
});
