// The cross-site form-post check, done here instead of by SvelteKit (vite.config.ts trusts every
// origin, which switches SvelteKit's own check off), because one route must accept a form post
// from anywhere: the one-click unsubscribe of a mail (RFC 8058). A mail program posts
// `List-Unsubscribe=One-Click` to the link without a session and without an Origin header, which
// SvelteKit refuses before any hook runs. Everything else gets the check SvelteKit does: a
// POST, PUT, PATCH or DELETE with a form's content type (or none) whose Origin is not the
// origin of the host it was sent to is refused with 403. That origin is the request's own (the
// host the browser used), so the check holds on every municipality's host.
import type { Handle } from '@sveltejs/kit/hooks';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// What an HTML form can send, and SvelteKit's own binary form format.
const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
]);

/**
 * Where a form post from another site is expected: the unsubscribe link carries its own secret,
 * and all it can do is switch off mails.
 */
const OPEN_TO_ANY_ORIGIN = [/^\/hulp\/meldingen\/afmelden\/[0-9a-f-]{36}$/];

export function isForbiddenCrossSitePost(request: Request, url: URL): boolean {
	if (!MUTATING.has(request.method)) return false;
	const type = request.headers.get('content-type');
	const formLike =
		type === null || FORM_TYPES.has((type.split(';', 1)[0] ?? '').trim().toLowerCase());
	if (!formLike || request.headers.get('origin') === url.origin) return false;
	return !OPEN_TO_ANY_ORIGIN.some((path) => path.test(url.pathname));
}

export const crossSitePosts: Handle = ({ event, resolve }) => {
	if (!isForbiddenCrossSitePost(event.request, event.url)) return resolve(event);
	const message = `Cross-site ${event.request.method} form submissions are forbidden`;
	if (event.request.headers.get('accept') === 'application/json') {
		return Response.json({ message }, { status: 403 });
	}
	return new Response(message, { status: 403, headers: { 'content-type': 'text/plain' } });
};
