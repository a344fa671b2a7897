// The carer's answer to "Voel je je gewaardeerd?" for one of their own cheques (given or changed).
import type { AppreciationAnswer } from '../../monitor/appreciation';
import { dbErrorMessage } from '../db-errors';
import { ok, refused, type WriteResult } from '../result';
import type { RequestClient } from '../supabase';

export async function answerAppreciation(
	supabase: RequestClient,
	chequeId: string,
	answer: AppreciationAnswer
): Promise<WriteResult> {
	const { error } = await supabase.rpc('answer_appreciation_question', {
		p_cheque_id: chequeId,
		p_answer: answer
	});
	return error
		? refused(
				dbErrorMessage(error, {
					forbidden: 'Je kunt alleen antwoorden voor je eigen waardering.',
					invalid_answer: 'Kies ja, een beetje of nee.'
				})
			)
		: ok();
}

/** The carer's own answers by cheque (RLS shows a carer only the answers for their cheques). */
export async function loadMyAppreciationAnswers(
	supabase: RequestClient
): Promise<Record<string, string>> {
	const { data, error } = await supabase
		.from('carer_appreciation_answers')
		.select('cheque_id, answer');
	if (error) throw new Error(`carer_appreciation_answers: ${error.code}`);
	return Object.fromEntries((data ?? []).map((r) => [r.cheque_id, r.answer]));
}
