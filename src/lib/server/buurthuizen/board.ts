// The board's pages: a centre's activities (centre_board_page) and one activity with who
// registered (activity_board_page), plus turning the form into what the SQL functions take.
import { z } from 'zod';
import { activityCategory, activityRecurrence } from '#lib/buurthuizen/enums';
import { amsterdamDate, amsterdamTime, fromAmsterdam } from '#lib/buurthuizen/dates';
import { euroToCents, type ActivityForm } from '#lib/schemas/buurthuizen/activity';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { parseActivityPage, type ActivityPage } from './activities';
import type { ActivityInput } from './activity-writes';

const socialGoal = z.object({ id: z.uuid(), title: z.string(), points: z.number().int() });
export type SocialGoalOption = z.infer<typeof socialGoal>;

const centreBoard = fromRow(
	z.object({
		centre: z.object({
			id: z.uuid(),
			slug: z.string(),
			name: z.string(),
			/** Archived by the municipality admin: the board reads, but adds and changes nothing. */
			archived: z.boolean()
		}),
		activities: z.array(
			z.object({
				id: z.uuid(),
				title: z.string(),
				category: activityCategory,
				recurrence: activityRecurrence,
				startsAt: z.string(),
				endsAt: z.string(),
				repeatUntil: z.string().nullable(),
				seriesEndsAt: z.string(),
				published: z.boolean(),
				cancelled: z.boolean(),
				needsRegistration: z.boolean(),
				maxParticipants: z.number().int().nullable(),
				upcomingRegistrations: z.number().int()
			})
		),
		socialGoals: z.array(socialGoal)
	})
);

export type CentreBoard = z.infer<typeof centreBoard>;

/** Null for anyone not on the centre's board (a 404). */
export async function loadCentreBoard(
	supabase: RequestClient,
	centreId: string
): Promise<CentreBoard | null> {
	const { data, error } = await supabase.rpc('centre_board_page', { p_centre_id: centreId });
	if (error) throw new Error(`centre_board_page: ${error.code} ${error.message}`);
	return data === null ? null : centreBoard.parse(data);
}

/** A week moved to another date or time: the one-off that took its place. */
const movedTo = z.object({ id: z.uuid(), startsAt: z.string(), endsAt: z.string() });
export type MovedTo = z.infer<typeof movedTo>;

const activityBoard = fromRow(
	z.object({
		activity: z.unknown(),
		centreArchived: z.boolean(),
		namesOn: z.string().nullable(),
		registrations: z.array(
			z.object({ occursOn: z.string(), count: z.number().int(), names: z.array(z.string()) })
		),
		dates: z.array(
			z.object({
				occursOn: z.string(),
				skipped: z.boolean(),
				registeredCount: z.number().int(),
				movedTo: movedTo.nullable().default(null)
			})
		),
		socialGoals: z.array(socialGoal)
	})
);

export interface ActivityBoard {
	activity: ActivityPage;
	/** The buurthuis is archived: the page shows the activity without its forms. */
	centreArchived: boolean;
	/** The one date whose names the page shows (see activity_board_page), or null. */
	namesOn: string | null;
	registrations: { occursOn: string; count: number; names: string[] }[];
	/** The next dates from today, skipped ones marked, moved ones with their one-off. */
	dates: { occursOn: string; skipped: boolean; registeredCount: number; movedTo: MovedTo | null }[];
	socialGoals: SocialGoalOption[];
}

/** Null for anyone not on the activity's board. Names of who registered on `namesOn` (a week's
 * page), else on the next date that is not skipped. */
export async function loadActivityBoard(
	supabase: RequestClient,
	activityId: string,
	namesOn?: string
): Promise<ActivityBoard | null> {
	const { data, error } = await supabase.rpc('activity_board_page', {
		p_activity_id: activityId,
		...(namesOn ? { p_names_on: namesOn } : {})
	});
	if (error) throw new Error(`activity_board_page: ${error.code} ${error.message}`);
	if (data === null) return null;
	const board = activityBoard.parse(data);
	return { ...board, activity: parseActivityPage(board.activity) };
}

/** The form's values as the SQL functions take them (Amsterdam wall-clock to instants). */
export function formToInput(form: ActivityForm): ActivityInput {
	return {
		title: form.title,
		description: form.description,
		category: form.category as ActivityInput['category'],
		audience: form.audience,
		startsAt: fromAmsterdam(form.date, form.startTime),
		endsAt: fromAmsterdam(form.date, form.endTime),
		recurrence: form.recurrence,
		repeatUntil: form.recurrence === 'weekly' ? form.repeatUntil : null,
		costCents: euroToCents(form.cost),
		needsRegistration: form.needsRegistration,
		maxParticipants: form.maxParticipants === '' ? null : Number(form.maxParticipants),
		socialGoalId: form.socialGoalId === '' ? null : form.socialGoalId,
		published: form.published
	};
}

/** An activity as the form's starting values. */
export function activityToForm(a: ActivityPage): ActivityForm {
	return {
		title: a.title,
		description: a.description,
		category: a.category,
		audience: a.audience,
		date: amsterdamDate(a.startsAt),
		startTime: amsterdamTime(a.startsAt),
		endTime: amsterdamTime(a.endsAt),
		recurrence: a.recurrence,
		repeatUntil: a.repeatUntil ?? '',
		cost: a.costCents === 0 ? '' : (a.costCents / 100).toFixed(2).replace('.', ','),
		needsRegistration: a.needsRegistration,
		maxParticipants: a.maxParticipants === null ? '' : String(a.maxParticipants),
		socialGoalId: a.socialGoal?.id ?? '',
		published: a.published
	};
}

/** The buurthuizen whose board the viewer is on, by name. */
export async function listMyCentres(
	supabase: RequestClient,
	centreIds: string[]
): Promise<{ id: string; name: string; archived: boolean }[]> {
	if (centreIds.length === 0) return [];
	const { data, error } = await supabase
		.from('community_centres')
		.select('id, name, archived_at')
		.in('id', centreIds)
		.order('name');
	if (error) throw new Error(`listMyCentres: ${error.code} ${error.message}`);
	return data.map((c) => ({ id: c.id, name: c.name, archived: c.archived_at !== null }));
}
