// Hulpvragen: the request page (help_request_page decides what this visitor may see), posting
// one with its private details (post_help_request), editing it while open, and cancelling.
// Only the 4 digits of the postcode are stored with a request; its public point is the wijk's.
import { z } from 'zod';
import { helpRequestStatus, matchStatus } from '#lib/buurthulp/enums';
import { postcodeArea } from '#lib/buurthulp/location';
import type { RequestForm } from '#lib/schemas/buurthulp/requests';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';
import {
	contactDetails,
	districtOption,
	helpItem,
	helpResponse,
	requestWhen,
	type DistrictOption
} from './shapes';

const requestPage = fromRow(
	z.object({
		request: requestWhen.extend({
			...helpItem.shape,
			districtSlug: z.string(),
			postcodeArea: z.string().nullable(),
			status: helpRequestStatus,
			hidden: z.boolean(),
			createdAt: z.string()
		}),
		viewer: z.object({
			signedIn: z.boolean(),
			acting: z.boolean(),
			own: z.boolean(),
			onBehalf: z.boolean(),
			isVolunteer: z.boolean(),
			blocked: z.boolean(),
			canReact: z.boolean(),
			canCancel: z.boolean()
		}),
		myResponse: helpResponse.nullable(),
		onBehalfName: z.string().nullable(),
		responses: z.array(
			helpResponse.extend({
				volunteerName: z.string(),
				helpedCount: z.number().int(),
				/** What a resident can go on before choosing (volunteer_trust in SQL). */
				trust: z
					.object({
						volunteerSince: z.string().nullable(),
						completedMatches: z.number().int(),
						verified: z.boolean(),
						verifiedUntil: z.string().nullable()
					})
					.nullable()
					.default(null)
			})
		),
		match: z.object({ id: z.uuid(), status: matchStatus }).nullable(),
		/** "Dit ziet {naam} van jou": what choosing a volunteer shares; for whoever chooses. */
		sharedWithVolunteer: contactDetails.nullable().default(null),
		/** The coordinator's reason of the last hide; only for whoever acts for the requester. */
		hiddenReason: z.string().nullable().default(null)
	})
);

export type RequestPage = z.infer<typeof requestPage>;

/** Null when the request does not exist or is not visible to this visitor (a 404 either way). */
export async function loadRequestPage(
	supabase: RequestClient,
	requestId: string
): Promise<RequestPage | null> {
	const { data, error } = await supabase.rpc('help_request_page', { p_request_id: requestId });
	if (error) throw new Error(`help_request_page: ${error.message}`);
	return data === null ? null : requestPage.parse(data);
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
function requestArgs(form: RequestForm) {
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

/** The new request's id. */
export async function postHelpRequest(
	supabase: RequestClient,
	form: RequestForm,
	asCoordinator: boolean
): Promise<WriteResult<string>> {
	const onBehalf = asCoordinator && form.forWhom === 'resident';
	const { data, error } = await supabase.rpc('post_help_request', {
		...requestArgs(form),
		p_on_behalf: onBehalf,
		p_resident_name: onBehalf ? form.residentName : undefined,
		p_resident_phone: onBehalf ? form.residentPhone : undefined,
		p_is_vulnerable: onBehalf && form.isVulnerable === 'yes'
	});
	if (error || !data) return refused(helpErrorMessage(error, 'help_requests'));
	return ok(data);
}

const editPage = fromRow(
	z.object({
		request: requestWhen.extend({
			id: z.uuid(),
			category: z.string(),
			title: z.string(),
			description: z.string(),
			districtId: z.uuid(),
			postcodeArea: z.string().nullable(),
			streetAddress: z.string().nullable(),
			onBehalf: z.boolean()
		}),
		editable: z.boolean(),
		reason: z.enum(['hidden', 'not_open']).nullable(),
		districts: z.array(districtOption)
	})
);

export interface EditPage {
	title: string;
	editable: boolean;
	reason: 'hidden' | 'not_open' | null;
	districts: DistrictOption[];
	/** The form's starting values. */
	values: Partial<RequestForm>;
}

/** Null when the request does not exist or this person may not edit it (a 404 either way). */
export async function loadEditPage(
	supabase: RequestClient,
	requestId: string
): Promise<EditPage | null> {
	const { data, error } = await supabase.rpc('help_request_edit_page', {
		p_request_id: requestId
	});
	if (error) throw new Error(`help_request_edit_page: ${error.message}`);
	if (data === null) return null;
	const { request: r, editable, reason, districts } = editPage.parse(data);
	return {
		title: r.title,
		editable,
		reason,
		districts,
		values: {
			category: r.category as RequestForm['category'],
			title: r.title,
			description: r.description,
			districtId: r.districtId,
			postcode: r.postcodeArea ?? '',
			streetAddress: r.streetAddress ?? '',
			whenKind: r.whenKind,
			startsOn: r.startsOn ?? '',
			endsOn: r.endsOn ?? '',
			dayPart: r.dayPart,
			durationMinutes: r.durationMinutes,
			recurrence: r.recurrence
		}
	};
}

export async function updateHelpRequest(
	supabase: RequestClient,
	requestId: string,
	form: RequestForm
): Promise<WriteResult> {
	const { error } = await supabase.rpc('update_help_request', {
		p_request_id: requestId,
		...requestArgs(form)
	});
	return error ? refused(helpErrorMessage(error, 'help_requests')) : ok();
}

export async function cancelRequest(
	supabase: RequestClient,
	requestId: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('cancel_help_request', { p_request_id: requestId });
	return error ? refused(helpErrorMessage(error)) : ok();
}

/** The phone number on the requester's own profile, asked for before she chooses a volunteer. */
export async function addMyPhone(
	supabase: RequestClient,
	userId: string,
	phone: string
): Promise<WriteResult> {
	const { data, error } = await supabase
		.from('profile_contacts')
		.update({ phone })
		.eq('profile_id', userId)
		.select('profile_id');
	if (error || data.length !== 1)
		return refused('Je telefoonnummer is niet opgeslagen. Probeer het opnieuw.');
	return ok();
}
