// Error pages speak Dutch whatever went wrong. The 500 page's words are checked without a browser
// (src/lib/errors/error-page.spec.ts): the app has no honest reproducible 500 to point one at, and
// the one this file used, an impossible date on /hulp, was a bug (issue 9) that is now a note.
import { expect, test } from '@playwright/test';
import { signIn } from '../../support/browser.ts';

test.describe('impossible board filters are left out with a Dutch note, not a 500', () => {
	for (const day of ['2026-02-30', '2026-13-45', '0000-01-01']) {
		test(day, async ({ page }) => {
			const response = await page.goto(`/hulp?datum=${day}`);
			expect(response?.status()).toBe(200);
			await expect(page.getByTestId('filter-notities')).toHaveText(
				'De datum in de zoekopdracht bestaat niet. We laten hulpvragen op alle datums zien.'
			);
			await expect(page.getByLabel(/^Op datum/)).toHaveValue('');
		});
	}
});

test('a search that is too long stays in the box with the reason next to it', async ({ page }) => {
	const long = 'boodschappen doen bij de supermarkt '.repeat(4).trim();
	await page.goto(`/hulp?zoek=${encodeURIComponent(long)}`);
	const box = page.getByRole('searchbox', { name: /Zoek op woord/ });
	await expect(box).toHaveValue(long);
	await expect(box).toHaveAccessibleDescription(/Je zoekopdracht is te lang/);
	await expect(box).toHaveAttribute('aria-invalid', 'true');
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

// The guard in hooks.server.ts refuses before any page loads, and answers with /geen-toegang
// rendered inside the site's layout (403).
test('the 403 of the beheer guard says in Dutch what is wrong', async ({ page }) => {
	await signIn(page, 'inwoner@buurtkracht.example');
	const response = await page.goto('/beheer/rollen');
	expect(response?.status()).toBe(403);
	await expect(
		page.getByText('Deze pagina is alleen voor beheerders van de gemeente.')
	).toBeVisible();
	await expect(page.locator('body')).not.toContainText(/Internal Error|Forbidden/);
});
