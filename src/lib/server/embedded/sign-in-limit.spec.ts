import { describe, expect, it } from 'vitest';
import {
	limitPasswordSignIn,
	SignInLimiter,
	tooManyAttemptsMessage,
	type SignInOutcome
} from './sign-in-limit.ts';

const limits = { perAccount: 5, perAddress: 20, windowSeconds: 900 };

async function tryOnce(
	limiter: SignInLimiter,
	email: string,
	address: string,
	outcome: SignInOutcome
) {
	const attempt = await limiter.attempt(email, address);
	if (attempt.allowed) await attempt.settle(outcome);
	return attempt.allowed;
}

describe('SignInLimiter', () => {
	it('locks an account after 5 failures, even for the right password', async () => {
		const limiter = new SignInLimiter(limits);
		for (let i = 0; i < 5; i++)
			expect(await tryOnce(limiter, 'a@x.nl', `10.0.0.${i}`, 'wrong_credentials')).toBe(true);
		const locked = await limiter.attempt('A@X.nl ', '10.0.1.1');
		expect(locked).toEqual({ allowed: false, retryAfterSeconds: 900 });
		expect(await tryOnce(limiter, 'b@x.nl', '10.0.1.1', 'success')).toBe(true);
	});

	it('a success resets the account count', async () => {
		const limiter = new SignInLimiter(limits);
		for (let i = 0; i < 4; i++) await tryOnce(limiter, 'a@x.nl', '10.0.0.1', 'wrong_credentials');
		await tryOnce(limiter, 'a@x.nl', '10.0.0.1', 'success');
		for (let i = 0; i < 4; i++)
			expect(await tryOnce(limiter, 'a@x.nl', '10.0.0.1', 'wrong_credentials')).toBe(true);
	});

	it('locks a client address after 20 failures over many accounts', async () => {
		const limiter = new SignInLimiter(limits);
		for (let i = 0; i < 20; i++)
			expect(await tryOnce(limiter, `p${i}@x.nl`, '10.9.9.9', 'wrong_credentials')).toBe(true);
		expect((await limiter.attempt('fresh@x.nl', '10.9.9.9')).allowed).toBe(false);
		expect((await limiter.attempt('fresh@x.nl', '10.9.9.8')).allowed).toBe(true);
	});

	it('lets only 5 of 40 parallel attempts through', async () => {
		const limiter = new SignInLimiter(limits);
		const attempts = await Promise.all(
			Array.from({ length: 40 }, (_, i) => limiter.attempt('a@x.nl', `10.1.0.${i}`))
		);
		expect(attempts.filter((a) => a.allowed)).toHaveLength(5);
	});

	it('answers that say nothing about the password do not count', async () => {
		const limiter = new SignInLimiter(limits);
		for (let i = 0; i < 30; i++)
			expect(await tryOnce(limiter, 'a@x.nl', '10.0.0.1', 'other')).toBe(true);
	});
});

describe('limitPasswordSignIn', () => {
	const wrong = () =>
		Response.json(
			{ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' },
			{ status: 400, headers: { 'x-sb-error-code': 'invalid_credentials' } }
		);
	const signIn = (email: string) =>
		new Request('http://x/auth/v1/token?grant_type=password', {
			method: 'POST',
			body: JSON.stringify({ email, password: 'fout-fout-fout' })
		});

	it('answers 429 with Retry-After once locked, without asking the auth server', async () => {
		const limiter = new SignInLimiter(limits);
		let forwarded = 0;
		const forward = async () => (forwarded++, wrong());
		for (let i = 0; i < 5; i++)
			await limitPasswordSignIn(signIn('a@x.nl'), '10.0.0.1', forward, limiter);
		const locked = await limitPasswordSignIn(signIn('a@x.nl'), '10.0.0.1', forward, limiter);
		expect(locked.status).toBe(429);
		expect(locked.headers.get('retry-after')).toBe('900');
		expect(forwarded).toBe(5);
	});

	it('leaves other auth requests alone', async () => {
		const limiter = new SignInLimiter({ ...limits, perAccount: 0, perAddress: 0 });
		const request = new Request('http://x/auth/v1/token?grant_type=refresh_token', {
			method: 'POST'
		});
		const response = await limitPasswordSignIn(
			request,
			'10.0.0.1',
			async () => new Response('ok'),
			limiter
		);
		expect(response.status).toBe(200);
	});
});

describe('tooManyAttemptsMessage', () => {
	it('says when to try again, in minutes', () => {
		expect(tooManyAttemptsMessage(900)).toBe(
			'Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.'
		);
		expect(tooManyAttemptsMessage(30)).toBe(
			'Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.'
		);
	});
});
