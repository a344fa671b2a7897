// What the server answers in the seconds between taking its port and the app being started
// (scripts/serve.ts): the process is up (/healthz 200), not ready (/readyz 503 "starting"), and
// every other request hears in Dutch to try again shortly, with a Retry-After for machines.
// Plain text, no session, nothing personal; never cached.

export interface StartingAnswer {
	status: number;
	headers: Record<string, string>;
	body: string;
}

const RETRY_AFTER_SECONDS = 5;

export function startingAnswer(method: string, url: string): StartingAnswer {
	const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
	const path = url.split('?')[0];
	if (path === '/healthz' || path === '/readyz') {
		if (method !== 'GET' && method !== 'HEAD') {
			return { status: 405, headers: { ...headers, allow: 'GET, HEAD' }, body: '' };
		}
		return path === '/healthz'
			? { status: 200, headers, body: 'ok\n' }
			: { status: 503, headers, body: 'starting\n' };
	}
	return {
		status: 503,
		headers: { ...headers, 'retry-after': String(RETRY_AFTER_SECONDS) },
		body: 'Buurtkracht start op. Probeer het over een paar seconden opnieuw.\n'
	};
}
