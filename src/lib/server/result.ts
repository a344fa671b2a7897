// The one shape a write in #lib/server returns (Buurthulp, profile, roles; auth.ts keeps its own
// AuthResult for now). A refusal carries a Dutch sentence for the person; routes show it with the
// form (or as `problem`) and a 400.
// `field` names the form field the refusal is about, so the page shows it next to that field.
export type WriteResult<T = void> =
	{ ok: true; value: T } | { ok: false; problem: string; field?: string };

export function ok(): WriteResult;
export function ok<T>(value: T): WriteResult<T>;
export function ok<T>(value?: T): WriteResult<T | undefined> {
	return { ok: true, value };
}

export const refused = (problem: string, field?: string): WriteResult<never> =>
	field ? { ok: false, problem, field } : { ok: false, problem };
