// My profile: read in one call, saved in one atomic SQL function.
import { z } from 'zod';
import type { ProfileForm } from '#lib/schemas/profile';
import { dbErrorMessage } from './db-errors';
import { ok, refused, type WriteResult } from './result';
import { fromRow } from './rows';
import type { RequestClient } from './supabase';

const pageRow = fromRow(
	z.object({
		displayName: z.string(),
		districtId: z.uuid().nullable(),
		contact: z
			.object({
				phone: z.string().nullable(),
				streetAddress: z.string().nullable(),
				postcode: z.string().nullable(),
				city: z.string().nullable()
			})
			.nullable(),
		districts: z.array(z.object({ id: z.uuid(), name: z.string() }))
	})
);

export type ProfilePage = z.infer<typeof pageRow>;

export async function loadProfilePage(supabase: RequestClient): Promise<ProfilePage | null> {
	const { data, error } = await supabase.rpc('my_profile_page');
	if (error) throw new Error(`my_profile_page: ${error.message}`);
	return data === null ? null : pageRow.parse(data);
}

export function profileFormValues(page: ProfilePage) {
	return {
		displayName: page.displayName,
		districtId: page.districtId ?? '',
		phone: page.contact?.phone ?? null,
		streetAddress: page.contact?.streetAddress ?? null,
		postcode: page.contact?.postcode ?? null,
		city: page.contact?.city ?? null
	};
}

export async function saveProfile(
	supabase: RequestClient,
	form: ProfileForm
): Promise<WriteResult> {
	const { error } = await supabase.rpc('update_my_profile', {
		p_display_name: form.displayName,
		// Generated types mark optional SQL arguments non-null; SQL accepts null for "no wijk".
		p_district_id: form.districtId as string,
		p_phone: form.phone as string,
		p_street_address: form.streetAddress as string,
		p_postcode: form.postcode as string,
		p_city: form.city as string
	});
	return error ? refused(dbErrorMessage(error)) : ok();
}
