import { describe, expect, it } from 'vitest';
import { hstsHeader, permissionsPolicy } from './security-headers';
import { SESSION_COOKIE_MAX_AGE, sessionCookieOptions } from './session-cookie';

describe('hstsHeader', () => {
	it('asks browsers for HTTPS only when the request came over HTTPS', () => {
		expect(hstsHeader(new URL('https://buurtkracht.zaanstad.nl/'))).toEqual({
			'strict-transport-security': 'max-age=31536000'
		});
		expect(hstsHeader(new URL('http://127.0.0.1:4173/'))).toEqual({});
	});
});

describe('permissionsPolicy', () => {
	it.each(['/(public)', '/(public)/hulp', '/(app)/profiel', '/beheer/rollen', null, '/winkels'])(
		'denies the camera on %s',
		(routeId) => {
			expect(permissionsPolicy(routeId)).toMatch(/^camera=\(\), /);
		}
	);

	it.each(['/(app)/winkel', '/(app)/winkel/scannen/[id=uuid]', '/winkel'])(
		'lets the shop counter use the camera on %s',
		(routeId) => {
			expect(permissionsPolicy(routeId)).toMatch(/^camera=\(self\), /);
		}
	);

	it('denies the microphone and location everywhere', () => {
		expect(permissionsPolicy('/(app)/winkel')).toContain('microphone=()');
		expect(permissionsPolicy('/(app)/winkel')).toContain('geolocation=()');
	});

	it('lets only the buurthuizen map ask for the location ("bij mij in de buurt")', () => {
		expect(permissionsPolicy('/(public)/buurthuizen')).toContain('geolocation=(self)');
		expect(permissionsPolicy('/(public)/buurthuizen/[slug]')).toContain('geolocation=()');
		expect(permissionsPolicy('/(public)/hulp')).toContain('geolocation=()');
	});
});

describe('sessionCookieOptions', () => {
	const proposed = { path: '/', sameSite: 'lax', httpOnly: false, maxAge: 400 * 86400 } as const;

	it('overrides what @supabase/ssr proposes', () => {
		expect(sessionCookieOptions(proposed, false)).toMatchObject({
			httpOnly: true,
			secure: false,
			sameSite: 'lax',
			path: '/',
			maxAge: SESSION_COOKIE_MAX_AGE
		});
		expect(sessionCookieOptions(proposed, true).secure).toBe(true);
	});

	it('keeps a deletion a deletion', () => {
		expect(sessionCookieOptions({ ...proposed, maxAge: 0 }, true).maxAge).toBe(0);
	});
});
