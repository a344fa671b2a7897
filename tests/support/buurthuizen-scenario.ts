// One row in every Buurthuizen table, from a real flow: a board member of De Lorzie posts a weekly
// activity serving a social goal, skips a week, and a resident registers. Used by the access
// matrix, which walks every table as strangers and as each role.
import type { ScenarioRow } from './buurthulp-scenario.ts';
import { createUser, sql, ZAANSTAD_ID, type TestUser } from './factories.ts';
import {
	centre,
	createBoardMember,
	createSocialGoal,
	dayFromNow,
	postActivity
} from './buurthuizen-factories.ts';

export interface BuurthuizenScenario {
	board: TestUser;
	resident: TestUser;
	activityId: string;
	occursOn: string;
	rows: ScenarioRow[];
}

export async function buurthuizenScenario(): Promise<BuurthuizenScenario> {
	const lorzie = await centre('de-lorzie');
	const board = await createBoardMember('de-lorzie');
	const resident = await createUser({ label: 'deelnemer' });
	const goalId = await createSocialGoal(lorzie.districtId);
	const first = dayFromNow(7);
	const activityId = await postActivity(board.client, lorzie.id, {
		title: 'Samen bewegen',
		category: 'bewegen',
		on: first,
		weeklyUntil: dayFromNow(70),
		maxParticipants: 10,
		socialGoalId: goalId
	});
	const skipped = dayFromNow(14);
	const skip = await board.client.rpc('skip_activity_date', {
		p_activity_id: activityId,
		p_occurs_on: skipped
	});
	if (skip.error) throw skip.error;
	const reg = await resident.client.rpc('register_for_activity', {
		p_activity_id: activityId,
		p_occurs_on: first
	});
	if (reg.error) throw reg.error;
	const { data: registration } = await resident.client
		.from('activity_registrations')
		.select('id')
		.eq('activity_id', activityId)
		.single();
	const { data: exception } = await board.client
		.from('activity_exceptions')
		.select('id')
		.eq('activity_id', activityId)
		.single();
	// A closed points period with one frozen occurrence, as maintenance (close_points_period only
	// closes periods that are over, and its tests make their own).
	const [period] = await sql<{ id: string }>(
		`insert into public.points_periods (municipality_id, period_start, period_end)
		 values ('${ZAANSTAD_ID}', '1990-01-01', '1990-03-31') returning id`
	);
	const [frozen] = await sql<{ id: string }>(
		`insert into public.points_period_occurrences (municipality_id, period_id, activity_id, occurs_on, social_goal_title, points)
		 values ('${ZAANSTAD_ID}', '${period?.id}', '${activityId}', '1990-01-08', 'Eenzaamheid', 5) returning id`
	);
	const rows: ScenarioRow[] = [
		{ table: 'social_goals', key: 'id', id: goalId, reader: resident.client },
		{ table: 'activities', key: 'id', id: activityId, reader: resident.client },
		{ table: 'activity_exceptions', key: 'id', id: exception?.id as string, reader: board.client },
		{
			table: 'activity_registrations',
			key: 'id',
			id: registration?.id as string,
			reader: resident.client
		},
		{
			table: 'activity_occurrence_counts',
			key: 'activity_id',
			id: activityId,
			reader: resident.client
		},
		{ table: 'points_periods', key: 'id', id: period?.id as string, reader: board.client },
		{
			table: 'points_period_occurrences',
			key: 'id',
			id: frozen?.id as string,
			reader: board.client
		}
	];
	return { board, resident, activityId, occursOn: first, rows };
}
