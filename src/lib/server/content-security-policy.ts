// The Content-Security-Policy of every page, applied by SvelteKit (vite.config.ts), which adds a
// nonce for its own inline bootstrap script to script-src. Everything the app loads comes from its
// own origin; nothing may frame it.
import type { Config } from '@sveltejs/kit/vite';
import { tileOrigin } from '../buurthuizen/tiles.ts';

type Directives = NonNullable<NonNullable<Config['csp']>['directives']>;

type Source = Directives['img-src'] extends (infer S)[] | undefined ? S : never;

function mapTileHosts(): Source[] {
	const origin = tileOrigin(process.env.PUBLIC_MAP_TILE_URL);
	return origin ? [origin as Source] : [];
}

export const contentSecurityPolicy: Directives = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	// Svelte's scoped styles end up in the CSS files; the only style attribute is on SvelteKit's
	// route announcer (a visually hidden live region it adds after hydration). Its hash allows
	// exactly that one, which is narrower than 'unsafe-inline'; after a SvelteKit update that
	// changes it, tests/e2e/platform/security.e2e.ts reports the violation with the new hash.
	'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
	// The map's tiles (Buurthuizen): their host, read when the app is built.
	'img-src': ['self', 'data:', ...mapTileHosts()],
	'font-src': ['self'],
	'connect-src': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none'],
	'base-uri': ['self'],
	'object-src': ['none']
};
