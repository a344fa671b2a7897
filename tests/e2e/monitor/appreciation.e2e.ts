// "Voel je je gewaardeerd?" on /mantelzorg/mijn: the demo carer answers without JavaScript,
// sees the answer given and can change it; axe finds nothing on the page with the question.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../../support/browser.ts';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the carer answers and changes the answer', async ({ page }) => {
		await signIn(page, 'mantelzorger@buurtkracht.example');
		await page.goto('/mantelzorg/mijn');
		const question = page.getByRole('group', { name: 'Voel je je gewaardeerd?' }).first();
		await expect(question).toBeVisible();
		await question.getByLabel('Een beetje').check();
		await page
			.getByRole('button', { name: /^Antwoord (geven|veranderen)$/ })
			.first()
			.click();
		await expect(page).toHaveURL(/gelukt=gewaardeerd/);
		await expect(page.getByText('Dank je voor je antwoord.')).toBeVisible();
		await expect(page.getByText(/Je antwoordde: Een beetje\./).first()).toBeVisible();
		await page
			.getByRole('group', { name: 'Voel je je gewaardeerd?' })
			.first()
			.getByLabel('Ja', { exact: true })
			.check();
		await page.getByRole('button', { name: 'Antwoord veranderen' }).first().click();
		await expect(page.getByText(/Je antwoordde: Ja\./).first()).toBeVisible();
	});
});

test('axe finds nothing on the carer page with the question', async ({ page }) => {
	await signIn(page, 'mantelzorger@buurtkracht.example');
	await page.goto('/mantelzorg/mijn');
	await expect(page.getByRole('group', { name: 'Voel je je gewaardeerd?' }).first()).toBeVisible();
	await expectAccessible(page);
});
