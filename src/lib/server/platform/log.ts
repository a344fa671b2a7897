// The server's log: one JSON object per line on stdout (pino), for an operator's log pipeline.
// Never log personal data: no e-mail addresses, names, codes, IBANs, tokens, request bodies or
// URL queries. Log ids, route ids, status codes and error codes; a test greps a whole browser-test
// run's logs for the demo accounts' addresses and for cheque codes.
import pino from 'pino';

const level = process.env.LOG_LEVEL || 'info';

export const log = pino({
	level,
	base: undefined,
	timestamp: pino.stdTimeFunctions.isoTime,
	formatters: { level: (label) => ({ level: label }) }
});

export type Log = typeof log;

/** An error as loggable fields: its kind, code and first stack frame, never its message. */
export function errorFields(error: unknown): Record<string, string | undefined> {
	const code =
		typeof error === 'object' && error !== null && 'code' in error
			? String((error as { code: unknown }).code)
			: undefined;
	const at =
		error instanceof Error
			? error.stack
					?.split('\n')
					.find((line) => line.trimStart().startsWith('at '))
					?.trim()
			: undefined;
	return { error: error instanceof Error ? error.name : typeof error, code, at };
}
