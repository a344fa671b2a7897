// Issue 16.2, 16.4, 16.5 and 16.9: an activity cannot start in the past, a series that has begun
// keeps its past, a maximum needs registration, a skipped week keeps its reason, and points count
// only for occurrences that existed before their date; a closed period's points never change.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../../src/lib/database.types.ts';
import { fromAmsterdam } from '../../../src/lib/buurthuizen/dates.ts';
import { getActivity } from '../../../src/lib/server/buurthuizen/activities.ts';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import { createUser, grantRole, sql, ZAANSTAD_ID, type TestUser } from '../../support/factories.ts';
import {
	centre,
	createBoardMember,
	createSocialGoal,
	dayFromNow,
	postActivity,
	type CentreRef
} from '../../support/buurthuizen-factories.ts';

type Client = SupabaseClient<Database>;

let board: TestUser;
let admin: TestUser;
let hembrug: CentreRef;
let goalId: string;

const activityArgs = (on: string, extra: Record<string, unknown> = {}) => ({
	p_title: 'Breicafé',
	p_description: '',
	p_category: 'cultuur' as const,
	p_audience: 'everyone' as const,
	p_starts_at: fromAmsterdam(on, '14:00').toISOString(),
	p_ends_at: fromAmsterdam(on, '16:00').toISOString(),
	p_recurrence: 'once',
	p_repeat_until: null as unknown as string,
	p_cost_cents: 0,
	p_needs_registration: false,
	p_max_participants: null as unknown as number,
	p_social_goal_id: null as unknown as string,
	p_published: true,
	...extra
});

/** The HTTP status and message of a call through the Data API. */
async function call(client: Client, fn: string, body: Record<string, unknown>) {
	const token = (await client.auth.getSession()).data.session?.access_token;
	const res = await fetch(`${inject('supabaseUrl')}/rest/v1/rpc/${fn}`, {
		method: 'POST',
		headers: {
			apikey: inject('publishableKey'),
			authorization: `Bearer ${token}`,
			'content-type': 'application/json'
		},
		body: JSON.stringify(body)
	});
	const text = await res.text();
	const json = (text ? JSON.parse(text) : null) as { message?: string } | string | null;
	return {
		status: res.status,
		message: json && typeof json === 'object' ? json.message : undefined
	};
}

/**
 * A weekly activity serving the goal, starting on `startedOn`, as it would stand had it been
 * posted at `createdAt`: maintenance, since the API no longer posts the past.
 */
async function pastSeries(startedOn: string, until: string, createdAt: string, title: string) {
	const [row] = await sql<{ id: string }>(
		`insert into public.activities (municipality_id, community_centre_id, district_id, title, category,
			recurrence, starts_at, ends_at, repeat_until, series_ends_at, social_goal_id, created_at)
		 values ('${ZAANSTAD_ID}', '${hembrug.id}', '${hembrug.districtId}', '${title}', 'ouderen', 'weekly',
			'${fromAmsterdam(startedOn, '10:00').toISOString()}', '${fromAmsterdam(startedOn, '12:00').toISOString()}',
			'${until}', now(), '${goalId}', '${createdAt}')
		 returning id`
	);
	return row?.id as string;
}

const linesFor = async (from: string, to: string, activityId: string) => {
	const { data, error } = await admin.client.rpc('points_report', { p_from: from, p_to: to });
	if (error) throw error;
	return (data ?? []).filter((l) => l.activity_id === activityId);
};

beforeAll(async () => {
	hembrug = await centre('het-hembrug-demo');
	board = await createBoardMember('het-hembrug-demo', 'bestuur-verleden');
	admin = await createUser({ label: 'beheer-punten' });
	await grantRole(admin.id, 'municipality_admin');
	goalId = await createSocialGoal(hembrug.districtId, 4, 'Ontmoeting');
});

describe('the past', () => {
	it('a new activity, a changed date and a copy cannot start before today (400)', async () => {
		const yesterday = dayFromNow(-1);
		const created = await call(board.client, 'create_activity', {
			p_centre_id: hembrug.id,
			...activityArgs(yesterday)
		});
		expect(created).toEqual({ status: 400, message: 'starts_in_past' });
		// A weekly series "from a year ago" is the backdating attack of 16.9.
		const series = await call(board.client, 'create_activity', {
			p_centre_id: hembrug.id,
			...activityArgs(dayFromNow(-365), { p_recurrence: 'weekly', p_repeat_until: dayFromNow(30) })
		});
		expect(series.status).toBe(400);

		const upcoming = await postActivity(board.client, hembrug.id, { on: dayFromNow(5) });
		const moved = await call(board.client, 'update_activity', {
			p_activity_id: upcoming,
			...activityArgs(yesterday)
		});
		expect(moved).toEqual({ status: 400, message: 'starts_in_past' });
		const copied = await call(board.client, 'copy_activity', {
			p_activity_id: upcoming,
			p_starts_on: yesterday
		});
		expect(copied).toEqual({ status: 400, message: 'starts_in_past' });
		// From today on is fine.
		const today = await call(board.client, 'create_activity', {
			p_centre_id: hembrug.id,
			...activityArgs(dayFromNow(1))
		});
		expect(today.status).toBe(200);
	});

	it('a series that has begun keeps its first date and recurrence; only what is to come changes', async () => {
		const started = dayFromNow(-21);
		const id = await pastSeries(
			started,
			dayFromNow(60),
			new Date(Date.now() - 30 * 86_400_000).toISOString(),
			'Soos'
		);
		const base = activityArgs(started, {
			p_title: 'Soos',
			p_category: 'ouderen',
			p_recurrence: 'weekly',
			p_repeat_until: dayFromNow(60),
			p_social_goal_id: goalId,
			p_starts_at: fromAmsterdam(started, '10:00').toISOString(),
			p_ends_at: fromAmsterdam(started, '12:00').toISOString()
		});
		const retitled = await call(board.client, 'update_activity', {
			p_activity_id: id,
			...base,
			p_title: 'Soos voor iedereen',
			p_repeat_until: dayFromNow(90)
		});
		expect(retitled.status).toBeLessThan(300);
		for (const change of [
			{
				p_starts_at: fromAmsterdam(dayFromNow(-28), '10:00').toISOString(),
				p_ends_at: fromAmsterdam(dayFromNow(-28), '12:00').toISOString()
			},
			{ p_recurrence: 'once', p_repeat_until: null },
			{ p_repeat_until: dayFromNow(-2) }
		]) {
			const refused = await call(board.client, 'update_activity', {
				p_activity_id: id,
				...base,
				p_repeat_until: dayFromNow(90),
				...change
			});
			expect(refused, JSON.stringify(change)).toEqual({ status: 409, message: 'series_started' });
		}
	});

	it('a maximum without "aanmelden is nodig" is refused, not dropped (16.5)', async () => {
		const refused = await call(board.client, 'create_activity', {
			p_centre_id: hembrug.id,
			...activityArgs(dayFromNow(4), { p_max_participants: 20, p_needs_registration: false })
		});
		expect(refused).toEqual({ status: 400, message: 'max_without_registration' });
	});
});

describe('a skipped week (16.4)', () => {
	it('stays on the activity page as "gaat niet door" with the reason', async () => {
		const first = dayFromNow(2);
		const id = await postActivity(board.client, hembrug.id, {
			title: 'Zangkoor',
			on: first,
			weeklyUntil: dayFromNow(60)
		});
		const skipped = dayFromNow(9);
		const { error } = await board.client.rpc('skip_activity_date', {
			p_activity_id: id,
			p_occurs_on: skipped,
			p_reason: 'De zaal wordt geverfd.'
		});
		expect(error).toBeNull();
		const page = await getActivity(board.client as unknown as RequestClient, id);
		const week = page?.upcoming.find((o) => o.occursOn === skipped);
		expect(week).toMatchObject({ cancelled: true, cancelReason: 'De zaal wordt geverfd.' });
		expect(page?.upcoming.find((o) => o.occursOn === first)?.cancelled).toBe(false);
	});
});

describe('points (16.9)', () => {
	it('count only occurrences that existed before their date', async () => {
		// Posted today, "starting" 10 weeks ago (as the attack would, were the API to allow it):
		// none of its past weeks earn points.
		const backdated = await pastSeries(
			dayFromNow(-70),
			dayFromNow(-1),
			new Date().toISOString(),
			'Teruggedateerd'
		);
		expect(await linesFor(dayFromNow(-80), dayFromNow(-1), backdated)).toEqual([]);
		// Posted 11 weeks ago: its 10 weekly occurrences count.
		const honest = await pastSeries(
			dayFromNow(-70),
			dayFromNow(-1),
			new Date(Date.now() - 77 * 86_400_000).toISOString(),
			'Op tijd geplaatst'
		);
		const [line] = await linesFor(dayFromNow(-80), dayFromNow(-1), honest);
		expect(line).toMatchObject({ occurrences: 10, points_per_occurrence: 4, points: 40 });
	});

	it('a closed period keeps its points whatever changes afterwards, and its dates stay as they are', async () => {
		const id = await pastSeries('2001-01-01', '2001-03-26', '2000-12-01T00:00:00Z', 'Oude soos');
		const before = await linesFor('2001-01-01', '2001-03-31', id);
		expect(before[0]).toMatchObject({ occurrences: 13, points: 52 });

		const closed = await admin.client.rpc('close_points_period', {
			p_start: '2001-01-01',
			p_end: '2001-03-31'
		});
		expect(closed.error).toBeNull();
		// Afterwards: the goal is worth more, the activity is cancelled, a week is skipped behind
		// the API's back. The closed period's report does not move.
		await sql(`update public.social_goals set points = 10 where id = '${goalId}'`);
		await sql(
			`update public.activities set cancelled_at = '2001-02-01T00:00:00Z' where id = '${id}';
			 insert into public.activity_exceptions (municipality_id, activity_id, occurs_on)
			 values ('${ZAANSTAD_ID}', '${id}', '2001-01-08')`
		);
		expect(await linesFor('2001-01-01', '2001-03-31', id)).toEqual(before);
		await sql(`update public.social_goals set points = 4 where id = '${goalId}'`);

		// The board cannot skip or restore a date in it.
		const skip = await call(board.client, 'skip_activity_date', {
			p_activity_id: id,
			p_occurs_on: '2001-01-15'
		});
		expect(skip).toEqual({ status: 409, message: 'period_closed' });
		// Periods do not overlap, and only a period that is over closes.
		const overlap = await call(admin.client, 'close_points_period', {
			p_start: '2001-03-01',
			p_end: '2001-04-30'
		});
		expect(overlap).toEqual({ status: 409, message: 'period_overlaps' });
		const notOver = await call(admin.client, 'close_points_period', {
			p_start: dayFromNow(-10),
			p_end: dayFromNow(0)
		});
		expect(notOver).toEqual({ status: 409, message: 'period_not_over' });
		const byBoard = await call(board.client, 'close_points_period', {
			p_start: '2002-01-01',
			p_end: '2002-01-31'
		});
		expect(byBoard.status).toBe(403);
		// Who closed it is logged.
		const [logged] = await sql<{ actor_id: string }>(
			`select actor_id from public.audit_log where entity_id = '${closed.data}' and action = 'buurthuizen.points_period_closed'`
		);
		expect(logged?.actor_id).toBe(admin.id);
	});
});
