// The admin's look and wijken forms on the form kit: labelled fields, a refusal shown as an alert
// with what was typed kept, and axe finds nothing.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../../support/browser.ts';

test('the admin sees a refused colour and a refused merge, with what was typed kept', async ({
	page
}) => {
	await signIn(page, 'beheer@buurtkracht.example');
	await page.goto('/beheer/uiterlijk');
	await expectAccessible(page);
	await page.getByLabel('Hoofdkleur').fill('blauw');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText('Vul elke kleur in als #');
	await expect(page.getByLabel('Hoofdkleur')).toHaveValue('blauw');
	await expect(page.getByLabel('Logo (niet verplicht)')).toHaveAttribute('type', 'file');

	await page.goto('/beheer/wijken');
	await expectAccessible(page);
	const from = page.getByLabel('Deze wijk verdwijnt');
	const first = await from.locator('option').nth(1).textContent();
	await expect(page.getByLabel(`Nieuwe naam voor ${first}`)).toHaveValue(first!);
	await expect(page.getByLabel('GeoJSON-bestand met wijkgrenzen')).toHaveAttribute('type', 'file');
	await from.selectOption({ label: first! });
	await page.getByLabel('En gaat op in').selectOption({ label: first! });
	await page.getByRole('button', { name: 'Wijken samenvoegen' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
});
