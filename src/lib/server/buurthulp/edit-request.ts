// Editing an open hulpvraag: the form's current values (help_request_edit_page, one call) and the
// change in one atomic call (update_help_request). Matched, closed or hidden requests stay as
// they are; the page says why.
import { z } from 'zod';
import type { RequestForm } from '#lib/schemas/buurthulp/requests';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';
import { requestArgs, type DistrictOption } from './post-request';
import { dayPart, recurrence, whenKind } from './shapes';

const editPage = z.object({
	request: z.object({
		id: z.uuid(),
		category: z.string(),
		title: z.string(),
		description: z.string(),
		district_id: z.uuid(),
		postcode_area: z.string().nullable(),
		street_address: z.string().nullable(),
		when_kind: whenKind,
		starts_on: z.string().nullable(),
		ends_on: z.string().nullable(),
		day_part: dayPart,
		duration_minutes: z.number().int(),
		recurrence,
		on_behalf: z.boolean()
	}),
	editable: z.boolean(),
	reason: z.enum(['hidden', 'not_open']).nullable(),
	districts: z.array(z.object({ id: z.uuid(), name: z.string() }))
});

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
	const page = editPage.parse(data);
	const r = page.request;
	return {
		title: r.title,
		editable: page.editable,
		reason: page.reason,
		districts: page.districts,
		values: {
			category: r.category as RequestForm['category'],
			title: r.title,
			description: r.description,
			districtId: r.district_id,
			postcode: r.postcode_area ?? '',
			streetAddress: r.street_address ?? '',
			whenKind: r.when_kind,
			startsOn: r.starts_on ?? '',
			endsOn: r.ends_on ?? '',
			dayPart: r.day_part,
			durationMinutes: r.duration_minutes,
			recurrence: r.recurrence
		}
	};
}

/** Null when saved; else a Dutch sentence for the person. */
export async function updateHelpRequest(
	supabase: RequestClient,
	requestId: string,
	form: RequestForm
): Promise<{ problem: string } | null> {
	const { error } = await supabase.rpc('update_help_request', {
		p_request_id: requestId,
		...requestArgs(form)
	});
	return error ? { problem: helpErrorMessage(error, 'help_requests') } : null;
}
