// Volunteer profiles: my own profile page and saving it (one call each), and a volunteer's public
// profile. None of these carry contact details.
import { z } from 'zod';
import { FULL_WEEK, maskFromSlots, slotsFromMask } from '#lib/buurthulp/availability';
import type { VolunteerProfileForm } from '#lib/schemas/buurthulp/volunteers';
import type { RequestClient } from '../supabase';
import { bareMessage } from '../db-errors';
import { helpErrorMessage } from './errors';

const district = z.object({ id: z.uuid(), name: z.string() });

const profilePage = z.object({
	districts: z.array(district),
	profile: z
		.object({
			home_district_id: z.uuid(),
			categories: z.array(z.string()),
			district_ids: z.array(z.uuid()),
			radius_km: z.number().int(),
			availability_mask: z.number().int(),
			max_active_matches: z.number().int(),
			is_paused: z.boolean(),
			about: z.string()
		})
		.nullable(),
	home_district_id: z.uuid().nullable(),
	active: z.number().int(),
	helped: z.number().int()
});

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
			homeDistrictId: page.home_district_id ?? undefined,
			districtIds: page.home_district_id ? [page.home_district_id] : [],
			availability: slotsFromMask(FULL_WEEK),
			radiusKm: 3,
			maxActiveMatches: 3
		};
	}
	return {
		homeDistrictId: p.home_district_id,
		categories: p.categories as VolunteerProfileForm['categories'],
		districtIds: p.district_ids,
		radiusKm: p.radius_km,
		availability: slotsFromMask(p.availability_mask),
		maxActiveMatches: p.max_active_matches,
		isPaused: p.is_paused,
		about: p.about
	};
}

export async function saveVolunteerProfile(
	supabase: RequestClient,
	form: VolunteerProfileForm
): Promise<{ problem: string } | null> {
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
	if (!error) return null;
	// The insert policy refuses a blocked account with a bare RLS error.
	if (error.code === '42501' && !/^\w+$/.test(bareMessage(error))) {
		return { problem: helpErrorMessage({ message: 'account_blocked' }) };
	}
	return { problem: helpErrorMessage(error) };
}

const publicPage = z
	.object({
		id: z.uuid(),
		display_name: z.string(),
		about: z.string(),
		categories: z.array(z.string()),
		districts: z.array(z.string()),
		helped: z.number().int(),
		offers: z.array(
			z.object({
				id: z.uuid(),
				title: z.string(),
				description: z.string(),
				category: z.string(),
				district_name: z.string(),
				when_text: z.string(),
				created_at: z.string()
			})
		)
	})
	.nullable();

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
