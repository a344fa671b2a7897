// Error pages speak Dutch whatever went wrong. The 500 comes from /hulp with an impossible date
// (a bug of its own, tracked in issue 9); any reproducible server error would do.
import { expect, test } from '@playwright/test';
import { signIn } from '../../support/browser.ts';

test('a server error shows a Dutch page with a reference, never SvelteKit’s English', async ({
	page
}) => {
	const response = await page.goto('/hulp?datum=2026-02-30');
	expect(response?.status()).toBe(500);
	await expect(page.getByRole('heading', { level: 1, name: 'Er ging iets mis' })).toBeVisible();
	await expect(page.getByText('Er ging iets mis aan onze kant')).toBeVisible();
	await expect(page.getByText(/Foutcode: [0-9a-f]{8}/)).toBeVisible();
	await expect(page.locator('main')).not.toContainText('Internal Error');
});

test('a form post to an unknown action gets Dutch, not SvelteKit’s English', async ({
	request
}) => {
	const response = await request.post('/inloggen?/bestaatniet', {
		headers: { accept: 'text/html', origin: new URL(test.info().project.use.baseURL!).origin },
		form: { email: 'iemand@buurtkracht.example' }
	});
	expect(response.status()).toBeGreaterThanOrEqual(400);
	const html = await response.text();
	expect(html).not.toMatch(/No action with name|Internal Error|Not Found/);
});

// The guard in hooks.server.ts throws its 403 before any page renders; SvelteKit then serves the
// static src/error.html with the message handleError kept.
test('the 403 of the beheer guard says in Dutch what is wrong', async ({ page }) => {
	await signIn(page, 'inwoner@buurtkracht.example');
	const response = await page.goto('/beheer/rollen');
	expect(response?.status()).toBe(403);
	await expect(
		page.getByText('Deze pagina is alleen voor beheerders van de gemeente.')
	).toBeVisible();
	await expect(page.locator('body')).not.toContainText(/Internal Error|Forbidden/);
});
