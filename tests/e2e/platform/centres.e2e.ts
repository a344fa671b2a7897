// The municipality admin's buurthuizen (issue 18), without JavaScript: add one with typed
// coordinates (the map click is only a help on top), see it on /buurthuizen, invite a board
// member, archive it off the list and bring it back. Axe finds nothing on either page (run with
// JavaScript on: axe itself needs it).
import { expect, test } from '@playwright/test';
import {
	expectAccessible,
	newEmail,
	signIn,
	signUpAndConfirm,
	waitForMail
} from '../../support/browser.ts';

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

test('the board of an archived buurthuis sees its activities and why it can add or change nothing', async ({
	page,
	browser
}) => {
	const name = `Buurthuis Archief ${Date.now().toString(36)}`;
	await signIn(page, 'beheer@buurtkracht.example');
	await page.goto('/beheer/buurthuizen/beheren');
	await page.getByLabel('Naam', { exact: true }).fill(name);
	await page.getByLabel('Wijk', { exact: true }).selectOption({ index: 1 });
	await page.getByLabel('Straat en huisnummer').fill('Archiefstraat 1');
	await page.getByLabel('Postcode').fill('1506ab');
	await page.getByLabel('Plaats', { exact: true }).fill('Zaandam');
	await page.getByLabel('Breedtegraad (bijvoorbeeld 52,4393)').fill('52,4393');
	await page.getByLabel('Lengtegraad (bijvoorbeeld 4,8255)').fill('4,8255');
	await page.getByRole('button', { name: 'Buurthuis toevoegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	const centreId = /beheren\/([0-9a-f-]{36})/.exec(page.url())?.[1];
	const boardEmail = newEmail('bestuur-archief');
	await page.getByLabel('E-mailadres van het nieuwe bestuurslid').fill(boardEmail);
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(page.getByText('We hebben een uitnodiging gestuurd')).toBeVisible();

	const board = await (await browser.newContext()).newPage();
	const invitation = await waitForMail(boardEmail, 'Je bent uitgenodigd');
	const link = /href="([^"]*\/uitnodiging\/[^"]+)"/.exec(invitation.html)?.[1];
	await signUpAndConfirm(board, boardEmail, 'Bestuurslid Archief');
	await board.goto(new URL(link!).pathname);
	await board.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
	await expect(board.getByText('Je hebt deze uitnodiging aangenomen.')).toBeVisible();
	await board.goto(`/buurthuizen/bestuur/${centreId}`);
	await expect(board.getByRole('link', { name: 'Nieuwe activiteit' })).toBeVisible();

	await page.getByRole('button', { name: 'Archiveer het buurthuis' }).click();
	await expect(page.getByText('Het buurthuis is gearchiveerd')).toBeVisible();
	await expect(page.getByText('niet meer toevoegen of wijzigen')).toBeVisible();

	await board.reload();
	await expect(board.getByText('De gemeente heeft dit buurthuis gearchiveerd.')).toBeVisible();
	await expect(board.getByRole('link', { name: 'Nieuwe activiteit' })).toHaveCount(0);
	await expectAccessible(board);
	await board.goto(`/buurthuizen/bestuur/${centreId}/nieuw`);
	await expect(board.getByText('De gemeente heeft dit buurthuis gearchiveerd.')).toBeVisible();
	await board.context().close();
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
