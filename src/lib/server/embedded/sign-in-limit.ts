// Limits password sign-ins per account (e-mail address) and per client address, so nobody can
// try password after password. Shared by the app's sign-in form (src/lib/server/auth.ts), the
// embeddedApi handle in hooks.server.ts for POST /auth/v1/token?grant_type=password, and the test
// harness's HTTP server, the way body-limit.ts is.
//
// Where the counts live: in an AttemptStore. The app uses the database (attempt-store.ts:
// service-role-only SQL functions, keys as HMACs), so several app servers share one count and
// 20 guesses spread over two servers lock exactly as 20 on one; a restart forgets nothing. The
// memory store here counts the same way in one process, for unit tests and for a server without
// a secret key. Hosted Supabase's auth server adds its own per-address limits.
//
// An attempt takes a point before it reaches the auth server, so parallel attempts cannot slip
// past the limit; a success gives the account's points back, an answer that says nothing about
// the password (unconfirmed address, server error) gives both back. Nobody gets mail about it.
// No Node APIs: Vite and plain Node both load it.

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

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Where attempts are counted; the same rules in memory and in SQL (public.take_attempt). */
export interface AttemptStore {
	/**
	 * Takes one point from every key, each with its own limit. A key over its limit is locked for
	 * a whole window and takes no more points; when any key refuses, the others get theirs back.
	 */
	take(
		bucket: string,
		keys: { key: string; limit: number }[],
		windowSeconds: number
	): Promise<TakeResult>;
	/** Gives one point back to each key in reward; forgets the keys in reset (not while locked). */
	giveBack(bucket: string, reward: string[], reset: string[]): Promise<void>;
}

interface Counter {
	points: number;
	windowEndsAt: number;
	lockedUntil: number | null;
}

/** Counts in this process only (unit tests, a server without a secret key). */
export class MemoryAttemptStore implements AttemptStore {
	readonly #counters = new Map<string, Counter>();
	readonly #now: () => number;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	async take(bucket: string, keys: { key: string; limit: number }[], windowSeconds: number) {
		const now = this.#now();
		const windowMs = windowSeconds * 1000;
		const allowed: string[] = [];
		let retryMs = 0;
		for (const { key, limit } of keys) {
			const id = `${bucket}\n${key}`;
			const c = this.#counters.get(id);
			let next: Counter;
			if (c && c.lockedUntil !== null && c.lockedUntil > now) next = c;
			else {
				const points = !c || c.windowEndsAt <= now ? 1 : c.points + 1;
				next = {
					points,
					windowEndsAt: !c || c.windowEndsAt <= now ? now + windowMs : c.windowEndsAt,
					lockedUntil: points > limit ? now + windowMs : null
				};
			}
			this.#counters.set(id, next);
			if (next.lockedUntil !== null && next.lockedUntil > now) {
				retryMs = Math.max(retryMs, next.lockedUntil - now);
			} else allowed.push(key);
		}
		if (retryMs > 0) {
			await this.giveBack(bucket, allowed, []);
			return { allowed: false as const, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) };
		}
		return { allowed: true as const };
	}

	async giveBack(bucket: string, reward: string[], reset: string[]) {
		const now = this.#now();
		const unlocked = (c: Counter | undefined): c is Counter =>
			c !== undefined && (c.lockedUntil === null || c.lockedUntil <= now);
		for (const key of reward) {
			const c = this.#counters.get(`${bucket}\n${key}`);
			if (unlocked(c)) c.points = Math.max(0, c.points - 1);
		}
		for (const key of reset) {
			const id = `${bucket}\n${key}`;
			if (unlocked(this.#counters.get(id))) this.#counters.delete(id);
		}
	}
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export class SignInLimiter {
	readonly #limits: SignInLimits;
	readonly #bucket: string;
	readonly #store: AttemptStore;

	constructor(
		limits: SignInLimits = SIGN_IN_LIMITS,
		options: { bucket?: string; store?: AttemptStore } = {}
	) {
		this.#limits = limits;
		this.#bucket = options.bucket ?? 'sign_in';
		this.#store = options.store ?? new MemoryAttemptStore();
	}

	/** Takes one attempt for the account and the client address, or says how long to wait. */
	async attempt(email: string | null, address: string | null): Promise<SignInAttempt> {
		const account = email && email.trim() !== '' ? accountKey(email) : null;
		const client = addressKey(address || 'unknown');
		const keys = [
			...(account ? [{ key: account, limit: this.#limits.perAccount }] : []),
			{ key: client, limit: this.#limits.perAddress }
		];
		const taken = await this.#store.take(this.#bucket, keys, this.#limits.windowSeconds);
		if (!taken.allowed) return taken;
		return {
			allowed: true,
			settle: async (outcome) => {
				if (outcome === 'wrong_credentials') return;
				if (outcome === 'success') {
					await this.#store.giveBack(this.#bucket, [client], account ? [account] : []);
				} else {
					await this.#store.giveBack(this.#bucket, account ? [account, client] : [client], []);
				}
			}
		};
	}
}

/** Whole minutes to wait, for the Dutch message. */
export const minutesToWait = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
	const minutes = minutesToWait(retryAfterSeconds);
	return `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}

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

/** The auth API's error code of an answer: its x-sb-error-code header, else the body's error_code. */
export async function authErrorCode(response: Response): Promise<string | null> {
	const header = response.headers.get('x-sb-error-code');
	if (header) return header;
	try {
		const body = (await response.clone().json()) as { error_code?: unknown };
		return typeof body.error_code === 'string' ? body.error_code : null;
	} catch {
		return null;
	}
}

async function outcomeOf(response: Response): Promise<SignInOutcome> {
	if (response.ok) return 'success';
	if (response.status !== 400) return 'other';
	const code = await authErrorCode(response);
	return code === 'invalid_credentials' || code === 'invalid_grant' ? 'wrong_credentials' : 'other';
}

/** 429 in the auth API's error shape, with Retry-After, so supabase-js reports a rate limit. */
function tooManyAttempts(retryAfterSeconds: number, what: string): Response {
	return Response.json(
		{
			code: 429,
			error_code: 'over_request_rate_limit',
			msg: `Too many ${what}. Try again in ${retryAfterSeconds} seconds.`
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
 * Sends one counted attempt: refused with 429 when the account or client address is locked,
 * else forwarded and settled by what the answer says (a thrown error gives the points back).
 */
export async function countedAttempt(
	limiter: SignInLimiter,
	who: { email: string | null; clientAddress: string | null },
	send: () => Promise<Response>,
	outcome: (response: Response) => Promise<SignInOutcome>,
	what: string
): Promise<Response> {
	const attempt = await limiter.attempt(who.email, who.clientAddress);
	if (!attempt.allowed) return tooManyAttempts(attempt.retryAfterSeconds, what);
	let response: Response;
	try {
		response = await send();
	} catch (error) {
		await attempt.settle('other');
		throw error;
	}
	await attempt.settle(await outcome(response));
	return response;
}

/**
 * Passes a request on to the auth server, counting password sign-ins: a locked account or client
 * address gets 429 without the password being checked at all, even when it is right.
 */
export async function limitPasswordSignIn(
	request: Request,
	clientAddress: string | null,
	forward: (request: Request) => Promise<Response>,
	limiter: SignInLimiter
): Promise<Response> {
	const url = new URL(request.url);
	if (!isPasswordGrant(request, url)) return forward(request);
	return countedAttempt(
		limiter,
		{ email: await emailOf(request), clientAddress },
		() => forward(request),
		outcomeOf,
		'failed sign-in attempts'
	);
}
