// Volunteers: my own volunteer profile page and saving it (one call each), and a volunteer's public
// profile. None of these carry contact details.
import { z } from 'zod';
import { maskFromSlots, slotsFromMask } from '#lib/buurthulp/availability';
import type { VolunteerProfileForm } from '#lib/schemas/buurthulp/volunteers';
import type { RequestClient } from '../supabase';
import { bareMessage } from '../db-errors';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import { helpErrorMessage, isRlsRefusal } from './errors';
import { districtOption, openOffer } from './shapes';

const profilePage = fromRow(
	z.object({
		districts: z.array(districtOption),
		profile: z
			.object({
				homeDistrictId: z.uuid(),
				categories: z.array(z.string()),
				districtIds: z.array(z.uuid()),
				radiusKm: z.number().int(),
				availabilityMask: z.number().int(),
				maxActiveMatches: z.number().int(),
				isPaused: z.boolean(),
				about: z.string()
			})
			.nullable(),
		homeDistrictId: z.uuid().nullable(),
		active: z.number().int(),
		helped: z.number().int()
	})
);

export type VolunteerProfilePage = z.infer<typeof profilePage>;

export async function loadVolunteerProfilePage(
	supabase: RequestClient
): Promise<VolunteerProfilePage> {
	const { data, error } = await supabase.rpc('volunteer_profile_page');
	if (error) throw new Error(`volunteer_profile_page: ${error.message}`);
	return profilePage.parse(data);
}

/** The form's starting values: the saved profile, or sensible defaults for a new volunteer. */
export function profileFormValues(page: VolunteerProfilePage): Partial<VolunteerProfileForm> {
	const p = page.profile;
	if (!p) {
		return {
			homeDistrictId: page.homeDistrictId ?? undefined,
			districtIds: page.homeDistrictId ? [page.homeDistrictId] : [],
			// No dagdeel ticked: a full week chosen for them made every suggestion "past bij je
			// beschikbaarheid". The schema asks for at least one.
			availability: [],
			radiusKm: 3,
			maxActiveMatches: 3
		};
	}
	return {
		homeDistrictId: p.homeDistrictId,
		categories: p.categories as VolunteerProfileForm['categories'],
		districtIds: p.districtIds,
		radiusKm: p.radiusKm,
		availability: slotsFromMask(p.availabilityMask),
		maxActiveMatches: p.maxActiveMatches,
		isPaused: p.isPaused,
		about: p.about
	};
}

export async function saveVolunteerProfile(
	supabase: RequestClient,
	form: VolunteerProfileForm
): Promise<WriteResult> {
	const { error } = await supabase.rpc('save_volunteer_profile', {
		p_home_district_id: form.homeDistrictId,
		p_categories: form.categories,
		p_district_ids: form.districtIds,
		p_radius_km: form.radiusKm,
		p_availability_mask: maskFromSlots(form.availability),
		p_max_active_matches: form.maxActiveMatches,
		p_is_paused: form.isPaused,
		p_about: form.about
	});
	if (!error) return ok();
	// The insert policy refuses a blocked account with a bare RLS error.
	if (isRlsRefusal(error) && !/^\w+$/.test(bareMessage(error))) {
		return refused(helpErrorMessage({ message: 'account_blocked' }));
	}
	return refused(helpErrorMessage(error));
}

const publicPage = fromRow(
	z
		.object({
			id: z.uuid(),
			displayName: z.string(),
			about: z.string(),
			categories: z.array(z.string()),
			districts: z.array(z.string()),
			helped: z.number().int(),
			offers: z.array(openOffer)
		})
		.nullable()
);

export type VolunteerPublicPage = NonNullable<z.infer<typeof publicPage>>;

export async function loadVolunteerPublicPage(
	supabase: RequestClient,
	volunteerId: string
): Promise<VolunteerPublicPage | null> {
	const { data, error } = await supabase.rpc('volunteer_public_page', {
		p_volunteer_id: volunteerId
	});
	if (error) throw new Error(`volunteer_public_page: ${error.message}`);
	return publicPage.parse(data);
}
