// Factories for Buurthuizen: board members of a centre, social goals, activities.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { fromAmsterdam } from '../../src/lib/buurthuizen/dates.ts';
import { dayFromNow } from './days.ts';
import { createUser, grantRole, sql, ZAANSTAD_ID, type TestUser } from './factories.ts';

type Client = SupabaseClient<Database>;

export interface CentreRef {
	id: string;
	slug: string;
	districtId: string;
}

export async function centre(slug: string): Promise<CentreRef> {
	const [row] = await sql<{ id: string; district_id: string }>(
		`select id, district_id from public.community_centres
		 where slug = '${slug}' and municipality_id = '${ZAANSTAD_ID}'`
	);
	if (!row) throw new Error(`no community centre ${slug}`);
	return { id: row.id, slug, districtId: row.district_id };
}

export async function createBoardMember(centreSlug: string, label = 'bestuur'): Promise<TestUser> {
	const user = await createUser({ label });
	await grantRole(user.id, 'board_member', { communityCentreId: (await centre(centreSlug)).id });
	return user;
}

/** A social goal of the centre's wijk, made as maintenance. */
export async function createSocialGoal(
	districtId: string,
	points = 5,
	title = 'Eenzaamheid'
): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`insert into public.social_goals (municipality_id, district_id, title, points)
		 values ('${ZAANSTAD_ID}', '${districtId}', '${title}', ${points}) returning id`
	);
	return row?.id as string;
}

export { dayFromNow };

export interface ActivityOptions {
	title?: string;
	category?: Database['public']['Enums']['activity_category'];
	audience?: Database['public']['Enums']['activity_audience'];
	/** Amsterdam date and times of the first occurrence. */
	on?: string;
	from?: string;
	until?: string;
	weeklyUntil?: string | null;
	costCents?: number;
	maxParticipants?: number | null;
	needsRegistration?: boolean;
	socialGoalId?: string | null;
	published?: boolean;
}

/** Posts an activity as the board member `board`; returns its id. */
export async function postActivity(
	board: Client,
	centreId: string,
	opts: ActivityOptions = {}
): Promise<string> {
	const on = opts.on ?? dayFromNow(3);
	const weekly = opts.weeklyUntil ?? null;
	const { data, error } = await board.rpc('create_activity', {
		p_centre_id: centreId,
		p_title: opts.title ?? 'Koffieochtend',
		p_description: 'Samen koffie drinken en bijpraten.',
		p_category: opts.category ?? 'koffieochtend',
		p_audience: opts.audience ?? 'everyone',
		p_starts_at: fromAmsterdam(on, opts.from ?? '10:00').toISOString(),
		p_ends_at: fromAmsterdam(on, opts.until ?? '12:00').toISOString(),
		p_recurrence: weekly ? 'weekly' : 'once',
		p_repeat_until: weekly as string,
		p_cost_cents: opts.costCents ?? 0,
		p_needs_registration: opts.needsRegistration ?? opts.maxParticipants != null,
		p_max_participants: (opts.maxParticipants ?? null) as number,
		p_social_goal_id: (opts.socialGoalId ?? null) as string,
		p_published: opts.published ?? true
	});
	if (error || !data) throw error ?? new Error('create_activity returned nothing');
	return data;
}
