// The Content-Security-Policy of every page, applied by SvelteKit (vite.config.ts), which adds a
// nonce for its own inline bootstrap script to script-src. Everything the app loads comes from its
// own origin; nothing may frame it.
import type { Config } from '@sveltejs/kit/vite';

type Directives = NonNullable<NonNullable<Config['csp']>['directives']>;

export const contentSecurityPolicy: Directives = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	// Svelte's scoped styles end up in the CSS files; the only style attribute is on SvelteKit's
	// route announcer (a visually hidden live region it adds after hydration). Its hash allows
	// exactly that one, which is narrower than 'unsafe-inline'; after a SvelteKit update that
	// changes it, tests/e2e/platform/security.e2e.ts reports the violation with the new hash.
	'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
	'img-src': ['self', 'data:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none'],
	'base-uri': ['self'],
	'object-src': ['none']
};
