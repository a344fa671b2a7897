// Privacy in the browser (issue 20): "Mijn gegevens" with both downloads and who looked at my
// data, the generated /privacy page, and the privacy officer's register export and log search.
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { expectAccessible } from '../../support/browser.ts';
import { demoPerson, newPerson } from '../../support/people.ts';

/** Announces an upload of `bytes` and waits for the answer without sending the body. */
function declaredUpload(path: string, bytes: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(new URL(path, E2E_ORIGIN), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'content-length': String(bytes) }
		});
		req.on('response', (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
			req.destroy();
		});
		req.on('error', reject);
		req.flushHeaders();
	});
}

test('a carer sees everything held about them, downloads it, and sees that a consulent looked', async ({
	browser
}) => {
	const carer = await newPerson(browser, 'privacy-mz', 'Mila Mantel');
	const { data: district } = await carer.api
		.from('districts')
		.select('id')
		.eq('slug', 'zaandam-oost')
		.single();
	const { data: applicationId, error } = await carer.api.rpc('submit_application', {
		p_carer_first_name: 'Mila',
		p_carer_last_name: `Mantel-${Date.now()}`,
		p_carer_birth_date: '1970-03-04',
		p_carer_postcode: '1506 AB',
		p_carer_house_number: '12',
		p_care_recipient_name: 'Moeder Mantel',
		p_care_recipient_postcode: '1506 AC',
		p_care_relation: 'parent',
		p_hours_per_week: 12,
		p_caring_since: '2023-01-01',
		p_consent: true,
		p_district_id: district?.id as string
	});
	expect(error).toBeNull();

	// The consulent opens the file: a read of the carer's data, logged.
	const consulent = await demoPerson(browser, 'consulent@buurtkracht.example');
	await consulent.goto(`/mantelzorg/consulent/${applicationId}`);
	await expect(consulent.getByRole('heading', { level: 1 })).toBeVisible();

	const page = carer.page;
	await page.goto('/profiel');
	await page.getByRole('link', { name: /Bekijk en download alles/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn gegevens' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Je account' })).toBeVisible();
	await expect(page.getByText(carer.email).first()).toBeVisible();
	const aanvragen = page.getByRole('region', { name: /Je aanvragen en cheques/ });
	await expect(aanvragen.getByText('Aanvraag', { exact: false }).first()).toBeVisible();
	await expect(aanvragen.getByText('Moeder Mantel').first()).toBeVisible();
	const looked = page.getByRole('region', { name: 'Wie heeft mijn gegevens bekeken' });
	await expect(
		looked.getByText(/Consulent \(Sociaal wijkteam Zaandam-Oost, gemeente Zaanstad\)/)
	).toBeVisible();
	await expect(looked.getByText('Kim Consulent')).toHaveCount(0);
	await expectAccessible(page);

	const json = await page.request.get('/profiel/mijn-gegevens/gegevens.json');
	expect(json.status()).toBe(200);
	expect(json.headers()['content-disposition']).toMatch(/attachment; filename="mijn-gegevens-/);
	const body = (await json.json()) as { data: { platform: { account: { email: string } } } };
	expect(body.data.platform.account.email).toBe(carer.email);

	const pdf = await page.request.get('/profiel/mijn-gegevens/gegevens.pdf');
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// A 50 MB export request is refused on its declared length, before a byte of it is read, and
	// the server goes on serving.
	expect(await declaredUpload('/rest/v1/rpc/export_my_data', 50 * 1024 * 1024)).toBe(413);
	expect((await page.request.get('/profiel/mijn-gegevens/gegevens.json')).status()).toBe(200);

	// The privacy officer finds the consulent's read, with names, and may export the register.
	const officer = await demoPerson(browser, 'privacy@buurtkracht.example');
	await officer.goto('/beheer/privacy');
	await expectAccessible(officer);
	const csv = await officer.request.get('/beheer/privacy/register.csv');
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('mantelzorg.application_review');
	await officer.getByLabel('Persoon').fill(carer.email);
	await officer.getByRole('button', { name: 'Zoeken' }).click();
	await expect(officer.getByRole('table')).toContainText('Kim Consulent');
	await expect(officer.getByRole('table')).toContainText('Mantelzorgaanvraag beoordelen');
	await expectAccessible(officer);

	// An admin is no privacy officer.
	const admin = await demoPerson(browser, 'beheer@buurtkracht.example');
	const forbidden = await admin.goto('/beheer/privacy');
	expect(forbidden?.status()).toBe(403);
});

test('the privacy page shows the processing register from the database', async ({ page }) => {
	await page.goto('/privacy');
	await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Mantelzorgaanvraag beoordelen' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Aanmelding voor een activiteit' })).toBeVisible();
	await expect(page.getByText('Wmo 2015, artikel 2.1.6').first()).toBeVisible();
	await expectAccessible(page);
});
