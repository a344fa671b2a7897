// A sign-up with a known address looks like one with a new address on POST /auth/v1/signup.
// The embedded Supabase answers a known address with 429 over_email_send_rate_limit (or 422
// user_already_exists / email_exists) in ~5 ms, and a new one with 200 and the new user in
// ~250 ms (the password is hashed, the user stored, a mail sent). So a known address gets a 200
// with a user of the same shape (a fresh id that belongs to nobody, one e-mail identity), after
// about as long as recent real sign-ups took, and its owner gets the "Je hebt al een account"
// mail (request_account_exists_mail, at most one an hour), as from the sign-up form. A new
// address signed up twice within a minute gets the same answer: its first mail is on its way.
// Used by the embeddedApi handle, the test harness's server and the app's in-process client
// (auth-front.ts). No Node APIs: Vite and plain Node both load it.

import { authErrorCode } from './sign-in-limit.ts';

const TAKEN = new Set(['over_email_send_rate_limit', 'user_already_exists', 'email_exists']);

const isSignUp = (request: Request) =>
	request.method === 'POST' && new URL(request.url).pathname === '/auth/v1/signup';

interface SignUpBody {
	email: string;
	data: Record<string, unknown>;
}

async function signUpBody(request: Request): Promise<SignUpBody | null> {
	try {
		const body = (await request.clone().json()) as { email?: unknown; data?: unknown };
		if (typeof body.email !== 'string' || body.email === '') return null;
		const data =
			body.data && typeof body.data === 'object' && !Array.isArray(body.data)
				? (body.data as Record<string, unknown>)
				: {};
		return { email: body.email, data };
	} catch {
		return null;
	}
}

/** How long real sign-ups took lately; a known address waits about as long. */
export class LatencyMirror {
	readonly #samples: number[] = [];
	constructor(
		readonly fallbackMs = 250,
		readonly size = 32
	) {}

	record(ms: number): void {
		this.#samples.push(ms);
		if (this.#samples.length > this.size) this.#samples.shift();
	}

	/** One of the recent durations, at random, so the answers spread the way real ones do. */
	sample(): number {
		if (this.#samples.length === 0) return this.fallbackMs;
		return this.#samples[Math.floor(Math.random() * this.#samples.length)]!;
	}
}

export const signUpLatency = new LatencyMirror();

// The id format of the auth server's users (UUID v7: time first), so a made-up id looks like one.
function uuidV7(now: number): string {
	const random = crypto.getRandomValues(new Uint8Array(10));
	const hex = (bytes: Uint8Array) =>
		[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	const time = now.toString(16).padStart(12, '0');
	const rest = hex(random);
	const variant = ((parseInt(rest[3]!, 16) & 0x3) | 0x8).toString(16);
	return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rest.slice(0, 3)}-${variant}${rest.slice(4, 7)}-${rest.slice(8, 20)}`;
}

// PostgreSQL's text form of a timestamptz, as the embedded Supabase sends it on PGlite; an ISO
// string when the real answers use that.
let isoTimestamps = false;

function timestamp(now: Date): string {
	if (isoTimestamps) return now.toISOString();
	return now
		.toISOString()
		.replace('T', ' ')
		.replace(/\.?0+Z$/, 'Z')
		.replace(/Z$/, '+00');
}

/** The user a sign-up with a new address returns, for an id that belongs to nobody. */
export function lookalikeUser(body: SignUpBody, now = new Date()) {
	const id = uuidV7(now.getTime());
	const email = body.email.trim().toLowerCase();
	const at = timestamp(now);
	const claims = { sub: id, email, email_verified: false, phone_verified: false };
	return {
		id,
		aud: 'authenticated',
		role: 'authenticated',
		email,
		phone: '',
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: { ...body.data, ...claims },
		identities: [
			{
				identity_id: uuidV7(now.getTime()),
				id,
				user_id: id,
				identity_data: claims,
				provider: 'email',
				last_sign_in_at: at,
				created_at: at,
				updated_at: at,
				email
			}
		],
		created_at: at,
		updated_at: at,
		is_anonymous: false,
		confirmation_sent_at: at
	};
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Asks the database to mail the owner of a known address (at most once an hour, in SQL). */
function mailTheOwner(request: Request, email: string, forward: (r: Request) => Promise<Response>) {
	const headers = new Headers({ 'content-type': 'application/json' });
	const apikey = request.headers.get('apikey');
	if (apikey) headers.set('apikey', apikey);
	const url = new URL('/rest/v1/rpc/request_account_exists_mail', request.url);
	return forward(
		new Request(url, { method: 'POST', headers, body: JSON.stringify({ p_email: email }) })
	)
		.then((response) => response.body?.cancel())
		.catch((error: unknown) => console.warn('request_account_exists_mail failed:', error));
}

/** Answers a sign-up with a known address as one with a new address. */
export async function hideKnownSignUp(
	request: Request,
	forward: (request: Request) => Promise<Response>,
	latency: LatencyMirror = signUpLatency
): Promise<Response> {
	if (!isSignUp(request)) return forward(request);
	const body = await signUpBody(request);
	if (!body) return forward(request);
	const started = performance.now();
	const response = await forward(request);
	const elapsed = performance.now() - started;
	if (response.ok) {
		latency.record(elapsed);
		try {
			const user = (await response.clone().json()) as { created_at?: unknown };
			if (typeof user.created_at === 'string') isoTimestamps = user.created_at.includes('T');
		} catch {
			// Not JSON: nothing to learn from it.
		}
		return response;
	}
	if (![429, 422].includes(response.status) || !TAKEN.has((await authErrorCode(response)) ?? '')) {
		return response;
	}
	await response.body?.cancel();
	const mailed = mailTheOwner(request, body.email, forward);
	await Promise.all([mailed, sleep(Math.max(0, latency.sample() - elapsed))]);
	return Response.json(lookalikeUser(body), { status: 200 });
}
