// Points for the ondersteuningsregeling: the wijken's social goals (save_social_goal, municipality
// admins only) and the report per buurthuis per period (points_report) with its CSV.
import { z } from 'zod';
import type { SocialGoalForm } from '#lib/schemas/buurthuizen/points';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { activityErrorMessage } from './errors';

export interface SocialGoal {
	id: string;
	districtId: string;
	districtName: string;
	title: string;
	description: string;
	points: number;
	active: boolean;
}

export async function listSocialGoals(
	supabase: RequestClient,
	municipalityId: string
): Promise<SocialGoal[]> {
	const { data, error } = await supabase
		.from('social_goals')
		.select('id, district_id, title, description, points, active, districts (name)')
		.eq('municipality_id', municipalityId)
		.order('title');
	if (error) throw new Error(`listSocialGoals: ${error.code} ${error.message}`);
	return data
		.map((g) => ({
			id: g.id,
			districtId: g.district_id,
			districtName: g.districts.name,
			title: g.title,
			description: g.description,
			points: g.points,
			active: g.active
		}))
		.sort((a, b) => a.districtName.localeCompare(b.districtName, 'nl'));
}

/** Creates a goal (goalId null) or changes one; the goal's id. */
export async function saveSocialGoal(
	supabase: RequestClient,
	goalId: string | null,
	form: SocialGoalForm
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('save_social_goal', {
		p_goal_id: goalId as string,
		p_district_id: form.districtId,
		p_title: form.title,
		p_description: form.description,
		p_points: form.points,
		p_active: form.active
	});
	if (error || !data) return refused(activityErrorMessage(error));
	return ok(data);
}

const reportRow = fromRow(
	z.object({
		centreId: z.uuid(),
		centreSlug: z.string(),
		centreName: z.string(),
		districtName: z.string(),
		activityId: z.uuid(),
		activityTitle: z.string(),
		socialGoalTitle: z.string(),
		pointsPerOccurrence: z.number().int(),
		occurrences: z.number().int(),
		points: z.number().int()
	})
);

export type PointsLine = z.infer<typeof reportRow>;

export interface CentrePoints {
	centreId: string;
	centreName: string;
	districtName: string;
	activities: number;
	occurrences: number;
	points: number;
	lines: PointsLine[];
}

/** Per buurthuis (with points), the activities serving a goal in the period (inclusive dates). */
export async function loadPointsReport(
	supabase: RequestClient,
	from: string,
	to: string
): Promise<CentrePoints[]> {
	const { data, error } = await supabase.rpc('points_report', { p_from: from, p_to: to });
	if (error) throw new Error(`points_report: ${error.code} ${error.message}`);
	const byCentre = new Map<string, CentrePoints>();
	for (const raw of data ?? []) {
		const line = reportRow.parse(raw);
		const centre = byCentre.get(line.centreId) ?? {
			centreId: line.centreId,
			centreName: line.centreName,
			districtName: line.districtName,
			activities: 0,
			occurrences: 0,
			points: 0,
			lines: []
		};
		centre.activities += 1;
		centre.occurrences += line.occurrences;
		centre.points += line.points;
		centre.lines.push(line);
		byCentre.set(line.centreId, centre);
	}
	return [...byCentre.values()];
}

/** A cell that a spreadsheet cannot take for a formula, quoted for CSV. */
function cell(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The report as CSV for a spreadsheet (semicolons, as Dutch Excel expects): one line per
 * buurthuis with its total, then one line per activity.
 */
export function pointsCsv(report: CentrePoints[], from: string, to: string): string {
	const rows: (string | number)[][] = [
		['Periode', `${from} t/m ${to}`],
		[],
		['Buurthuis', 'Wijk', 'Activiteiten', 'Aantal keer', 'Punten'],
		...report.map((c) => [c.centreName, c.districtName, c.activities, c.occurrences, c.points]),
		[],
		[
			'Buurthuis',
			'Activiteit',
			'Maatschappelijke opgave',
			'Punten per keer',
			'Aantal keer',
			'Punten'
		],
		...report.flatMap((c) =>
			c.lines.map((l) => [
				c.centreName,
				l.activityTitle,
				l.socialGoalTitle,
				l.pointsPerOccurrence,
				l.occurrences,
				l.points
			])
		)
	];
	return `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
