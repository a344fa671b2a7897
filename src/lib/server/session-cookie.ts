// How long and how safely the browser keeps the session cookies that @supabase/ssr writes. They hold
// the refresh token, so scripts never read them (pages are server-rendered; no browser client).
import type { Cookies } from '@sveltejs/kit';

type CookieOptions = NonNullable<Parameters<Cookies['set']>[2]>;

/**
 * Seven days without a visit signs you out. @supabase/ssr rewrites the cookies whenever it
 * refreshes the hour-long access token, so for someone who keeps using the site this is a sliding
 * window; an unattended device (a library computer, a shared tablet at home) drops the session
 * within a week. See README, "Session cookie".
 */
export const SESSION_COOKIE_MAX_AGE = 7 * 24 * 60 * 60;

/** The options for a session cookie, whatever @supabase/ssr proposes (it asks for 400 days). */
export function sessionCookieOptions(
	proposed: CookieOptions,
	https: boolean
): CookieOptions & { path: string } {
	return {
		...proposed,
		path: '/',
		httpOnly: true,
		secure: https,
		sameSite: 'lax',
		// Deleting a cookie is a max-age of 0; that must stay a deletion.
		maxAge: proposed.maxAge === 0 ? 0 : SESSION_COOKIE_MAX_AGE
	};
}
