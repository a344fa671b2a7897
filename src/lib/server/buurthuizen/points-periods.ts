// Closed points periods (issue 16.9): the municipality closes a period once it is over; its
// points are frozen occurrence by occurrence and nothing in it changes any more (the SQL in
// 44_buurthuizen_points.sql refuses changes and the report reads the frozen points).
import { z } from 'zod';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { activityErrorMessage } from './errors';

const periods = fromRow(
	z.array(
		z.object({
			id: z.uuid(),
			periodStart: z.string(),
			periodEnd: z.string(),
			closedAt: z.string(),
			closedByName: z.string().nullable(),
			points: z.number().int()
		})
	)
);
export type ClosedPeriod = z.infer<typeof periods>[number];

export async function loadClosedPeriods(supabase: RequestClient): Promise<ClosedPeriod[]> {
	const { data, error } = await supabase.rpc('points_periods_page');
	if (error) throw new Error(`points_periods_page: ${error.code} ${error.message}`);
	return periods.parse(data);
}

/** Closes the period (local dates, inclusive); its id. */
export async function closePointsPeriod(
	supabase: RequestClient,
	from: string,
	to: string
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('close_points_period', { p_start: from, p_end: to });
	return error || !data ? refused(activityErrorMessage(error)) : ok(data);
}
