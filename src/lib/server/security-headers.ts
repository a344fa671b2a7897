// Response headers that every page and endpoint of the app sends (the Content-Security-Policy
// itself is SvelteKit's, configured in vite.config.ts). The embedded /auth/v1 and /rest/v1 API is
// answered before this handle and keeps the headers Supabase sends.
import type { Handle } from '@sveltejs/kit/hooks';

/**
 * Routes that may use the camera, as route ids without their (group) segments; everything below
 * them too. Every other page denies it, so a script injected anywhere cannot switch it on.
 */
const CAMERA_ROUTES: string[] = [
	'/winkel' // the shop counter's cheque scanner (Mantelzorgwaardering)
];

/** Routes (exactly these) that may ask for the browser's location: "bij mij in de buurt". */
const GEOLOCATION_ROUTES: string[] = ['/buurthuizen'];

const DENIED_FEATURES = ['microphone', 'payment', 'usb', 'display-capture'];

const withoutGroups = (routeId: string) => routeId.replace(/\/\([^/]+\)/g, '') || '/';

export function permissionsPolicy(routeId: string | null): string {
	const route = routeId === null ? null : withoutGroups(routeId);
	const camera =
		route !== null && CAMERA_ROUTES.some((r) => route === r || route.startsWith(`${r}/`));
	const geolocation = route !== null && GEOLOCATION_ROUTES.includes(route);
	return [
		`camera=${camera ? '(self)' : '()'}`,
		`geolocation=${geolocation ? '(self)' : '()'}`,
		...DENIED_FEATURES.map((f) => `${f}=()`)
	].join(', ');
}

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = {
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'permissions-policy': permissionsPolicy(event.route.id)
	};
	try {
		for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
	} catch {
		// A response passed through from fetch has immutable headers: copy it to add ours.
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
		return copy;
	}
	return response;
};
