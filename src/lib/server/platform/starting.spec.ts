import { describe, expect, it } from 'vitest';
import { startingAnswer } from './starting';

describe('the answer while the app starts', () => {
	it('says the process is up but not ready', () => {
		expect(startingAnswer('GET', '/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
		expect(startingAnswer('GET', '/readyz')).toMatchObject({ status: 503, body: 'starting\n' });
		expect(startingAnswer('HEAD', '/readyz?probe=1').status).toBe(503);
		expect(startingAnswer('POST', '/readyz').status).toBe(405);
	});

	it('asks everyone else to come back shortly, in Dutch, uncached', () => {
		const page = startingAnswer('GET', '/buurthuizen');
		expect(page.status).toBe(503);
		expect(page.headers['retry-after']).toBe('5');
		expect(page.headers['cache-control']).toBe('no-store');
		expect(page.body).toMatch(/^Buurtkracht start op/);
		expect(startingAnswer('POST', '/inloggen?/wachtwoord').status).toBe(503);
	});
});
