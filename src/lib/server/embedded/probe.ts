// The small parts of the health check: a bounded wait, the probe itself, which responses are worth
// a probe, and the 503 while the database reopens. Node-free like lite.ts.
import type { Lite } from './lite.ts';

const RETRY_AFTER_SECONDS = 2;

export const sleep = (ms: number) =>
	new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

export class TimedOut extends Error {}

export function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const expired = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new TimedOut(`${what} took longer than ${ms} ms`)), ms);
		timer.unref?.();
	});
	return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** 503 in the error shape of the API the request was for. */
export function serviceUnavailable(pathname: string): Response {
	const message = 'The database is restarting; retry in a few seconds.';
	const body = pathname.startsWith('/auth/v1/')
		? { code: 503, error_code: 'service_unavailable', msg: message }
		: { code: 'PGRST503', message, details: null, hint: null };
	return Response.json(body, {
		status: 503,
		headers: { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' }
	});
}

// A broken PGlite does not throw on a simple query: it returns no rows. So the probe checks the
// answer, not just the absence of an error.
export async function answers(lite: Lite, timeoutMs: number): Promise<boolean> {
	try {
		const { rows } = await timeout(lite.exec('select 1 as ok'), timeoutMs, 'health probe');
		return Number(rows[0]?.ok) === 1;
	} catch {
		return false;
	}
}

// Worth a probe: a 5xx from either API, and a Data API 406, which is what the crash search
// answered (PGlite's broken backend returns no rows where one was expected). Other 4xx are RLS
// refusals, 404s and bad filters: common, and each probe would double the work of a refused
// request. Auth 4xx are wrong passwords and expired codes. The 30-second probe catches the rest.
export function suspicious(pathname: string, status: number): boolean {
	return status >= 500 || (status === 406 && pathname.startsWith('/rest/v1/'));
}
