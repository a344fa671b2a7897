// Posting a hulpvraag: the wijken for the form (one call), and the request with its private
// details in one atomic call (post_help_request). Only the 4 digits of the postcode are stored
// with the request; the public point is the wijk's own, rounded, in SQL.
import { postcodeArea } from '#lib/buurthulp/location';
import type { RequestForm } from '#lib/schemas/buurthulp/requests';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';

export interface DistrictOption {
	id: string;
	name: string;
}

export async function loadDistricts(
	supabase: RequestClient,
	municipalityId: string | null
): Promise<DistrictOption[]> {
	let query = supabase.from('districts').select('id, name').order('name');
	if (municipalityId) query = query.eq('municipality_id', municipalityId);
	const { data, error } = await query;
	if (error) throw new Error(`districts: ${error.message}`);
	return data;
}

/** What the request form says, as the arguments post_help_request and update_help_request share. */
export function requestArgs(form: RequestForm) {
	const dated = form.whenKind !== 'flexible';
	return {
		p_district_id: form.districtId,
		p_category: form.category,
		p_title: form.title,
		p_description: form.description,
		p_postcode_area: postcodeArea(form.postcode) ?? '',
		p_when_kind: form.whenKind,
		// Generated types mark SQL arguments non-null; SQL takes null for "no date".
		p_starts_on: (dated ? form.startsOn : null) as string,
		p_ends_on: (form.whenKind === 'range' ? form.endsOn : null) as string,
		p_day_part: form.dayPart,
		p_duration_minutes: form.durationMinutes,
		p_recurrence: form.recurrence,
		p_street_address: form.streetAddress
	};
}

export async function postHelpRequest(
	supabase: RequestClient,
	form: RequestForm,
	asCoordinator: boolean
): Promise<{ id: string } | { problem: string }> {
	const onBehalf = asCoordinator && form.forWhom === 'resident';
	const { data, error } = await supabase.rpc('post_help_request', {
		...requestArgs(form),
		p_on_behalf: onBehalf,
		p_resident_name: onBehalf ? form.residentName : undefined,
		p_resident_phone: onBehalf ? form.residentPhone : undefined,
		p_is_vulnerable: onBehalf && form.isVulnerable === 'yes'
	});
	if (error || !data) return { problem: helpErrorMessage(error, 'help_requests') };
	return { id: data };
}
