// The monitor in the browser: the demo admin sees figures, charts and their tables, with and
// without JavaScript, axe-clean, at 320 px and in print, with no CSP violation; a consulent and a
// board member get the 403 page; open data is public.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expectAccessible, expectNoSidewaysScroll, signIn } from '../../support/browser.ts';

async function admin(page: Page) {
	await signIn(page, 'beheer@buurtkracht.example');
}

function cspViolations(page: Page) {
	const messages: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/i.test(m.text())) messages.push(m.text());
	});
	return messages;
}

test('the admin sees the three layers, charts with their tables, filters in the URL', async ({
	page
}) => {
	const csp = cspViolations(page);
	await admin(page);
	await page.goto('/beheer/monitor');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Monitor sociaal domein' })
	).toBeVisible();
	for (const name of ['Geld', 'Aantallen', 'Wat het opleverde']) {
		await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	}
	await expect(page.getByRole('img', { name: 'Mantelzorgers bereikt per wijk' })).toBeVisible();
	await expect(page.getByRole('table', { name: /Mantelzorgers bereikt per wijk/ })).toBeVisible();
	await expectAccessible(page);
	await page
		.getByLabel('Wijk (niet verplicht)', { exact: true })
		.selectOption({ label: 'Wormerveer' });
	await page.getByRole('button', { name: 'Toon', exact: true }).click();
	await expect(page).toHaveURL(/wijk=wormerveer/);
	await expect(page.getByText(/wijk Wormerveer/).first()).toBeVisible();
	expect(await page.locator('[style]').count()).toBeLessThanOrEqual(1);
	// The whole year at 320 px. axe runs here: it needs JavaScript in the page (its timers never
	// fire with JavaScript off), and the server renders the same markup either way.
	await page.setViewportSize({ width: 320, height: 700 });
	await page.goto('/beheer/monitor?jaar=2026&maand=&wijk=');
	await expectAccessible(page);
	expect(csp).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the filter works and the page fits 320 px and prints', async ({ page }) => {
		await admin(page);
		await page.goto('/beheer/monitor?jaar=2026&maand=3');
		await expect(page.getByText(/maart 2026/).first()).toBeVisible();
		await page
			.getByLabel('Maand (niet verplicht)', { exact: true })
			.selectOption({ label: 'Heel het jaar' });
		await page.getByRole('button', { name: 'Toon', exact: true }).click();
		await expect(page).toHaveURL(/jaar=2026&maand=&wijk=/);
		await page.setViewportSize({ width: 320, height: 700 });
		await expectNoSidewaysScroll(page);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('button', { name: 'Toon', exact: true })).toBeHidden();
		await expect(page.getByRole('table', { name: /Hulpvragen per wijk/ })).toBeVisible();
	});
});

test('a consulent and a board member cannot open the monitor', async ({ browser }) => {
	for (const email of ['consulent@buurtkracht.example', 'bestuur@buurtkracht.example']) {
		const page = await (await browser.newContext()).newPage();
		await signIn(page, email);
		const response = await page.goto('/beheer/monitor');
		expect(response?.status(), email).toBe(403);
		const pdf = await page.request.get('/beheer/monitor/feiten/pdf?jaar=2026');
		expect(pdf.status(), `${email} PDF`).toBe(403);
	}
});

test('Feiten & Cijfers downloads as a PDF, all areas or one', async ({ page }) => {
	await admin(page);
	await page.goto('/beheer/monitor/feiten?jaar=2026');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download Feiten & Cijfers 2026 als PDF' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('feiten-en-cijfers-2026.pdf');
	const pdf = await readFile((await file.path()) as string);
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
		mergePages: true
	});
	expect(text).toContain('Feiten & Cijfers 2026');
	expect(text).toMatch(/mantelzorgers? bereikt met de mantelzorgwaardering/);
	const one = await page.request.get('/beheer/monitor/feiten/pdf?jaar=2026&gebied=buurthuizen');
	expect(one.headers()['content-type']).toBe('application/pdf');
	await expectAccessible(page);
});

test('open data is public, with files, a description and the licence', async ({
	page,
	request
}) => {
	await page.goto('/open-data');
	await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible();
	await expect(page.getByText(/CC0 1\.0/)).toBeVisible();
	await expectAccessible(page);
	const csv = await request.get('/open-data/cijfers-2026.csv');
	expect(csv.status()).toBe(200);
	expect((await csv.text()).split('\r\n')[0]).toBe('maand,wijk,cijfer,waarde');
	const pkg = await (await request.get('/open-data/datapackage.json')).json();
	expect(pkg.licenses[0].name).toBe('CC0-1.0');
	const geo = await (await request.get('/open-data/buurthuizen.geojson')).json();
	expect(geo.type).toBe('FeatureCollection');
	expect(geo.features.length).toBe(19);
	for (const f of geo.features) {
		expect(Object.keys(f.properties)).not.toContain('telefoon');
		expect(JSON.stringify(f.properties)).not.toMatch(/@/);
	}
});
