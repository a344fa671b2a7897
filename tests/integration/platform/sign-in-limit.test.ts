// Failed password sign-ins are limited per account and per client address on
// /auth/v1/token?grant_type=password (issue 9, part 3): 40 wrong passwords in a row lock the
// account, and then even the right password is refused, with 429 and Retry-After.
import { randomInt } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { createUser, TEST_PASSWORD, uniqueEmail } from '../../support/factories.ts';

/** A client address of its own per scenario (the harness reads X-Forwarded-For like a proxy). */
const newAddress = () => `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;

function passwordSignIn(email: string, password: string, address: string) {
	return fetch(`${inject('supabaseUrl')}/auth/v1/token?grant_type=password`, {
		method: 'POST',
		headers: {
			apikey: inject('publishableKey'),
			'content-type': 'application/json',
			'x-forwarded-for': address
		},
		body: JSON.stringify({ email, password })
	});
}

const clientFrom = (address: string) =>
	createClient(inject('supabaseUrl'), inject('publishableKey'), {
		auth: { persistSession: false, autoRefreshToken: false },
		global: { headers: { 'x-forwarded-for': address } }
	});

describe('password sign-in limit on the auth API', () => {
	it('40 wrong passwords in a row, then the right one: locked, 429 with Retry-After', async () => {
		const user = await createUser({ label: 'slot' });
		const address = newAddress();
		const started = Date.now();
		const statuses: number[] = [];
		for (let i = 0; i < 40; i++) {
			statuses.push((await passwordSignIn(user.email, `fout-wachtwoord-${i}`, address)).status);
		}
		expect(Date.now() - started).toBeLessThan(20_000);
		expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
		expect(new Set(statuses.slice(5))).toEqual(new Set([429]));

		const right = await passwordSignIn(user.email, TEST_PASSWORD, address);
		expect(right.status).toBe(429);
		expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
		expect(((await right.json()) as { access_token?: string }).access_token).toBeUndefined();

		// From another address too: the account itself is locked.
		const elsewhere = await clientFrom(newAddress()).auth.signInWithPassword({
			email: user.email,
			password: TEST_PASSWORD
		});
		expect(elsewhere.error?.status).toBe(429);
		expect(elsewhere.data.session).toBeNull();
	});

	it('parallel wrong passwords get no more tries than sequential ones', async () => {
		const user = await createUser({ label: 'slot-parallel' });
		const address = newAddress();
		const statuses = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				passwordSignIn(user.email, `fout-${i}-wachtwoord`, address)
			)
		).then((all) => all.map((r) => r.status));
		expect(statuses.filter((s) => s === 400)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(15);
	});

	it('a success resets the count of the account', async () => {
		const user = await createUser({ label: 'slot-reset' });
		const address = newAddress();
		for (let i = 0; i < 4; i++) await passwordSignIn(user.email, 'fout-wachtwoord', address);
		expect((await passwordSignIn(user.email, TEST_PASSWORD, address)).status).toBe(200);
		for (let i = 0; i < 4; i++) {
			expect((await passwordSignIn(user.email, 'fout-wachtwoord', address)).status).toBe(400);
		}
		expect((await passwordSignIn(user.email, TEST_PASSWORD, address)).status).toBe(200);
	});

	it('20 failures from one client address over many accounts lock that address', async () => {
		const address = newAddress();
		for (let i = 0; i < 20; i++) {
			expect((await passwordSignIn(uniqueEmail('spray'), 'fout-wachtwoord', address)).status).toBe(
				400
			);
		}
		const user = await createUser({ label: 'slot-adres' });
		const refused = await clientFrom(address).auth.signInWithPassword({
			email: user.email,
			password: TEST_PASSWORD
		});
		expect(refused.error?.status).toBe(429);
		const other = await clientFrom(newAddress()).auth.signInWithPassword({
			email: user.email,
			password: TEST_PASSWORD
		});
		expect(other.error).toBeNull();
	});
});
