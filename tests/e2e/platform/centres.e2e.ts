// The municipality admin's buurthuizen (issue 18), without JavaScript: add one with typed
// coordinates (the map click is only a help on top), see it on /buurthuizen, invite a board
// member, archive it off the list and bring it back. Axe finds nothing on either page (run with
// JavaScript on: axe itself needs it).
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../../support/browser.ts';

test('a map click fills in the place; axe finds nothing on the list, the form with its errors, and one buurthuis', async ({
	page
}) => {
	await signIn(page, 'beheer@buurtkracht.example');
	await page.goto('/beheer/buurthuizen/beheren');
	await expect(page.getByTestId('kaart')).toHaveAttribute('data-ready', 'ja');
	await expectAccessible(page);
	// A click on the map fills in the two typed fields (the alternative without a mouse).
	await page.getByTestId('kaart').click();
	await expect(page.getByLabel('Breedtegraad (bijvoorbeeld 52,4393)')).toHaveValue(/^5[0-3],\d+$/);
	await expect(page.getByLabel('Lengtegraad (bijvoorbeeld 4,8255)')).toHaveValue(/^[3-7],\d+$/);
	await page.getByRole('button', { name: 'Buurthuis toevoegen' }).click();
	await expect(page.getByText('Vul de naam van het buurthuis in.').first()).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('table').getByRole('link').first().click();
	await expect(page.getByRole('heading', { name: 'Gegevens' })).toBeVisible();
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the admin adds, invites for, archives and brings back a buurthuis', async ({ page }) => {
		const name = `Buurthuis Proef ${Date.now().toString(36)}`;
		await signIn(page, 'beheer@buurtkracht.example');
		await page.goto('/beheer/buurthuizen/beheren');
		await page.getByRole('button', { name: 'Buurthuis toevoegen' }).click();
		await expect(page.getByText('Vul de naam van het buurthuis in.').first()).toBeVisible();
		await page.getByLabel('Naam', { exact: true }).fill(name);
		const wijk = page.getByLabel('Wijk', { exact: true });
		await wijk.selectOption({ index: 1 });
		await page.getByLabel('Straat en huisnummer').fill('Proefstraat 1');
		await page.getByLabel('Postcode').fill('1506ab');
		await page.getByLabel('Plaats', { exact: true }).fill('Zaandam');
		await page.getByLabel('Breedtegraad (bijvoorbeeld 52,4393)').fill('52,4393');
		await page.getByLabel('Lengtegraad (bijvoorbeeld 4,8255)').fill('4,8255');
		await page.getByLabel('Toegankelijk met een rolstoel').selectOption('yes');
		await page.getByRole('button', { name: 'Buurthuis toevoegen' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		await expect(page.getByText('Het buurthuis is toegevoegd.')).toBeVisible();
		await expect(page.getByLabel('Postcode')).toHaveValue('1506 AB');
		const adminPage = page.url();

		await page.goto('/buurthuizen');
		await expect(page.getByText(name).first()).toBeVisible();

		await page.goto(adminPage);
		await page
			.getByLabel('E-mailadres van het nieuwe bestuurslid')
			.fill(`bestuur-${Date.now().toString(36)}@example.test`);
		await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
		await expect(page.getByText('We hebben een uitnodiging gestuurd')).toBeVisible();

		await page.getByRole('button', { name: 'Archiveer het buurthuis' }).click();
		await expect(page.getByText('Het buurthuis is gearchiveerd')).toBeVisible();
		await page.goto('/buurthuizen');
		await expect(page.getByText(name)).toHaveCount(0);

		await page.goto(adminPage);
		await page.getByRole('button', { name: 'Zet het buurthuis terug op de kaart' }).click();
		await expect(page.getByText('Het buurthuis staat weer op de kaart')).toBeVisible();
		// Archived again, so the map's other tests count the demo buurthuizen only.
		await page.getByRole('button', { name: 'Archiveer het buurthuis' }).click();
		await expect(page.getByText('Het buurthuis is gearchiveerd')).toBeVisible();
	});
});
