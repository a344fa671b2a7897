// Foundation flows in a real browser: sign-up with mail confirmation, sign-in three ways,
// the profile, and an admin granting a role that the person then sees.
import { expect, test, type Page } from '@playwright/test';
import {
	NEW_PASSWORD,
	confirmLink,
	expectAccessible,
	newEmail,
	signIn,
	signOut,
	signUpAndConfirm,
	waitForMail
} from '../../support/browser.ts';

test('a newcomer signs up, confirms by mail, signs in again and edits the profile', async ({
	page
}) => {
	const email = newEmail('nieuwkomer');
	await page.goto('/registreren');
	await expectAccessible(page);
	await signUpAndConfirm(page, email, 'Nina Nieuw');
	await expect(page.getByRole('status').first()).toContainText('Je e-mailadres is bevestigd');
	await expectAccessible(page);

	await signOut(page);
	await page.goto('/inloggen');
	await expectAccessible(page);
	await signIn(page, email, NEW_PASSWORD);

	await page.goto('/profiel');
	await page.getByLabel('Wijk').selectOption({ label: 'Zaandam-Oost' });
	await page.getByLabel('Telefoonnummer').fill('075 123 4567');
	await page.getByLabel('Postcode').fill('1502ab');
	await page.getByRole('button', { name: 'Profiel opslaan' }).click();
	await expect(page.getByRole('status')).toContainText('Je profiel is opgeslagen');

	await page.reload();
	await expect(page.getByLabel('Wijk')).toHaveValue(/.+/);
	await expect(page.getByLabel('Wijk').locator('option:checked')).toHaveText('Zaandam-Oost');
	await expect(page.getByLabel('Telefoonnummer')).toHaveValue('075 123 4567');
	await expect(page.getByLabel('Postcode')).toHaveValue('1502 AB');
	await expectAccessible(page);
});

test('sign-up errors are listed at the top and next to the fields, accessibly', async ({
	page
}) => {
	await page.goto('/registreren');
	await page.getByLabel('Naam', { exact: true }).fill('Fien Fout');
	await page.getByLabel('E-mailadres').fill('fien@');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('alert')).toContainText('Er ging iets mis. Controleer:');
	await expect(page.getByRole('alert').getByRole('link', { name: /E-mailadres/ })).toBeVisible();
	await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Fien Fout');
	// The error text is tied to the field, so a screen reader reads it with the label.
	const describedBy = await page.getByLabel('E-mailadres').getAttribute('aria-describedby');
	expect(describedBy).toContain('veld-email-error');
	await expectAccessible(page);
});

test('a wrong password is refused with a Dutch message and the e-mail address is kept', async ({
	page
}) => {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').first().fill('inwoner@buurtkracht.example');
	await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede');
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Het e-mailadres of het wachtwoord klopt niet'
	);
	await expect(page.getByLabel('E-mailadres').first()).toHaveValue('inwoner@buurtkracht.example');
	await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('');
	await expect(page.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);
});

async function requestSignInMail(page: Page, email: string) {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres voor de inlogmail').fill(email);
	await page.getByRole('button', { name: 'Stuur mij een inlogmail' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kijk in je e-mail' })).toBeVisible();
	return waitForMail(email, 'Je inloglink');
}

test('signing in with the link from an e-mail', async ({ page }) => {
	const email = newEmail('link');
	await signUpAndConfirm(page, email, 'Lieke Link');
	await signOut(page);
	const mail = await requestSignInMail(page, email);
	await expectAccessible(page);
	await page.goto(confirmLink(mail));
	await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});

test('signing in with the six-digit code from an e-mail; a wrong code is refused', async ({
	page
}) => {
	const email = newEmail('code');
	await signUpAndConfirm(page, email, 'Coen Code');
	await signOut(page);
	const mail = await requestSignInMail(page, email);
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	const code = /<strong>(\d{6})<\/strong>/.exec(mail.html)?.[1] ?? '';
	expect(code).toMatch(/^\d{6}$/);

	const wrong = code === '000000' ? '111111' : '000000';
	await page.getByLabel('Code uit de e-mail').fill(wrong);
	await page.getByRole('button', { name: 'Inloggen met code' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze code klopt niet of is verlopen');
	await expectAccessible(page);

	await page.getByLabel('Code uit de e-mail').fill(code);
	await page.getByRole('button', { name: 'Inloggen met code' }).click();
	await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});

test('forgot password: the mail link leads to a new password that works', async ({ page }) => {
	const email = newEmail('vergeten');
	await signUpAndConfirm(page, email, 'Victor Vergeten');
	await signOut(page);

	await page.goto('/wachtwoord-vergeten');
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur de e-mail' }).click();
	await expect(page.getByText('Als er een account is met dit e-mailadres')).toBeVisible();
	const mail = await waitForMail(email, 'Nieuw wachtwoord');
	await page.goto(confirmLink(mail));
	await expect(
		page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })
	).toBeVisible();
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('nog-een-nieuw-wachtwoord');
	await page.getByLabel('Herhaal nieuw wachtwoord').fill('nog-een-nieuw-wachtwoord');
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(page.getByRole('status')).toContainText('Je nieuwe wachtwoord is opgeslagen');
	await expectAccessible(page);
	await signOut(page);
	await signIn(page, email, 'nog-een-nieuw-wachtwoord');
});

test('an admin grants a role and the person sees it on their profile', async ({ browser }) => {
	const email = newEmail('coordinator');
	// Separate contexts: two people, two sets of cookies (and axe needs a context per page).
	const personPage = await (await browser.newContext()).newPage();
	await signUpAndConfirm(personPage, email, 'Rik Rollentest');
	await personPage.goto('/profiel');
	await expect(personPage.getByText('Je hebt een gewoon account')).toBeVisible();

	const adminPage = await (await browser.newContext()).newPage();
	await signIn(adminPage, 'beheer@buurtkracht.example');
	await adminPage.goto('/beheer/rollen');
	await expectAccessible(adminPage);
	await adminPage.getByLabel('E-mailadres van de persoon').fill(email);
	await adminPage.getByLabel('Rol', { exact: true }).selectOption({ label: 'Buurtcoördinator' });
	await adminPage.getByRole('button', { name: 'Rol toekennen' }).click();
	await expect(adminPage.getByRole('status')).toContainText(`Rol toegekend aan ${email}`);
	const row = adminPage.getByRole('row').filter({ hasText: 'Rik Rollentest' });
	await expect(row).toContainText('Buurtcoördinator');

	await personPage.reload();
	await expect(personPage.getByTestId('mijn-rollen')).toContainText('Buurtcoördinator');

	await row.getByRole('button', { name: /Intrekken/ }).click();
	await expect(adminPage.getByRole('status')).toContainText('De rol is ingetrokken');
	await personPage.reload();
	await expect(personPage.getByTestId('mijn-rollen')).toHaveCount(0);
});

test('someone without the admin role gets a 403 on the beheer pages', async ({ page }) => {
	await signIn(page, 'inwoner@buurtkracht.example');
	const response = await page.goto('/beheer/rollen');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);
});

test('signed-out visitors of a personal page go to sign-in and come back after it', async ({
	page
}) => {
	await page.goto('/profiel');
	await expect(page).toHaveURL(/\/inloggen\?naar=%2Fprofiel/);
	await page.getByLabel('E-mailadres').first().fill('inwoner@buurtkracht.example');
	await page.getByLabel('Wachtwoord', { exact: true }).fill('Buurtkracht-demo-2026');
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('sign-up shows errors next to the fields and keeps what was typed', async ({ page }) => {
		await page.goto('/registreren');
		await page.getByLabel('Naam', { exact: true }).fill('Zonder Script');
		await page.getByLabel('E-mailadres').fill('geen-adres');
		await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
		await page.getByLabel('Herhaal wachtwoord').fill('anders');
		await page.getByRole('button', { name: 'Account maken' }).click();
		await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Zonder Script');
		await expect(page.getByLabel('E-mailadres')).toHaveValue('geen-adres');
		await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText('Vul een geldig e-mailadres in')).toHaveCount(2);
		await expect(page.getByText('Kies een wachtwoord van minstens 10 tekens.')).toHaveCount(2);
		await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('');
	});

	test('sign-up, confirmation, sign-in and a profile change all work', async ({ page }) => {
		const email = newEmail('zonderjs');
		await signUpAndConfirm(page, email, 'Zara Zonder');
		await signOut(page);
		await signIn(page, email, NEW_PASSWORD);
		await page.goto('/profiel');
		await page.getByLabel('Telefoonnummer').fill('nummer?');
		await page.getByRole('button', { name: 'Profiel opslaan' }).click();
		await expect(page.locator('#veld-phone-error')).toContainText('alleen cijfers');
		await expect(page.getByLabel('Telefoonnummer')).toHaveValue('nummer?');
		await page.getByLabel('Telefoonnummer').fill('06 1234 5678');
		await page.getByRole('button', { name: 'Profiel opslaan' }).click();
		await expect(page.getByRole('status')).toContainText('Je profiel is opgeslagen');
		await expect(page.getByLabel('Telefoonnummer')).toHaveValue('06 1234 5678');
	});
});
