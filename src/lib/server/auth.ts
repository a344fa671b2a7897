// Account actions on behalf of the visitor, through their own request client so the session
// cookies are set or cleared by @supabase/ssr. Returns a Dutch message on failure, null on success.
import type { Cookies } from '@sveltejs/kit';
import type { EmailOtpType } from '@supabase/supabase-js';
import { authErrorMessage, codeErrorMessage } from './auth-errors';
import { tooManyAttemptsMessage } from './embedded/sign-in-limit';
import { appLimiters } from './limits';
import type { RequestClient } from './supabase';

export type AuthResult = { error: string | null };

/** A password sign-in can also fail because the address is not confirmed yet. */
export type SignInResult = AuthResult & { unconfirmed?: boolean };

const result = (error: { message: string; code?: string } | null): AuthResult => ({
	error: error ? authErrorMessage(error) : null
});

// What the auth server answers for an address that already has an account: lite says "you can
// only request this after N seconds" (429), hosted Supabase a user without identities (200) or,
// without confirmations, email_exists. A new address signed up twice within a minute gets the
// same 429; the first mail is on its way then, so the same answer is right for it too.
const ADDRESS_TAKEN = new Set([
	'over_email_send_rate_limit',
	'user_already_exists',
	'email_exists'
]);

/**
 * Signs up. An address that already has an account gets the same answer as a new one, so the form
 * does not reveal who has an account; its owner gets a mail "Je hebt al een account" instead
 * (request_account_exists_mail, at most one per hour).
 */
export async function signUp(
	supabase: RequestClient,
	input: { email: string; password: string; displayName: string; municipality: string },
	origin: string
): Promise<AuthResult> {
	const { data, error } = await supabase.auth.signUp({
		email: input.email,
		password: input.password,
		options: {
			// The account belongs to the municipality of the site it signs up on (handle_new_user).
			data: { display_name: input.displayName, municipality: input.municipality },
			emailRedirectTo: `${origin}/auth/confirm`
		}
	});
	const taken = error
		? ADDRESS_TAKEN.has(error.code ?? '')
		: data.user !== null && (data.user.identities ?? []).length === 0;
	if (!taken) return result(error);
	await supabase.rpc('request_account_exists_mail', { p_email: input.email });
	return { error: null };
}

/**
 * Signs in with a password, within the sign-in limit per account and client address
 * (embedded/sign-in-limit.ts, counted in the database): while locked, not even the right password is tried.
 */
export async function signInWithPassword(
	supabase: RequestClient,
	input: { email: string; password: string },
	clientAddress: string | null
): Promise<SignInResult> {
	const attempt = await appLimiters().signIns.attempt(input.email, clientAddress);
	if (!attempt.allowed) return { error: tooManyAttemptsMessage(attempt.retryAfterSeconds) };
	const { error } = await supabase.auth.signInWithPassword(input);
	const wrong =
		error?.code === 'invalid_credentials' || /invalid login/i.test(error?.message ?? '');
	await attempt.settle(!error ? 'success' : wrong ? 'wrong_credentials' : 'other');
	// Only the right password gets this far, so saying "not confirmed yet" reveals nothing new.
	const unconfirmed =
		error?.code === 'email_not_confirmed' || /not confirmed/i.test(error?.message ?? '');
	return { ...result(error), unconfirmed };
}

/**
 * Sends the sign-up confirmation mail again. Answers the same for every address (an unknown,
 * a confirmed or a too-recent one), so the form tells nobody who has an account; the auth
 * server's own limit (one mail a minute per address) still holds.
 */
export async function resendConfirmation(
	supabase: RequestClient,
	email: string,
	origin: string
): Promise<void> {
	await supabase.auth.resend({
		type: 'signup',
		email,
		options: { emailRedirectTo: `${origin}/auth/confirm` }
	});
}

/** Mails a sign-in link and a six-digit code; only to existing accounts. */
export async function sendSignInMail(
	supabase: RequestClient,
	email: string,
	origin: string
): Promise<AuthResult> {
	const { error } = await supabase.auth.signInWithOtp({
		email,
		options: { shouldCreateUser: false, emailRedirectTo: `${origin}/auth/confirm` }
	});
	// "No such user" is not shown: the page says "if there is an account, we sent a mail".
	if (
		error &&
		!/not found|signups not allowed|user_not_found/i.test(`${error.code} ${error.message}`)
	) {
		return result(error);
	}
	return { error: null };
}

/**
 * Verifies a 6-digit code from a mail, within the code limit per address and client address
 * (embedded/code-limit.ts): while locked, not even the right code is tried. A code from the
 * password-reset mail is verified as 'recovery' (the caller then asks for the new password); a
 * sign-in code as 'email'.
 */
export async function verifyCode(
	supabase: RequestClient,
	input: { email: string; code: string },
	clientAddress: string | null,
	purpose: 'sign_in' | 'recovery' | 'sign_up' = 'sign_in'
): Promise<AuthResult> {
	const attempt = await appLimiters().codes.attempt(input.email, clientAddress);
	if (!attempt.allowed) return { error: tooManyAttemptsMessage(attempt.retryAfterSeconds) };
	const verify = (type: 'email' | 'magiclink' | 'recovery' | 'signup') =>
		supabase.auth.verifyOtp({ email: input.email, token: input.code, type });
	let error: { message: string; code?: string; status?: number } | null;
	if (purpose === 'recovery') {
		error = (await verify('recovery')).error;
	} else if (purpose === 'sign_up') {
		error = (await verify('signup')).error;
	} else {
		error = (await verify('email')).error;
		// The embedded Supabase rejects type 'email' and files the code under 'magiclink'
		// (README, Known differences); hosted Supabase accepts both.
		if (error) error = (await verify('magiclink')).error;
		// The code from the sign-up mail works here too: that mail sends people to this page.
		if (error) error = (await verify('signup')).error;
	}
	const wrong = error?.code === 'otp_expired' || error?.code === 'invalid_credentials';
	await attempt.settle(!error ? 'success' : wrong ? 'wrong_credentials' : 'other');
	return { error: error ? codeErrorMessage(error) : null };
}

// The auth server files sign-in and reset codes alike (GoTrue and lite both keep them as the
// user's recovery token), so a code alone does not say which mail it came from. A browser that
// asked for a reset carries this cookie for the code's lifetime, and the code page then ends with
// choosing a new password.
const RESET_COOKIE = 'bk-wachtwoord-herstel';

export function markResetRequested(cookies: Cookies, https: boolean): void {
	cookies.set(RESET_COOKIE, '1', {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: https,
		maxAge: 60 * 60
	});
}

export const resetRequested = (cookies: Cookies): boolean => cookies.get(RESET_COOKIE) === '1';

export function clearResetRequested(cookies: Cookies): void {
	cookies.delete(RESET_COOKIE, { path: '/' });
}

// Where someone was going when she signed up or asked for a login mail: the link in the mail
// cannot carry it (the embedded Supabase ignores redirect addresses), so this browser keeps it for
// a day and /auth/confirm takes her there. A link opened in another browser lands on the home page.
const NEXT_COOKIE = 'bk-naar';

export function rememberNext(cookies: Cookies, next: string, https: boolean): void {
	if (next === '/') return;
	cookies.set(NEXT_COOKIE, next, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: https,
		maxAge: 24 * 60 * 60
	});
}

/** The remembered path (checked again by the caller), and forgets it. */
export function takeNext(cookies: Cookies): string | null {
	const next = cookies.get(NEXT_COOKIE) ?? null;
	if (next !== null) cookies.delete(NEXT_COOKIE, { path: '/' });
	return next;
}

const OTP_TYPES = ['signup', 'magiclink', 'recovery', 'email_change', 'invite', 'email'] as const;

export const isOtpType = (value: string | null): value is EmailOtpType =>
	OTP_TYPES.includes(value as (typeof OTP_TYPES)[number]);

export async function verifyTokenHash(
	supabase: RequestClient,
	tokenHash: string,
	type: EmailOtpType
): Promise<AuthResult> {
	const { error } = await supabase.auth.verifyOtp({ token_hash: tokenHash, type });
	return result(error);
}

export async function sendPasswordReset(
	supabase: RequestClient,
	email: string,
	origin: string
): Promise<AuthResult> {
	const { error } = await supabase.auth.resetPasswordForEmail(email, {
		redirectTo: `${origin}/auth/confirm`
	});
	if (error && /not found/i.test(error.message)) return { error: null };
	return result(error);
}

export async function setNewPassword(
	supabase: RequestClient,
	password: string
): Promise<AuthResult> {
	const { error } = await supabase.auth.updateUser({ password });
	return result(error);
}

export async function signOut(supabase: RequestClient): Promise<void> {
	await supabase.auth.signOut({ scope: 'local' });
}
