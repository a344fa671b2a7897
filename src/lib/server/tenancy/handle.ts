// The tenant handle: resolves the request's host name to its municipality once, before any load
// or action, so every page, mail, feed and file of this request is that municipality's
// (event.locals.municipality). An unknown host gets a plain Dutch 404 that names no municipality.
import { error } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { normalizeHost } from '#lib/tenancy/host';
import { hostResolver } from './lookup';

export const UNKNOWN_HOST_MESSAGE =
	'Op dit adres staat geen website van Buurtkracht. Controleer het adres, of zoek de website van je gemeente.';

/** Page titles end with "– Buurtkracht"; the municipality's name follows it. */
export const titleWithMunicipality = (html: string, name: string) =>
	html.replace(/ – Buurtkracht<\/title>/, ` – Buurtkracht ${escapeHtml(name)}</title>`);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const tenant: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const municipality = await hostResolver().resolve(normalizeHost(event.url.host));
	event.locals.hostMillis = performance.now() - started;
	if (!municipality) error(404, UNKNOWN_HOST_MESSAGE);
	event.locals.municipality = municipality;
	let titled = false;
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			if (titled) return html;
			const out = titleWithMunicipality(html, municipality.name);
			titled = out !== html;
			return out;
		}
	});
};
