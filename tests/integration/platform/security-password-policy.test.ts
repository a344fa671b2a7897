// The auth server holds sign-ups and password changes to the app's own password rule (at least
// 10 characters), so calling /auth/v1 directly with the publishable key cannot get around it.
import { describe, expect, inject, it } from 'vitest';
import { uniqueEmail } from '../../support/factories.ts';

async function signUpRaw(password: string) {
	const res = await fetch(`${inject('supabaseUrl')}/auth/v1/signup`, {
		method: 'POST',
		headers: { apikey: inject('publishableKey'), 'content-type': 'application/json' },
		body: JSON.stringify({ email: uniqueEmail('wachtwoordregel'), password })
	});
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('password policy on /auth/v1', () => {
	it('refuses a 9-character password', async () => {
		const { status, body } = await signUpRaw('abcdefgh9');
		expect(status).toBe(422);
		expect(body.error_code).toBe('weak_password');
	});

	it('accepts 10 characters without composition rules', async () => {
		const { status } = await signUpRaw('abcdefghij');
		expect(status).toBe(200);
	});
});
