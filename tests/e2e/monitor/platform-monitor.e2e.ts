// The comparison between municipalities (/platform/monitor) in the browser: the platform operator
// sees the figures per 10,000 inhabitants side by side, with and without JavaScript, axe-clean and
// at 320 px; a municipality admin gets the 403 page.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoSidewaysScroll, signIn } from '../../support/browser.ts';
import { signUpOperator } from '../../support/e2e-operator.ts';
import { budget } from '../../support/budget.ts';

test('the operator compares the municipalities, per 10,000 inhabitants', async ({ browser }) => {
	test.setTimeout(budget(180_000));
	const context = await browser.newContext();
	const page = await context.newPage();
	await signUpOperator(page, 'monitor-operator');
	await page.goto('/platform');
	await page.getByRole('link', { name: /Monitor: de gemeenten vergeleken/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Gemeenten vergeleken' })).toBeVisible();
	for (const name of ['Inwoners', 'Mantelzorgwaardering', 'Buurthulp', 'Buurthuizen']) {
		await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	}
	const inhabitants = page.getByRole('table', { name: 'Inwoners' });
	await expect(inhabitants.getByRole('rowheader', { name: /Zaanstad/ })).toBeVisible();
	await expectAccessible(page);
	await page.setViewportSize({ width: 320, height: 700 });
	await expectNoSidewaysScroll(page);
	await expectAccessible(page);

	// Without JavaScript the period form is a plain GET form.
	const noScript = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await context.storageState()
	});
	const plain = await noScript.newPage();
	await plain.goto('/platform/monitor?jaar=2026');
	await plain
		.getByLabel('Maand (niet verplicht)', { exact: true })
		.selectOption({ label: 'maart' });
	await plain.getByRole('button', { name: 'Toon', exact: true }).click();
	await expect(plain).toHaveURL(/jaar=2026&maand=3/);
	await expect(plain.getByText(/maart 2026/).first()).toBeVisible();
	await noScript.close();
	await context.close();
});

test('a municipality admin cannot open the comparison', async ({ page }) => {
	await signIn(page, 'beheer@buurtkracht.example');
	const response = await page.goto('/platform/monitor');
	expect(response?.status()).toBe(403);
});
