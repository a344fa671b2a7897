// Factories for Buurthulp: volunteers with a profile, requests, reactions.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { dayFromNow } from './days.ts';
import { createUser, sql, ZAANSTAD_ID, type TestUser } from './factories.ts';

type Client = SupabaseClient<Database>;

export async function districtId(slug: string): Promise<string> {
	const rows = await sql<{ id: string }>(
		`select id from public.districts where slug = '${slug}' and municipality_id = '${ZAANSTAD_ID}'`
	);
	if (!rows[0]) throw new Error(`no district ${slug}`);
	return rows[0].id;
}

export async function createVolunteer(
	opts: {
		label?: string;
		displayName?: string;
		district?: string;
		categories?: string[];
		radiusKm?: number;
		maxActive?: number;
		availabilityMask?: number;
		paused?: boolean;
	} = {}
): Promise<TestUser> {
	const user = await createUser({
		label: opts.label ?? 'vrijwilliger',
		displayName: opts.displayName
	});
	const home = await districtId(opts.district ?? 'wormerveer');
	const { error } = await user.client.from('volunteer_profiles').insert({
		user_id: user.id,
		municipality_id: ZAANSTAD_ID,
		home_district_id: home,
		district_ids: [home],
		categories: opts.categories ?? [],
		radius_km: opts.radiusKm ?? 3,
		max_active_matches: opts.maxActive ?? 3,
		availability_mask: opts.availabilityMask ?? 2097151,
		is_paused: opts.paused ?? false
	});
	if (error) throw error;
	return user;
}

export interface RequestInput {
	category?: string;
	title?: string;
	district?: string;
	startsOn?: string | null;
	dayPart?: 'morning' | 'afternoon' | 'evening' | 'any';
}

/** The Amsterdam day `n` days from today, as the request forms read a date. */
export const isoDate = dayFromNow;

export async function postRequest(client: Client, requesterId: string, input: RequestInput = {}) {
	const district = await districtId(input.district ?? 'wormerveer');
	const [point] = await sql<{ latitude: number; longitude: number }>(
		`select latitude, longitude from public.districts where id = '${district}'`
	);
	const startsOn = input.startsOn === undefined ? isoDate(2) : input.startsOn;
	const { data, error } = await client
		.from('help_requests')
		.insert({
			municipality_id: ZAANSTAD_ID,
			district_id: district,
			requester_id: requesterId,
			created_by: requesterId,
			category: input.category ?? 'groceries',
			title: input.title ?? 'Boodschappen doen bij de Albert Heijn',
			description: 'Ik kan zelf niet goed lopen en heb hulp nodig met de boodschappen.',
			latitude: point?.latitude ?? 52.49,
			longitude: point?.longitude ?? 4.78,
			when_kind: startsOn ? 'date' : 'flexible',
			starts_on: startsOn,
			day_part: input.dayPart ?? 'any',
			duration_minutes: 60
		})
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

export async function react(volunteer: TestUser, requestId: string, message = 'Ik help je graag!') {
	const { data, error } = await volunteer.client
		.from('responses')
		.insert({
			municipality_id: ZAANSTAD_ID,
			request_id: requestId,
			volunteer_id: volunteer.id,
			message
		})
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

type PostArgs = Database['public']['Functions']['post_help_request']['Args'];

/** Arguments for post_help_request: a flexible request in the given wijk, with overrides. */
export function requestArgs(districtId: string, overrides: Partial<PostArgs> = {}): PostArgs {
	return {
		p_district_id: districtId,
		p_category: 'company',
		p_title: 'Samen koffie drinken',
		p_description: 'Ik zou het fijn vinden als iemand langskomt.',
		p_postcode_area: '1541',
		p_when_kind: 'flexible',
		p_starts_on: null as unknown as string,
		p_ends_on: null as unknown as string,
		p_day_part: 'any',
		p_duration_minutes: 60,
		p_recurrence: 'once',
		...overrides
	};
}
