// Target of the links in auth mails: exchanges the token hash for a session, then sends the
// person on. Works the same on hosted Supabase and on the embedded one.
import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '#lib/schemas/auth';
import { clearResetRequested, isOtpType, verifyTokenHash } from '#lib/server/auth';
import { refuseForeignAccount } from '#lib/server/tenancy/accounts';
import type { RequestHandler } from './$types';

const NEXT_BY_TYPE: Record<string, string> = {
	signup: '/profiel?welkom=1',
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
	redirect(303, NEXT_BY_TYPE[type] ?? safeRedirectPath(url.searchParams.get('naar')));
};
