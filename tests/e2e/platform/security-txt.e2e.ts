// Issue 19, point 8: the municipality's admin renews /.well-known/security.txt from /beheer, and
// anyone then reads it as RFC 9116 asks (Contact, Expires in UTC, Canonical).
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../../support/browser.ts';

test('the admin renews security.txt, and every visitor then reads it', async ({
	page,
	playwright
}) => {
	await signIn(page, 'beheer@buurtkracht.example');
	await page.goto('/beheer');
	await page.getByRole('link', { name: 'Beveiligingscontact (security.txt)' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Beveiligingscontact');
	await expectAccessible(page);

	await page.getByLabel('Contact (mailto: of https://)').fill('javascript:alert(1)');
	await page.getByRole('button', { name: 'Vernieuwen' }).click();
	await expect(page.getByRole('alert')).toContainText('mailto:adres@gemeente.nl');

	await page.getByLabel('Contact (mailto: of https://)').fill('mailto:security@zaanstad.example');
	await page.getByLabel('Beleid voor melden').fill('https://www.zaanstad.example/melden');
	await page.getByRole('button', { name: 'Vernieuwen' }).click();
	await expect(page.getByRole('status')).toContainText('De security.txt is vernieuwd.');
	await expect(page.getByText(/^Geldig tot \d/)).toBeVisible();

	// Renewed a year ahead: no warning on the admin's start page.
	await page.goto('/beheer');
	await expect(page.getByText('security.txt verloopt')).toHaveCount(0);
	await expect(page.getByText('nog geen security.txt')).toHaveCount(0);

	const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
	const response = await anonymous.get('/.well-known/security.txt');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/plain');
	const text = await response.text();
	expect(text).toContain('Contact: mailto:security@zaanstad.example\n');
	expect(text).toMatch(/^Expires: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/m);
	expect(text).toContain('Policy: https://www.zaanstad.example/melden\n');
	expect(text).toMatch(/^Canonical: https?:\/\/[^/]+\/\.well-known\/security\.txt$/m);
	const expires = new Date(/^Expires: (.+)$/m.exec(text)![1]!);
	const days = (expires.getTime() - Date.now()) / 86_400_000;
	expect(days).toBeGreaterThan(300);
	expect(days).toBeLessThanOrEqual(366);
	await anonymous.dispose();
});
