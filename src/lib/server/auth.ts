// Account actions on behalf of the visitor, through their own request client so the session
// cookies are set or cleared by @supabase/ssr. Returns a Dutch message on failure, null on success.
import type { EmailOtpType } from '@supabase/supabase-js';
import { authErrorMessage } from './auth-errors';
import { signInLimiter, tooManyAttemptsMessage } from './embedded/sign-in-limit';
import type { RequestClient } from './supabase';

export type AuthResult = { error: string | null };

const result = (error: { message: string; code?: string } | null): AuthResult => ({
	error: error ? authErrorMessage(error) : null
});

export async function signUp(
	supabase: RequestClient,
	input: { email: string; password: string; displayName: string },
	origin: string
): Promise<AuthResult> {
	const { error } = await supabase.auth.signUp({
		email: input.email,
		password: input.password,
		options: {
			data: { display_name: input.displayName },
			emailRedirectTo: `${origin}/auth/confirm`
		}
	});
	// With confirmations on, an existing address comes back as a user without identities;
	// we answer the same as for a new one so the form does not reveal who has an account.
	return result(error);
}

/**
 * Signs in with a password, within the sign-in limit per account and client address
 * (embedded/sign-in-limit.ts): while locked, not even the right password is tried.
 */
export async function signInWithPassword(
	supabase: RequestClient,
	input: { email: string; password: string },
	clientAddress: string | null
): Promise<AuthResult> {
	const attempt = await signInLimiter.attempt(input.email, clientAddress);
	if (!attempt.allowed) return { error: tooManyAttemptsMessage(attempt.retryAfterSeconds) };
	const { error } = await supabase.auth.signInWithPassword(input);
	const wrong =
		error?.code === 'invalid_credentials' || /invalid login/i.test(error?.message ?? '');
	await attempt.settle(!error ? 'success' : wrong ? 'wrong_credentials' : 'other');
	return result(error);
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

export async function verifyCode(
	supabase: RequestClient,
	input: { email: string; code: string }
): Promise<AuthResult> {
	const first = await supabase.auth.verifyOtp({
		email: input.email,
		token: input.code,
		type: 'email'
	});
	if (!first.error) return { error: null };
	// The embedded Supabase rejects type 'email' and files the code under 'magiclink'
	// (README, Known differences); hosted Supabase accepts both.
	const second = await supabase.auth.verifyOtp({
		email: input.email,
		token: input.code,
		type: 'magiclink'
	});
	return result(second.error);
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
