// Limits guesses of the 6-digit codes in sign-in and reset mails (POST /auth/v1/verify with an
// e-mail address and a token), per address and per client address, the way sign-in-limit.ts limits
// passwords. A code has a million values and lives an hour: without a limit a script tries them
// all. With 5 wrong codes per address and 20 per client address in 15 minutes, a guess succeeds
// with a chance of about 1 in 40,000 per hour of trying. Shared by the code form
// (src/lib/server/auth.ts), the embeddedApi handle and the test harness's HTTP server. Counted in
// the same store as the password limit (bucket "code"), so several app servers share the count.
// Verifying a link (token_hash, 256 bits) is not counted. No Node APIs: Vite and plain Node both
// load it.
import {
	authErrorCode,
	countedAttempt,
	type SignInLimiter,
	type SignInLimits,
	type SignInOutcome
} from './sign-in-limit.ts';

export const CODE_LIMITS: SignInLimits = {
	perAccount: 5,
	perAddress: 20,
	windowSeconds: 15 * 60
};

export const CODE_BUCKET = 'code';

interface CodeVerification {
	email: string;
}

async function codeVerification(request: Request): Promise<CodeVerification | null> {
	if (request.method !== 'POST' || new URL(request.url).pathname !== '/auth/v1/verify') {
		return null;
	}
	try {
		const body = (await request.clone().json()) as { email?: unknown; token?: unknown };
		if (typeof body.token !== 'string' || body.token === '') return null;
		return { email: typeof body.email === 'string' ? body.email : '' };
	} catch {
		return null;
	}
}

/** A wrong or expired code; anything else (a bad type, a server error) says nothing about it. */
export async function codeOutcome(response: Response): Promise<SignInOutcome> {
	if (response.ok) return 'success';
	if (response.status !== 400 && response.status !== 403) return 'other';
	const code = await authErrorCode(response);
	return code === 'otp_expired' || code === 'invalid_credentials' || code === 'otp_invalid'
		? 'wrong_credentials'
		: 'other';
}

/**
 * Passes a request on to the auth server, counting code verifications: a locked address or
 * client gets 429 without the code being checked at all, even when it is right.
 */
export async function limitCodeVerification(
	request: Request,
	clientAddress: string | null,
	forward: (request: Request) => Promise<Response>,
	limiter: SignInLimiter
): Promise<Response> {
	const verification = await codeVerification(request);
	if (!verification) return forward(request);
	return countedAttempt(
		limiter,
		{ email: verification.email || null, clientAddress },
		() => forward(request),
		codeOutcome,
		'wrong codes'
	);
}
