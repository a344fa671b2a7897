// Limits password sign-ins per account (e-mail address) and per client address, so nobody can
// try password after password. Shared by the app's sign-in form (src/lib/server/auth.ts), the
// embeddedApi handle in hooks.server.ts for POST /auth/v1/token?grant_type=password, and the test
// harness's HTTP server, the way body-limit.ts is.
//
// Where the counts live: in memory, in this server process (rate-limiter-flexible's
// RateLimiterMemory). We chose that over a table because a failed sign-in then costs no database
// write (an attacker's stream of wrong passwords does not become a stream of writes), the form
// needs no service-role client in request code, and it works the same in front of hosted Supabase.
// The price: a restart forgets the counts, and with several app servers each counts on its own
// (README, Known differences). Hosted Supabase's auth server adds its own per-address limits.
//
// An attempt takes a point before it reaches the auth server, so parallel attempts cannot slip
// past the limit; a success gives the account's points back, an answer that says nothing about
// the password (unconfirmed address, server error) gives both back. Nobody gets mail about it.
// No Node APIs: Vite and plain Node both load it.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface SignInLimits {
	/** Failed sign-ins per e-mail address within the window before it is locked. */
	perAccount: number;
	/** Failed sign-ins per client address within the window, over all accounts. */
	perAddress: number;
	/** The window, and how long a lock lasts once a limit is reached. */
	windowSeconds: number;
}

export const SIGN_IN_LIMITS: SignInLimits = {
	perAccount: 5,
	perAddress: 20,
	windowSeconds: 15 * 60
};

export type SignInOutcome = 'success' | 'wrong_credentials' | 'other';

export type SignInAttempt =
	| { allowed: true; settle: (outcome: SignInOutcome) => Promise<void> }
	| { allowed: false; retryAfterSeconds: number };

const accountKey = (email: string) => email.trim().toLowerCase();

export class SignInLimiter {
	readonly #accounts: RateLimiterMemory;
	readonly #addresses: RateLimiterMemory;

	constructor(limits: SignInLimits = SIGN_IN_LIMITS) {
		const lock = { duration: limits.windowSeconds, blockDuration: limits.windowSeconds };
		this.#accounts = new RateLimiterMemory({ points: limits.perAccount, ...lock });
		this.#addresses = new RateLimiterMemory({ points: limits.perAddress, ...lock });
	}

	/** Takes one attempt for the account and the client address, or says how long to wait. */
	async attempt(email: string | null, address: string | null): Promise<SignInAttempt> {
		const account = email ? accountKey(email) : null;
		const client = address || 'unknown';
		const [byAccount, byAddress] = await Promise.all([
			account ? take(this.#accounts, account) : null,
			take(this.#addresses, client)
		]);
		const refused = [byAccount, byAddress].filter((r): r is Refused => r?.refused === true);
		if (refused.length > 0) {
			// Only the limiter that still had room gives its point back; a refused one stays locked.
			if (account && byAccount?.refused === false) await this.#accounts.reward(account);
			if (byAddress.refused === false) await this.#addresses.reward(client);
			const ms = Math.max(...refused.map((r) => r.msBeforeNext));
			return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
		}
		return {
			allowed: true,
			settle: async (outcome) => {
				if (outcome === 'wrong_credentials') return;
				if (account) {
					if (outcome === 'success') await this.#accounts.delete(account);
					else await this.#accounts.reward(account);
				}
				await this.#addresses.reward(client);
			}
		};
	}
}

type Refused = { refused: true; msBeforeNext: number };

async function take(limiter: RateLimiterMemory, key: string) {
	try {
		await limiter.consume(key);
		return { refused: false as const };
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) {
			return { refused: true as const, msBeforeNext: rejection.msBeforeNext };
		}
		throw rejection;
	}
}

/** Whole minutes to wait, for the Dutch message. */
export const minutesToWait = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
	const minutes = minutesToWait(retryAfterSeconds);
	return `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}

/** The one limiter of this server process, shared by the sign-in form and the API handle. */
export const signInLimiter = new SignInLimiter();

const isPasswordGrant = (request: Request, url: URL) =>
	request.method === 'POST' &&
	url.pathname === '/auth/v1/token' &&
	url.searchParams.get('grant_type') === 'password';

async function emailOf(request: Request): Promise<string | null> {
	try {
		const body = (await request.clone().json()) as { email?: unknown };
		return typeof body.email === 'string' && body.email.trim() !== '' ? body.email : null;
	} catch {
		return null;
	}
}

async function outcomeOf(response: Response): Promise<SignInOutcome> {
	if (response.ok) return 'success';
	if (response.status !== 400) return 'other';
	let code = response.headers.get('x-sb-error-code');
	if (!code) {
		try {
			code = String(((await response.clone().json()) as { error_code?: unknown }).error_code);
		} catch {
			code = null;
		}
	}
	return code === 'invalid_credentials' || code === 'invalid_grant' ? 'wrong_credentials' : 'other';
}

/** 429 in the auth API's error shape, with Retry-After, so supabase-js reports a rate limit. */
export function tooManySignIns(retryAfterSeconds: number): Response {
	return Response.json(
		{
			code: 429,
			error_code: 'over_request_rate_limit',
			msg: `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`
		},
		{
			status: 429,
			headers: {
				'retry-after': String(retryAfterSeconds),
				'x-sb-error-code': 'over_request_rate_limit'
			}
		}
	);
}

/**
 * Passes a request on to the auth server, counting password sign-ins: a locked account or client
 * address gets 429 without the password being checked at all, even when it is right.
 */
export async function limitPasswordSignIn(
	request: Request,
	clientAddress: string | null,
	forward: (request: Request) => Promise<Response>,
	limiter: SignInLimiter = signInLimiter
): Promise<Response> {
	const url = new URL(request.url);
	if (!isPasswordGrant(request, url)) return forward(request);
	const attempt = await limiter.attempt(await emailOf(request), clientAddress);
	if (!attempt.allowed) return tooManySignIns(attempt.retryAfterSeconds);
	let response: Response;
	try {
		response = await forward(request);
	} catch (error) {
		await attempt.settle('other');
		throw error;
	}
	await attempt.settle(await outcomeOf(response));
	return response;
}
