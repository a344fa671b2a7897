// A session holds when consecutive requests land on different app servers: it lives in the
// cookies and in the database, not in one server's memory.
import { expect, test } from '@playwright/test';
import { signIn } from '../support/browser.ts';

test('@hosted a session holds when consecutive requests land on different servers', async ({
	page
}) => {
	await signIn(page, 'inwoner@buurtkracht.example');
	const servers: string[] = [];
	// Requests of the page's own context (its cookies), one after the other, nothing in between.
	for (let i = 0; i < 6; i++) {
		const response = await page.request.get('/profiel', { maxRedirects: 0 });
		expect(response.status()).toBe(200);
		const html = await response.text();
		expect(html).toContain('Mijn profiel');
		expect(html).toContain('Uitloggen');
		servers.push(response.headers()['x-upstream'] ?? '?');
	}
	expect(new Set(servers)).toEqual(new Set(['0', '1']));
	// And the browser itself, through whichever server, still shows the signed-in page.
	await page.goto('/profiel');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible();
});
