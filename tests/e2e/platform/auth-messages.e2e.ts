// What the sign-in pages say after a mistake (issue 9, parts 3 and 7): a locked account says
// when to try again, a wrong code says the code is wrong, and a reset code leads to a new password.
import { expect, test, type Page } from '@playwright/test';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { ensureEnvFile } from '../../../scripts/lib/env.ts';
import {
	expectAccessible,
	NEW_PASSWORD,
	newEmail,
	signIn,
	signOut,
	signUpAndConfirm,
	waitForMail
} from '../../support/browser.ts';

async function tryPassword(page: Page, email: string, password: string) {
	await page.getByLabel('E-mailadres').first().fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

test('after 5 wrong passwords even the right one is refused, with when to try again', async ({
	page
}) => {
	const email = newEmail('slot');
	await signUpAndConfirm(page, email, 'Sam Slot');
	await signOut(page);
	await page.goto('/inloggen');
	for (let i = 0; i < 5; i++) {
		await tryPassword(page, email, `niet-het-goede-${i}`);
		await expect(page.getByRole('alert')).toContainText('klopt niet');
	}
	await tryPassword(page, email, NEW_PASSWORD);
	await expect(page.getByRole('alert')).toContainText(
		'Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.'
	);
	await expect(page.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);
});

test('a wrong login code says the code is wrong', async ({ page }) => {
	const email = newEmail('code-fout');
	await signUpAndConfirm(page, email, 'Carla Code');
	await signOut(page);
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres voor de inlogmail').fill(email);
	await page.getByRole('button', { name: 'Stuur mij een inlogmail' }).click();
	await waitForMail(email, 'Je inloglink');
	await page.getByLabel('Code uit de e-mail').fill('000000');
	await page.getByRole('button', { name: 'Inloggen met code' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze code klopt niet of is verlopen');
	await expect(page.getByRole('alert')).not.toContainText('link');
	await expectAccessible(page);
});

test('the code from the reset mail leads to choosing a new password', async ({ page }) => {
	const email = newEmail('herstel-code');
	await signUpAndConfirm(page, email, 'Hans Herstel');
	await signOut(page);
	await page.goto('/wachtwoord-vergeten');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur de e-mail' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code/);
	const mail = await waitForMail(email, 'Nieuw wachtwoord');
	const code = /<strong>(\d{6})<\/strong>/.exec(mail.html)?.[1] ?? '';
	await page.getByLabel('Code uit de e-mail').fill(code);
	await page.getByRole('button', { name: 'Code controleren' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })
	).toBeVisible();
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('weer-een-nieuw-wachtwoord');
	await page.getByLabel('Herhaal nieuw wachtwoord').fill('weer-een-nieuw-wachtwoord');
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(page.getByRole('status')).toContainText('Je nieuwe wachtwoord is opgeslagen');
	await signOut(page);
	await signIn(page, email, 'weer-een-nieuw-wachtwoord');
});

test('sign-up with a known address looks like a new one, and the owner gets a mail', async ({
	page
}) => {
	const email = newEmail('bekend');
	await signUpAndConfirm(page, email, 'Bea Bekend');
	await signOut(page);
	await page.goto('/registreren');
	await page.getByLabel('Naam', { exact: true }).fill('Iemand Anders');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('een-ander-wachtwoord-1');
	await page.getByLabel('Herhaal wachtwoord').fill('een-ander-wachtwoord-1');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('status')).toContainText(
		`We hebben een e-mail gestuurd naar ${email}`
	);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await waitForMail(email, 'Je hebt al een account');
});

test('the app’s own /auth/v1 limits password sign-ins and hides unknown addresses', async () => {
	const post = (path: string, body: unknown) =>
		fetch(`${E2E_ORIGIN}/auth/v1/${path}`, {
			method: 'POST',
			headers: {
				apikey: ensureEnvFile().PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? '',
				'content-type': 'application/json'
			},
			body: JSON.stringify(body)
		});
	const email = newEmail('api-slot');
	const statuses: number[] = [];
	for (let i = 0; i < 6; i++) {
		const answer = await post('token?grant_type=password', { email, password: `fout-${i}-fout` });
		statuses.push(answer.status);
		if (answer.status === 429) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
	}
	expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);

	const unknown = await post('otp', { email: newEmail('api-onbekend'), create_user: false });
	expect(unknown.status).toBe(200);
	expect(await unknown.json()).toEqual({});
});
