// What the server does with an error it did not expect: log it with a reference, the route and
// the error's code (never the URL's query, the body or the message, which can hold personal
// data), and give the visitor a Dutch message with that reference.
import { dev } from '$app/env';
import type { HandleServerError } from '@sveltejs/kit/hooks';
import { dutchErrorMessage } from '#lib/errors/messages';
import { log } from './platform/log';

const newReference = () => crypto.randomUUID().slice(0, 8);

/** The first frame of the stack: where it went wrong, without the message. */
function origin(error: unknown): string | undefined {
	if (!(error instanceof Error) || !error.stack) return undefined;
	return error.stack
		.split('\n')
		.find((line) => line.trimStart().startsWith('at '))
		?.trim();
}

function codeOf(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
	const code = (error as { code: unknown }).code;
	return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}

export const handleServerError: HandleServerError = ({ kind, error, event }) => {
	// Our own error(...) calls already carry a Dutch message meant for the visitor.
	if (kind === 'app') return;
	if (kind === 'framework' || kind === 'validation') {
		return { message: dutchErrorMessage(error.status) };
	}
	const reference = newReference();
	const entry = {
		reference,
		reqId: (event.locals as { requestId?: string } | undefined)?.requestId,
		status: 500,
		method: event.request.method,
		route: event.route.id ?? '(no route)',
		error: error instanceof Error ? error.name : typeof error,
		code: codeOf(error),
		at: origin(error)
	};
	log.error(entry, 'page error');
	// On a developer's machine the full error is worth more than the privacy of demo data.
	if (dev) console.error(error);
	return { status: 500, message: dutchErrorMessage(500), reference };
};
