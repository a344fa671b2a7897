// The rest of issue 9, against the production build: the guard's 403 page carries the security
// headers, a choice made before the JavaScript loads survives hydration, and the printed
// prikbord gives a phone number and a short code that leads to the request.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../../support/browser.ts';

const RESIDENT = 'inwoner@buurtkracht.example';

/** Waits until the held JavaScript has loaded and the page has had time to hydrate. */
async function hydrated(page: Page) {
	await page.waitForLoadState('networkidle');
	await page.waitForFunction(() => document.readyState === 'complete');
	await page.waitForTimeout(500);
}

test('the guard’s 403 page sends the security headers and a CSP', async ({ page }) => {
	await signIn(page, RESIDENT);
	for (const [path, accept] of [
		['/hulp/coordinatie', 'text/html'],
		['/beheer', 'text/html'],
		['/hulp/coordinatie/__data.json', '*/*']
	] as const) {
		const response = await page.request.get(path, { headers: { accept } });
		expect(response.status(), path).toBe(403);
		const headers = response.headers();
		expect(headers['x-frame-options'], path).toBe('DENY');
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		expect(headers['permissions-policy'], path).toMatch(/camera=\(\)/);
		if (accept === 'text/html') {
			// The refusal is a page of the site: SvelteKit's CSP with its nonce, the layout around it.
			expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
			expect(headers['content-security-policy'], path).toMatch(/script-src[^;]*'nonce-/);
			expect(await response.text(), path).toContain('Geen toegang');
		}
	}
	// The browser shows the guard's Dutch sentence inside the site, with the way out.
	await page.goto('/hulp/coordinatie');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
	await expect(page.getByText('Deze pagina is alleen voor buurtcoördinatoren.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Naar de startpagina' })).toBeVisible();
	await expectAccessible(page);
});

test('a choice made before the JavaScript loads is kept when the page hydrates', async ({
	page
}) => {
	// Hold the page's JavaScript back until the visitor has chosen.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/hulp/prikbord', { waitUntil: 'domcontentloaded' });
	const wijk = page.getByLabel('Wijk');
	await wijk.selectOption('zaandam-oost');
	release();
	await hydrated(page);
	await expect(wijk).toHaveValue('zaandam-oost');
	await expect(page.locator('select#veld-wijk[data-bk-live]')).toBeAttached();
	await page.getByRole('button', { name: 'Toon prikbord' }).click();
	await expect(page).toHaveURL(/wijk=zaandam-oost/);
});

test('the request form keeps what was chosen and typed before hydration', async ({ page }) => {
	await signIn(page, RESIDENT);
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/hulp/vraag/nieuw', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Waar is hulp bij nodig?').selectOption('groceries');
	await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Krommenie' });
	await page.getByLabel('Korte omschrijving').fill('Boodschappen halen');
	release();
	await hydrated(page);
	await expect(page.getByLabel('Waar is hulp bij nodig?')).toHaveValue('groceries');
	await expect(page.getByLabel('Wijk', { exact: true }).locator('option:checked')).toHaveText(
		'Krommenie'
	);
	await expect(page.getByLabel('Korte omschrijving')).toHaveValue('Boodschappen halen');
	await expect(page.locator('select#veld-category[data-bk-live]')).toBeAttached();
});

test('the printed prikbord gives the coordinator’s number and a short code per request', async ({
	page
}) => {
	await page.goto('/hulp/prikbord?wijk=zaandam-oost');
	const note = page.getByRole('listitem').filter({ hasText: 'Boodschappen doen op dinsdag' });
	await expect(note).toContainText('Bel 075 000 00 00 en noem code');
	const code = (await note.locator('.code').first().textContent())?.trim() ?? '';
	expect(code).toMatch(/^[0-9A-F]{8}$/);
	// No long link on the note: the short one is under 30 characters.
	await expect(note).not.toContainText('/hulp/vraag/');
	const shortLink = (await note.locator('.link').textContent())?.match(/\S+\/h\/[0-9A-F]{8}/)?.[0];
	expect(shortLink?.length ?? 99).toBeLessThan(30);
	// The short code leads to the request, typed in any case.
	await page.goto(`/h/${code.toLowerCase()}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Boodschappen doen op dinsdag');
	// Typed into the form at /h (a neighbour, or the coordinator who takes the call).
	await page.goto('/h');
	await expectAccessible(page);
	await page.getByLabel('Code').fill('zzzz');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page.getByText('Deze code kennen we niet')).toBeVisible();
	await expect(page.getByLabel('Code')).toHaveValue('zzzz');
	await expectAccessible(page);
	await page.getByLabel('Code').fill(` ${code.slice(0, 4)} ${code.slice(4).toLowerCase()} `);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Boodschappen doen op dinsdag');
	const unknown = await page.goto('/h/00000000');
	expect(unknown?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
});
