// /beheer/steekproef: a random sample of approved applications to phone back, and the outcome.
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { fromRow } from '../rows';
import { ok, refused, type WriteResult } from '../result';
import { carerErrorMessage } from './messages';

const checkRows = fromRow(
	z.array(
		z.object({
			id: z.uuid(),
			applicationId: z.uuid(),
			drawnAt: z.string(),
			outcome: z.enum(['confirmed', 'doubtful', 'not_reached']).nullable(),
			note: z.string().nullable(),
			recordedAt: z.string().nullable(),
			carerFirstName: z.string(),
			carerLastName: z.string(),
			carerPhone: z.string().nullable(),
			carerEmail: z.string().nullable(),
			districtName: z.string()
		})
	)
);
export type CallbackCheck = z.infer<typeof checkRows>[number];

export async function loadChecks(supabase: RequestClient): Promise<CallbackCheck[] | null> {
	const { data, error } = await supabase.rpc('callback_checks_page');
	if (error) return null;
	const parsed = checkRows.safeParse(data);
	return parsed.success ? parsed.data : [];
}

/** Draws the sample; returns how many checks are open now. */
export async function drawSample(supabase: RequestClient, size: number): Promise<WriteResult> {
	const { error } = await supabase.rpc('draw_callback_sample', { p_size: size });
	return error ? refused(carerErrorMessage(error)) : ok();
}

export async function recordOutcome(
	supabase: RequestClient,
	checkId: string,
	outcome: string,
	note: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('record_callback_outcome', {
		p_check_id: checkId,
		p_outcome: outcome,
		p_note: note || (null as unknown as string)
	});
	return error ? refused(carerErrorMessage(error)) : ok();
}
