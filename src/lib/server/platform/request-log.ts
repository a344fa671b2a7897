// One JSON log line per request: time, request id, municipality, method, route id, status,
// duration and the number of Supabase calls. The request id comes from the proxy in front
// (X-Request-Id) when it is a plain token, else a new UUID, and goes back in X-Request-Id on every
// answer, so a visitor's "Foutcode" and an operator's proxy log lead to the same line. No URL,
// query, body, cookie or user id is logged: route ids name the page without what was typed in it.
import type { RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { errorFields, log } from './log';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFrom(header: string | null): string {
	return header && SAFE_ID.test(header) ? header : crypto.randomUUID();
}

/** The municipality of a request: its host name until the tenancy module says which one. */
export function municipalityOf(event: RequestEvent): string {
	const locals = event.locals as { municipality?: { slug?: string } | null };
	return locals.municipality?.slug ?? event.url.hostname;
}

function withHeader(response: Response, name: string, value: string): Response {
	try {
		response.headers.set(name, value);
		return response;
	} catch {
		// A response passed through from fetch has immutable headers: copy it.
		const copy = new Response(response.body, response);
		copy.headers.set(name, value);
		return copy;
	}
}

export const requestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = requestIdFrom(event.request.headers.get('x-request-id'));
	event.locals.requestId = requestId;
	event.locals.meter = { calls: 0, millis: 0 };
	const line = () => ({
		reqId: requestId,
		municipality: municipalityOf(event),
		method: event.request.method,
		route: event.route.id ?? null,
		ms: Math.round((performance.now() - started) * 10) / 10,
		supabaseCalls: event.locals.meter?.calls ?? 0
	});
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		log.error({ ...line(), status: 500, ...errorFields(error) }, 'request failed');
		throw error;
	}
	const entry = { ...line(), status: response.status, cache: response.headers.get('x-cache') };
	if (response.status >= 500) log.error(entry, 'request');
	else log.info(entry, 'request');
	return withHeader(response, 'x-request-id', requestId);
};
