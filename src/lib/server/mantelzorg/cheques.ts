// Cheques after they are issued: blocking a lost one and reissuing what was left, the letter
// queue for carers without an account, and the municipality's call-back sample of approved
// applications. Every write is one SQL function that checks who may.
import { z } from 'zod';
import { callbackOutcome, chequeKind } from '#lib/mantelzorg/enums';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { mantelzorgErrorMessage } from './errors';

/** Blocks the cheque at once and returns the id of the new one holding what was left. */
export async function blockAndReissueCheque(
	supabase: RequestClient,
	chequeId: string
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('block_and_reissue_cheque', {
		p_cheque_id: chequeId
	});
	if (error || !data) return refused(mantelzorgErrorMessage(error));
	return ok(data);
}

/** A letter waiting to be printed, as letter_queue and print_letter_queue list it. */
export const queuedLetter = z.object({
	chequeId: z.uuid(),
	/** 'cheque': the new cheque; 'reminder': it expires soon. */
	letter: z.enum(['cheque', 'reminder']),
	kind: chequeKind,
	valueCents: z.number().int(),
	remainingCents: z.number().int(),
	expiresOn: z.string(),
	carerFirstName: z.string(),
	carerLastName: z.string(),
	carerPostcode: z.string(),
	carerHouseNumber: z.string(),
	carerStreet: z.string().nullable().optional(),
	carerTown: z.string().nullable().optional(),
	districtName: z.string()
});

const letters = fromRow(
	z.array(
		queuedLetter.extend({
			createdAt: z.string(),
			/** The reader issued this cheque, so another admin prints its letter (four eyes). */
			issuedByMe: z.boolean()
		})
	)
);
export type Letter = z.infer<typeof letters>[number];

/** Every letter waiting to be printed, without codes (municipality admins). */
export async function loadLetterQueue(supabase: RequestClient): Promise<Letter[]> {
	const { data, error } = await supabase.rpc('letter_queue');
	if (error) throw new Error(`letter_queue: ${error.message}`);
	return letters.parse(data);
}

/** How many letters were marked printed. */
export async function markLettersPrinted(
	supabase: RequestClient,
	chequeIds: string[],
	letter: 'cheque' | 'reminder'
): Promise<WriteResult<number>> {
	const { data, error } = await supabase.rpc('mark_letters_printed', {
		p_cheque_ids: chequeIds,
		p_letter: letter
	});
	if (error) return refused(mantelzorgErrorMessage(error));
	return ok(data ?? 0);
}

const callbackChecks = fromRow(
	z.array(
		z.object({
			id: z.uuid(),
			applicationId: z.uuid(),
			drawnAt: z.string(),
			outcome: callbackOutcome.nullable(),
			note: z.string().nullable(),
			recordedAt: z.string().nullable(),
			carerFirstName: z.string(),
			carerLastName: z.string(),
			carerPhone: z.string().nullable(),
			carerEmail: z.string().nullable(),
			districtName: z.string(),
			decidedAt: z.string().nullable()
		})
	)
);
export type CallbackCheck = z.infer<typeof callbackChecks>[number];

/** The call-back checks drawn so far, open ones first (municipality admins). */
export async function loadCallbackChecks(supabase: RequestClient): Promise<CallbackCheck[]> {
	const { data, error } = await supabase.rpc('callback_checks_page');
	if (error) throw new Error(`callback_checks_page: ${error.message}`);
	return callbackChecks.parse(data);
}

/** Draws up to `size` approved applications not drawn before; returns all checks. */
export async function drawCallbackSample(
	supabase: RequestClient,
	size: number
): Promise<WriteResult<CallbackCheck[]>> {
	const { data, error } = await supabase.rpc('draw_callback_sample', { p_size: size });
	if (error) return refused(mantelzorgErrorMessage(error));
	return ok(callbackChecks.parse(data));
}

export async function recordCallbackOutcome(
	supabase: RequestClient,
	checkId: string,
	input: { outcome: z.infer<typeof callbackOutcome>; note: string }
): Promise<WriteResult> {
	const { error } = await supabase.rpc('record_callback_outcome', {
		p_check_id: checkId,
		p_outcome: input.outcome,
		p_note: input.note || undefined
	});
	return error ? refused(mantelzorgErrorMessage(error)) : ok();
}
