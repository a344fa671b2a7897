// Links in notification mails carry `?uit=mail`. Someone who opens one while signed out is asked
// to sign in first (with that reason on the sign-in page) and then comes back to the page, instead
// of seeing its public face ("Wil je helpen? Log in om te reageren") or a 404.
import { redirect } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';

export const FROM_MAIL = { param: 'uit', value: 'mail' } as const;

/** The sign-in page for a mail link opened while signed out; null when no sign-in is needed. */
export function signInForMailLink(url: URL, signedIn: boolean): string | null {
	if (signedIn || url.searchParams.get(FROM_MAIL.param) !== FROM_MAIL.value) return null;
	if (url.pathname === '/inloggen' || url.pathname.startsWith('/auth/')) return null;
	const back = new URL(url);
	back.searchParams.delete(FROM_MAIL.param);
	const next = back.pathname + back.search;
	return `/inloggen?${new URLSearchParams({ naar: next, [FROM_MAIL.param]: FROM_MAIL.value })}`;
}

export const mailLinks: Handle = ({ event, resolve }) => {
	const method = event.request.method;
	if (method === 'GET' || method === 'HEAD') {
		const signIn = signInForMailLink(event.url, event.locals.viewer !== null);
		if (signIn) redirect(303, signIn);
	}
	return resolve(event);
};
