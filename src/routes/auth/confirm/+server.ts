// Target of the links in auth mails: exchanges the token hash for a session, then sends the
// person on: back to where she was going when she signed up or asked for the login mail (kept in
// this browser, auth.ts rememberNext), else a welcome on the home page or her role's page.
// Works the same on hosted Supabase and on the embedded one.
import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '#lib/schemas/auth';
import { clearResetRequested, isOtpType, takeNext, verifyTokenHash } from '#lib/server/auth';
import { pathAfterSignIn } from '#lib/server/viewer';
import { refuseForeignAccount } from '#lib/server/tenancy/accounts';
import type { RequestHandler } from './$types';

const NEXT_BY_TYPE: Record<string, string> = {
	invite: '/wachtwoord-herstellen',
	recovery: '/wachtwoord-herstellen',
	email_change: '/profiel'
};

export const GET: RequestHandler = async ({ url, locals, cookies }) => {
	const tokenHash = url.searchParams.get('token_hash');
	const type = url.searchParams.get('type');
	if (!tokenHash || !isOtpType(type)) redirect(303, '/inloggen?fout=link');
	const verified = await verifyTokenHash(locals.supabase, tokenHash, type);
	if (verified.error) redirect(303, '/inloggen?fout=link');
	const other = await refuseForeignAccount(locals.supabase, locals.municipality);
	if (other !== null) redirect(303, `/inloggen?andere-gemeente=${encodeURIComponent(other)}`);
	// The reset is under way through the link; the code page need not expect it any more.
	if (type === 'recovery') clearResetRequested(cookies);
	const fixed = NEXT_BY_TYPE[type];
	if (fixed) redirect(303, fixed);
	const asked = takeNext(cookies) ?? url.searchParams.get('naar');
	if (type === 'signup') redirect(303, asked ? safeRedirectPath(asked) : '/?welkom=1');
	redirect(303, await pathAfterSignIn(locals.supabase, asked));
};
