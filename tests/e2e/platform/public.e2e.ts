import { expect, test } from '@playwright/test';
import { expectAccessible } from '../../support/browser.ts';

const pages = [
	{ path: '/', heading: 'Samen sterk in de buurt' },
	{ path: '/buurthuizen', heading: 'Buurthuizen' },
	{ path: '/hulp', heading: 'Buurthulp' },
	{ path: '/mantelzorg', heading: 'Mantelzorgwaardering' },
	{ path: '/toegankelijkheid', heading: 'Toegankelijkheid' },
	{ path: '/privacy', heading: 'Privacy' }
];

for (const { path, heading } of pages) {
	test(`${path} shows its heading and passes axe`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expectAccessible(page);
	});
}

test('the skip link moves focus to the main content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Naar de inhoud' });
	await expect(skip).toBeFocused();
	await skip.press('Enter');
	await expect(page.locator('main#inhoud')).toBeFocused();
});

test('the buurthuizen page lists all 19, with the demo entries marked', async ({ page }) => {
	await page.goto('/buurthuizen');
	await expect(page.getByTestId('buurthuizen-lijst').locator(':scope > li')).toHaveCount(19);
	await expect(page.getByText('Buurthuis De Lorzie', { exact: true })).toBeVisible();
	await expect(page.getByText('(demo)').first()).toBeVisible();
});

// The home page promised a map and an application form that did not exist yet (issue 9); the
// map came with issue 11.
test('the home page promises only what the pages give', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByText('Alle buurthuizen op de kaart en per wijk')).toBeVisible();
	await page.locator('main').getByRole('link', { name: 'Buurthuizen' }).click();
	await expect(page.getByRole('region', { name: 'Kaart met de buurthuizen' })).toBeVisible();
});

test('an unknown page gets the Dutch 404 page', async ({ page }) => {
	const response = await page.goto('/bestaat-niet');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
	await expectAccessible(page);
});
