// Ranking shown to people: "Voor jou" for a volunteer, and suggested volunteers for a request for
// a coordinator (with the invitation). The SQL ranks; here the result is parsed and explained.
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';
import { requestStatus, requestWhen } from './shapes';

const suggestion = z.object({
	id: z.uuid(),
	title: z.string(),
	description: z.string(),
	category: z.string(),
	district_id: z.uuid(),
	district_name: z.string(),
	when_kind: z.enum(['date', 'range', 'flexible']),
	starts_on: z.string().nullable(),
	ends_on: z.string().nullable(),
	day_part: z.enum(['morning', 'afternoon', 'evening', 'any']),
	duration_minutes: z.number().int(),
	distance_km: z.number(),
	score: z.number(),
	category_fit: z.boolean(),
	available: z.boolean()
});

const voorJouPage = z.object({
	status: z.enum(['ok', 'no_profile', 'paused', 'at_capacity']),
	active: z.number().int().optional(),
	max: z.number().int().optional(),
	items: z.array(suggestion),
	my_district_ids: z.array(z.uuid()),
	invitations: z.array(
		z.object({
			request_id: z.uuid(),
			title: z.string(),
			category: z.string(),
			district_name: z.string(),
			invited_at: z.string()
		})
	)
});

export type VoorJouPage = z.infer<typeof voorJouPage>;
export type Suggestion = z.infer<typeof suggestion>;

export async function loadVoorJou(supabase: RequestClient): Promise<VoorJouPage> {
	const { data, error } = await supabase.rpc('voor_jou_page', { p_limit: 20 });
	if (error) throw new Error(`voor_jou_page: ${error.message}`);
	return voorJouPage.parse(data);
}

const daysUntil = (iso: string, today: string) =>
	Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** The ranking inputs as plain Dutch reasons, strongest first. */
export function suggestionReasons(s: Suggestion, myDistricts: string[], today: string): string[] {
	const reasons: string[] = [];
	if (myDistricts.includes(s.district_id)) reasons.push('In jouw wijk');
	else reasons.push(`Ongeveer ${String(s.distance_km).replace('.', ',')} km van je wijk`);
	if (s.category_fit) reasons.push('Past bij wat je graag doet');
	if (s.available) reasons.push('Past bij je beschikbaarheid');
	else reasons.push('Valt buiten de dagdelen die je hebt gekozen');
	if (s.starts_on) {
		const days = daysUntil(s.starts_on, today);
		if (days <= 0) reasons.push('Is vandaag nodig');
		else if (days <= 3) reasons.push(`Is over ${days} ${days === 1 ? 'dag' : 'dagen'} nodig`);
	}
	return reasons;
}

const volunteerSuggestion = z.object({
	volunteer_id: z.uuid(),
	display_name: z.string(),
	score: z.number(),
	distance_km: z.number(),
	active: z.number().int(),
	max: z.number().int(),
	category_fit: z.boolean(),
	in_district: z.boolean(),
	available: z.boolean(),
	invited: z.boolean()
});

const coordinationRequestPage = z.object({
	request: requestWhen.extend({
		id: z.uuid(),
		title: z.string(),
		description: z.string(),
		category: z.string(),
		district_name: z.string(),
		status: requestStatus,
		hidden: z.boolean(),
		created_at: z.string(),
		responses: z.number().int()
	}),
	suggestions: z.array(volunteerSuggestion),
	invited: z.array(
		z.object({
			volunteer_id: z.uuid(),
			display_name: z.string(),
			invited_at: z.string(),
			reacted: z.boolean()
		})
	)
});

export type CoordinationRequestPage = z.infer<typeof coordinationRequestPage>;
export type VolunteerSuggestion = z.infer<typeof volunteerSuggestion>;

/** Null when the request does not exist or the viewer is not its municipality's coordinator. */
export async function loadCoordinationRequest(
	supabase: RequestClient,
	requestId: string
): Promise<CoordinationRequestPage | null> {
	const { data, error } = await supabase.rpc('coordination_request_page', {
		p_request_id: requestId
	});
	if (error) {
		if (/forbidden/.test(error.message ?? '')) return null;
		throw new Error(`coordination_request_page: ${error.message}`);
	}
	return coordinationRequestPage.parse(data);
}

export function volunteerReasons(v: VolunteerSuggestion, categoryLabel: string): string[] {
	const reasons: string[] = [];
	if (v.in_district) reasons.push('Helpt in deze wijk');
	else reasons.push(`Woont ongeveer ${String(v.distance_km).replace('.', ',')} km verderop`);
	if (v.category_fit) reasons.push(`Helpt graag met ${categoryLabel.toLowerCase()}`);
	if (v.available) reasons.push('Past bij de beschikbaarheid');
	else reasons.push('Is op dit dagdeel meestal niet beschikbaar');
	reasons.push(`Helpt nu ${v.active} van de ${v.max} mensen`);
	return reasons;
}

export async function inviteVolunteer(
	supabase: RequestClient,
	requestId: string,
	volunteerId: string
): Promise<{ problem: string } | null> {
	const { error } = await supabase.rpc('invite_volunteer', {
		p_request_id: requestId,
		p_volunteer_id: volunteerId
	});
	return error ? { problem: helpErrorMessage(error) } : null;
}
