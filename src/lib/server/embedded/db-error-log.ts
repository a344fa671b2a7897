// The embedded Supabase prints every database error it answers with console.error: the driver's
// error object with the statement and its parameters (phone numbers, e-mail addresses, codes). A
// refused write is a normal answer here, so that would flood test output and put personal data in
// the server's logs. This keeps the shape of such errors and drops the values.
export interface DatabaseErrorSummary {
	/** SQLSTATE, e.g. 42501 for an RLS refusal. */
	code: string;
	severity: string;
	/** The PostgreSQL routine that raised it (exec_stmt_raise, ExecWithCheckOptions, …). */
	routine: string | null;
	/** The constraint or table named by the error, never a value. */
	object: string | null;
}

function summarize(value: unknown): DatabaseErrorSummary | null {
	if (!value || typeof value !== 'object') return null;
	const e = value as Record<string, unknown>;
	if (typeof e.code !== 'string' || typeof e.severity !== 'string') return null;
	if (!('routine' in e) && !('query' in e)) return null;
	const text = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : null);
	return {
		code: e.code,
		severity: e.severity,
		routine: text('routine'),
		object: text('constraint') ?? text('table')
	};
}

let report: ((summary: DatabaseErrorSummary) => void) | null = null;

/**
 * Routes database errors printed through console.error to `onError` (the latest call wins);
 * every other console.error line is printed as before.
 */
export function routeDatabaseErrors(onError: (summary: DatabaseErrorSummary) => void) {
	const installed = report !== null;
	report = onError;
	if (installed) return;
	const print = console.error.bind(console);
	console.error = (...args: unknown[]) => {
		const summary = args.length === 1 ? summarize(args[0]) : null;
		if (summary && report) report(summary);
		else print(...args);
	};
}

/** The default: one line per error, without the statement or its values. */
export function printDatabaseError(summary: DatabaseErrorSummary) {
	const where = [summary.routine, summary.object].filter(Boolean).join(' ');
	console.warn(`[supabase] database error ${summary.code}${where ? ` (${where})` : ''}`);
}
