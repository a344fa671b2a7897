// Security headers and the session cookie, against the production build: what a browser is told
// about framing, scripts, referrers and the camera, and how it keeps the refresh token.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { DEMO_PASSWORD, signIn } from '../../support/browser.ts';

const PAGES = ['/', '/hulp', '/inloggen', '/registreren', '/buurthuizen', '/mantelzorg'];
const RESIDENT = 'inwoner@buurtkracht.example';

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name as string, values])
	);
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
	const csp = directives(headers['content-security-policy'] ?? '');
	expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
	expect(csp.get('default-src'), where).toEqual(["'self'"]);
	const scripts = csp.get('script-src') ?? [];
	expect(scripts, where).toContain("'self'");
	expect(
		scripts.some((s) => /^'(nonce|sha256)-/.test(s)),
		where
	).toBe(true);
	expect(scripts, where).not.toContain("'unsafe-inline'");
	expect(csp.get('style-src') ?? [], where).not.toContain("'unsafe-inline'");
	expect(headers['x-frame-options'], where).toBe('DENY');
	expect(headers['x-content-type-options'], where).toBe('nosniff');
	expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
	expect(headers['permissions-policy'], where).toMatch(/(^|, )camera=\(\)(,|$)/);
}

async function signInWithForm(request: APIRequestContext, headers: Record<string, string> = {}) {
	return request.post('/inloggen?/wachtwoord', {
		headers: { origin: E2E_ORIGIN, accept: 'text/html', ...headers },
		form: { email: RESIDENT, password: DEMO_PASSWORD },
		maxRedirects: 0
	});
}

function sessionCookies(headers: { name: string; value: string }[]) {
	return headers
		.filter((h) => h.name.toLowerCase() === 'set-cookie' && /^sb-[^=]*-auth-token/.test(h.value))
		.map((h) => h.value);
}

test('pages send the security headers and a strict CSP', async ({ request }) => {
	for (const path of [...PAGES, '/bestaat-niet']) {
		const response = await request.get(path, { headers: { accept: 'text/html' } });
		expectSecurityHeaders(response.headers(), path);
	}
});

test('signed-in pages send them too', async ({ page }) => {
	await signIn(page, RESIDENT);
	const response = await page.goto('/profiel');
	expectSecurityHeaders((await response?.allHeaders()) ?? {}, '/profiel');
});

test('the embedded Supabase API keeps its own headers', async ({ request }) => {
	const response = await request.get('/auth/v1/health');
	expect(response.status()).toBeLessThan(500);
	expect(response.headers()['content-security-policy']).toBeUndefined();
	expect(response.headers()['x-frame-options']).toBeUndefined();
});

/** Collects CSP violations the browser reports, from the console and from the DOM event. */
async function watchCsp(page: Page) {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
		});
	});
	return violations;
}

test('pages, navigation and enhanced forms cause no CSP violation', async ({ page }) => {
	const violations = await watchCsp(page);
	for (const path of PAGES) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
	}
	// Styles load: the NL Design System button has its primary colour, not the browser's grey.
	await page.goto('/inloggen');
	const button = page.getByRole('button', { name: 'Inloggen', exact: true });
	await expect(button).toHaveCSS('background-color', 'rgb(0, 84, 138)');
	// An enhanced form (sign-in) and client-side navigation after it.
	await signIn(page, RESIDENT);
	await page.getByRole('link', { name: 'Buurthulp' }).first().click();
	await expect(page).toHaveURL(/\/hulp$/);
	await page.getByRole('link', { name: 'Mijn profiel' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(violations).toEqual([]);
});

test('the session cookie is HttpOnly, SameSite=Lax and lives seven days', async ({ request }) => {
	const response = await signInWithForm(request);
	expect(response.status()).toBe(303);
	const cookies = sessionCookies(response.headersArray());
	expect(cookies.length).toBeGreaterThan(0);
	for (const cookie of cookies) {
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
		expect(cookie).toMatch(/;\s*Max-Age=604800(;|$)/i);
		expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
		// Plain http on this machine: a Secure cookie would not come back.
		expect(cookie).not.toMatch(/;\s*Secure/i);
	}
});

test('behind https the session cookie is also Secure', async ({ request }) => {
	const response = await signInWithForm(request, {
		'x-forwarded-proto': 'https',
		origin: E2E_ORIGIN.replace('http:', 'https:')
	});
	expect(response.status()).toBe(303);
	const cookies = sessionCookies(response.headersArray());
	expect(cookies.length).toBeGreaterThan(0);
	for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
});

test('signing out deletes the session cookie', async ({ request }) => {
	await signInWithForm(request);
	const response = await request.post('/uitloggen', {
		headers: { origin: E2E_ORIGIN, accept: 'text/html' },
		maxRedirects: 0
	});
	const cookies = sessionCookies(response.headersArray());
	expect(cookies.length).toBeGreaterThan(0);
	for (const cookie of cookies) expect(cookie).toMatch(/;\s*Max-Age=0(;|$)/i);
});

test('an unsafe return path falls back to the home page instead of a 500', async ({ request }) => {
	const page = await request.get('/inloggen?naar=/%09/evil.example');
	expect(page.status()).toBe(200);
	for (const naar of [
		'/%09/evil.example',
		'//evil.example',
		'/%5Cevil.example',
		'/.//evil.example'
	]) {
		const response = await request.post(`/inloggen?naar=${naar}&/wachtwoord`, {
			headers: { origin: E2E_ORIGIN, accept: 'text/html' },
			form: { email: RESIDENT, password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		expect(response.status(), naar).toBe(303);
		expect(response.headers()['location'], naar).toBe('/');
	}
});
