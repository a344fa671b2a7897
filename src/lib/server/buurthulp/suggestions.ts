// Ranking shown to people: "Voor jou" for a volunteer, and suggested volunteers for a request for
// a coordinator (with the invitation). The SQL ranks; here the result is parsed and explained.
import { z } from 'zod';
import { helpRequestStatus } from '#lib/buurthulp/enums';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';
import { helpItem, requestWhen } from './shapes';

/** A request in "Voor jou": its when without the recurrence. */
const suggestion = helpItem.extend({
	...requestWhen.omit({ recurrence: true }).shape,
	districtId: z.uuid(),
	distanceKm: z.number(),
	score: z.number(),
	categoryFit: z.boolean(),
	available: z.boolean()
});

const forYouPage = fromRow(
	z.object({
		status: z.enum(['ok', 'no_profile', 'paused', 'at_capacity']),
		active: z.number().int().optional(),
		max: z.number().int().optional(),
		items: z.array(suggestion),
		myDistrictIds: z.array(z.uuid()),
		invitations: z.array(
			z.object({
				requestId: z.uuid(),
				title: z.string(),
				category: z.string(),
				districtName: z.string(),
				invitedAt: z.string()
			})
		)
	})
);

export type ForYouPage = z.infer<typeof forYouPage>;
export type Suggestion = z.infer<typeof suggestion>;

export async function loadForYou(supabase: RequestClient): Promise<ForYouPage> {
	const { data, error } = await supabase.rpc('voor_jou_page', { p_limit: 20 });
	if (error) throw new Error(`voor_jou_page: ${error.message}`);
	return forYouPage.parse(data);
}

const daysUntil = (iso: string, today: string) =>
	Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** The ranking inputs as plain Dutch reasons, strongest first. */
export function suggestionReasons(s: Suggestion, myDistricts: string[], today: string): string[] {
	const reasons: string[] = [];
	if (myDistricts.includes(s.districtId)) reasons.push('In jouw wijk');
	else reasons.push(`Ongeveer ${String(s.distanceKm).replace('.', ',')} km van je wijk`);
	if (s.categoryFit) reasons.push('Past bij wat je graag doet');
	if (s.available) reasons.push('Past bij je beschikbaarheid');
	else reasons.push('Valt buiten de dagdelen die je hebt gekozen');
	if (s.startsOn) {
		const days = daysUntil(s.startsOn, today);
		if (days <= 0) reasons.push('Is vandaag nodig');
		else if (days <= 3) reasons.push(`Is over ${days} ${days === 1 ? 'dag' : 'dagen'} nodig`);
	}
	return reasons;
}

const volunteerSuggestion = z.object({
	volunteerId: z.uuid(),
	displayName: z.string(),
	score: z.number(),
	distanceKm: z.number(),
	active: z.number().int(),
	max: z.number().int(),
	categoryFit: z.boolean(),
	inDistrict: z.boolean(),
	available: z.boolean(),
	invited: z.boolean()
});

const coordinationRequestPage = fromRow(
	z.object({
		request: requestWhen.extend({
			...helpItem.shape,
			status: helpRequestStatus,
			hidden: z.boolean(),
			createdAt: z.string(),
			responses: z.number().int()
		}),
		suggestions: z.array(volunteerSuggestion),
		invited: z.array(
			z.object({
				volunteerId: z.uuid(),
				displayName: z.string(),
				invitedAt: z.string(),
				reacted: z.boolean()
			})
		)
	})
);

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
	if (v.inDistrict) reasons.push('Helpt in deze wijk');
	else reasons.push(`Woont ongeveer ${String(v.distanceKm).replace('.', ',')} km verderop`);
	if (v.categoryFit) reasons.push(`Helpt graag met ${categoryLabel.toLowerCase()}`);
	if (v.available) reasons.push('Past bij de beschikbaarheid');
	else reasons.push('Is op dit dagdeel meestal niet beschikbaar');
	reasons.push(`Helpt nu ${v.active} van de ${v.max} mensen`);
	return reasons;
}

export async function inviteVolunteer(
	supabase: RequestClient,
	requestId: string,
	volunteerId: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('invite_volunteer', {
		p_request_id: requestId,
		p_volunteer_id: volunteerId
	});
	return error ? refused(helpErrorMessage(error)) : ok();
}
