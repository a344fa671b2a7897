// The notice above a list after one of its row actions (ActionButton), from the action's plain
// answer: a problem as an error, else the success text. Written once instead of a nested ternary
// on every page.
import type { FormNotice } from './FormMessage.svelte';

type Answer = Record<string, unknown> | null | undefined;

/** An action answering `{ problem }` on a refusal and `{ [done]: … }` on success (winkels: `{ decided }`). */
export function answerNotice(
	answer: Answer,
	done: string,
	text: string | ((value: unknown) => string)
): FormNotice | null {
	if (!answer) return null;
	if (typeof answer.problem === 'string' && answer.problem) {
		return { type: 'error', text: answer.problem };
	}
	if (!(done in answer)) return null;
	return { type: 'success', text: typeof text === 'string' ? text : text(answer[done]) };
}

/** An action answering `{ [key]: problem }`, null when it worked (rollen's `{ revoke }`). */
export function refusalNotice(answer: Answer, key: string, text: string): FormNotice | null {
	if (!answer || !(key in answer)) return null;
	const problem = answer[key];
	return typeof problem === 'string' && problem
		? { type: 'error', text: problem }
		: { type: 'success', text };
}
