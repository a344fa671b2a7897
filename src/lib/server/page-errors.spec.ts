import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleServerError } from './page-errors';
import { log as serverLog } from './platform/log';

const event = {
	request: new Request('http://localhost/inloggen/code?email=jan%40voorbeeld.nl', {
		method: 'POST'
	}),
	url: new URL('http://localhost/inloggen/code?email=jan%40voorbeeld.nl'),
	route: { id: '/(public)/inloggen/code' }
} as unknown as RequestEvent;

afterEach(() => vi.restoreAllMocks());

describe('handleServerError', () => {
	it('gives an unexpected error a Dutch message and a reference, and logs no personal data', async () => {
		const log = vi.spyOn(serverLog, 'error').mockImplementation(() => {});
		const error = Object.assign(new Error('duplicate key: jan@voorbeeld.nl'), { code: '23505' });
		const result = await handleServerError({ kind: 'unknown', error, event });

		expect(result).toMatchObject({
			status: 500,
			reference: expect.stringMatching(/^[0-9a-f]{8}$/)
		});
		expect(result?.message).toMatch(/^Er ging iets mis aan onze kant/);
		const line = JSON.stringify(log.mock.calls[0]);
		expect(line).toContain(result?.reference);
		expect(line).toContain('"route":"/(public)/inloggen/code"');
		expect(line).toContain('"code":"23505"');
		expect(line).not.toContain('jan');
		expect(line).not.toContain('voorbeeld');
	});

	it.each([
		[404, 'Not Found', /^Deze pagina bestaat niet/],
		[405, 'Method Not Allowed', /^Dit kan niet op deze pagina/],
		[403, 'Cross-site POST form submissions are forbidden', /^Je hebt geen toegang/]
	])('replaces SvelteKit’s English for %i', async (status, message, dutch) => {
		const result = await handleServerError({
			kind: 'framework',
			error: { status, message },
			event
		});
		expect(result?.message).toMatch(dutch);
	});

	it('keeps the message of our own error(...) calls', async () => {
		const error = {
			status: 403,
			message: 'Deze pagina is alleen voor beheerders van de gemeente.'
		};
		expect(await handleServerError({ kind: 'app', error, event })).toBeUndefined();
	});
});
