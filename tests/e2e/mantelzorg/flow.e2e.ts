// Mantelzorgwaardering steps 1-3 in the browser, with JavaScript and without: a carer applies,
// a consulent asks a question, the carer answers, the consulent approves, and the carer sees the
// cheque with its QR code and downloads the PDF letter, which holds the code. axe on every page.
import { readFile } from 'node:fs/promises';
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Database } from '../../../src/lib/database.types.ts';
import { ensureEnvFile } from '../../../scripts/lib/env.ts';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { DEMO_PASSWORD, expectAccessible } from '../../support/browser.ts';
import { demoPerson, newPerson } from '../../support/people.ts';
import { budget } from '../../support/budget.ts';

const ZAANSTAD = '00000000-0000-4000-8000-000000000001';

/** The demo admin's API session: an open regeling this year, and a consulent for Krommenie. */
async function adminApi() {
	const api = createClient<Database>(
		E2E_ORIGIN,
		ensureEnvFile().PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? '',
		{
			auth: { persistSession: false, autoRefreshToken: false }
		}
	);
	const signedIn = await api.auth.signInWithPassword({
		email: 'beheer@buurtkracht.example',
		password: DEMO_PASSWORD
	});
	expect(signedIn.error).toBeNull();
	return api;
}

const day = (offset: number) => {
	const d = new Date();
	d.setDate(d.getDate() + offset);
	return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
};

/** An open regeling this year (made once). */
async function openScheme() {
	const api = await adminApi();
	const year = Number(day(0).slice(0, 4));
	const existing = await api
		.from('schemes')
		.select('id')
		.eq('year', year)
		.eq('municipality_id', ZAANSTAD);
	if (!existing.data?.length) {
		const created = await api.from('schemes').insert({
			municipality_id: ZAANSTAD,
			year,
			cheque_value_cents: 5000,
			pluim_value_cents: 2500,
			application_opens_on: day(-30),
			application_closes_on: day(30),
			redeem_until: day(200),
			budget_cents: 57_000_000
		});
		expect(created.error).toBeNull();
	}
	return api;
}

async function openSchemeAndConsulent(consulentEmail: string) {
	const api = await openScheme();
	const granted = await api.rpc('grant_role_by_email', {
		p_email: consulentEmail,
		p_role: 'caseworker'
	});
	expect(granted.error).toBeNull();
	const krommenie = await api.from('districts').select('id').eq('slug', 'krommenie').single();
	const { data: member } = await api
		.from('memberships')
		.select('user_id')
		.eq('id', granted.data as string)
		.single();
	const wijk = await api.from('caseworker_districts').insert({
		municipality_id: ZAANSTAD,
		user_id: member?.user_id as string,
		district_id: krommenie.data?.id as string
	});
	expect(wijk.error).toBeNull();
}

async function apply(page: Page, lastName: string, checkA11y: boolean) {
	await page.goto('/mantelzorg');
	await page.getByRole('link', { name: 'Mantelzorgwaardering aanvragen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Mantelzorgwaardering aanvragen'
	);
	if (checkA11y) await expectAccessible(page);
	await page.getByLabel('Voornaam').fill('Fatima');
	await page.getByLabel('Achternaam').fill(lastName);
	await page.getByLabel('Geboortedatum').fill('1961-04-12');
	await page.getByLabel('Postcode', { exact: true }).fill('1561 AB');
	await page.getByLabel('Huisnummer').fill('12');
	await page.getByLabel('Straat').fill('Vinkenstraat');
	await page.getByLabel('Woonplaats').fill('Zaandam');
	await page.getByLabel('Naam van degene voor wie je zorgt').fill(`Moeder ${lastName}`);
	await page.getByLabel('Postcode van degene voor wie je zorgt').fill('1561 CD');
	await page.getByLabel('Wat is die persoon van je?').selectOption('parent');
	// Too few hours: the database refuses, the sentence appears next to the field, input stays.
	await page.getByLabel('Hoeveel uur per week zorg je gemiddeld?').fill('2');
	await page.getByLabel('Sinds wanneer zorg je?').fill('2024-02-01');
	await page.getByLabel('Toestemming').check();
	await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
	const hours = page.getByLabel('Hoeveel uur per week zorg je gemiddeld?');
	await expect(hours).toHaveAccessibleDescription(/minstens 8 uur per week/);
	await expect(page.getByLabel('Achternaam')).toHaveValue(lastName);
	if (checkA11y) await expectAccessible(page);
	await hours.fill('12');
	await page.getByLabel('Toestemming').check();
	await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
	await expect(page.getByRole('status')).toContainText('Je aanvraag is verstuurd');
}

// Two people signing up, a question, an approval and a PDF letter, with axe on every page: near
// a minute on a busy two-core machine (ci22 and ci23 each timed out once at the default 60 s).
test.describe.configure({ timeout: budget(180_000) });

for (const javaScriptEnabled of [true, false]) {
	test(`a carer applies, answers a question and gets the cheque with its letter (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const options = { javaScriptEnabled };
		const lastName = `de Boer-${Math.random().toString(36).slice(2, 7)}`;
		const carer = await newPerson(browser, 'mantelzorger', 'Fatima de Boer', options);
		const consulent = await newPerson(browser, 'consulent', 'Karin Consulent', options);
		await openSchemeAndConsulent(consulent.email);

		// 1. The carer applies.
		await apply(carer.page, lastName, javaScriptEnabled);
		if (javaScriptEnabled) await expectAccessible(carer.page);

		// 2. The consulent asks a question; the carer answers; the consulent approves.
		const c = consulent.page;
		await c.goto('/mantelzorg/consulent');
		if (javaScriptEnabled) await expectAccessible(c);
		await c.getByRole('link', { name: `Fatima ${lastName}` }).click();
		await expect(c.getByRole('heading', { level: 1 })).toHaveText(
			`Aanvraag van Fatima ${lastName}`
		);
		await c
			.getByLabel('Vraag aan de mantelzorger')
			.fill('Hoe vaak ga je per week bij je moeder langs?');
		await c.getByRole('button', { name: 'Vraag stellen' }).click();
		await expect(c.getByRole('status')).toContainText('Je vraag is verstuurd');
		if (javaScriptEnabled) await expectAccessible(c);

		await carer.page.goto('/mantelzorg/mijn');
		await expect(
			carer.page.getByText('Hoe vaak ga je per week bij je moeder langs?')
		).toBeVisible();
		if (javaScriptEnabled) await expectAccessible(carer.page);
		await carer.page.getByLabel('Je antwoord').fill('Vier keer: boodschappen, koken en de was.');
		await carer.page.getByRole('button', { name: 'Antwoord versturen' }).click();
		await expect(carer.page.getByRole('status')).toContainText('Je antwoord is verstuurd');

		await c.reload();
		await expect(c.getByText('Vier keer: boodschappen, koken en de was.')).toBeVisible();
		await c.getByRole('button', { name: 'Goedkeuren' }).click();
		await expect(c.getByRole('status')).toContainText('De aanvraag is goedgekeurd');

		// 3. The carer sees the cheque with its QR code and downloads the letter.
		await carer.page.goto('/mantelzorg/mijn');
		const qr = carer.page.getByRole('img', { name: /QR-code met de code/ });
		await expect(qr).toBeVisible();
		const code = ((await qr.getAttribute('aria-label')) ?? '').replace('QR-code met de code ', '');
		expect(code).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}$/);
		await expect(carer.page.getByText(code, { exact: true })).toBeVisible();
		if (javaScriptEnabled) await expectAccessible(carer.page);
		const download = carer.page.waitForEvent('download');
		await carer.page.getByRole('link', { name: 'Download de brief (PDF)' }).click();
		const pdf = await readFile((await (await download).path()) as string);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
			mergePages: true
		});
		expect(text.replace(/\s+/g, ' ')).toContain(code);
	});
}

test('the consulent and beheer pages of Mantelzorgwaardering pass axe', async ({ browser }) => {
	// Nine pages with axe on each: 16 s on a quiet machine, over 60 s on a busy one.
	test.slow();
	const consulent = await newPerson(browser, 'consulent-axe', 'Kees Consulent');
	await openSchemeAndConsulent(consulent.email);
	await consulent.page.goto('/mantelzorg/consulent/nieuw');
	await expect(consulent.page.getByRole('heading', { level: 1 })).toHaveText(
		'Aanvraag invoeren voor een mantelzorger'
	);
	await expectAccessible(consulent.page);
	const admin = await demoPerson(browser, 'beheer@buurtkracht.example');
	for (const [path, heading] of [
		['/beheer/regeling', 'Regeling mantelzorgwaardering'],
		['/beheer/brieven', 'Brieven mantelzorgwaardering printen'],
		['/beheer/steekproef', 'Steekproef en terugbelcontrole']
	] as const) {
		await admin.goto(path);
		await expect(admin.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectAccessible(admin);
	}
	// The regeling form: a wrong age band is refused next to its field, and this year's regeling
	// saves as it is.
	await admin.goto('/beheer/regeling');
	await admin.getByLabel('Groep 1: van leeftijd').fill('75');
	await admin.getByLabel('Groep 1: tot en met leeftijd').fill('130');
	await admin.getByLabel('Groep 1: waarde (euro)').fill('veel');
	await admin.getByRole('button', { name: 'Regeling opslaan' }).click();
	await expect(admin.getByLabel('Groep 1: waarde (euro)')).toHaveAccessibleDescription(/in euro/);
	await expectAccessible(admin);
	await admin.goto('/beheer/regeling');
	await admin.getByRole('button', { name: 'Regeling opslaan' }).click();
	await expect(admin.getByRole('status')).toContainText('De regeling is opgeslagen.');
	// Four eyes: /beheer explains the rules; an admin opens the queue to approve what a consulent
	// entered; the consulent who entered the demo application is told why they cannot approve it.
	await admin.goto('/beheer');
	await expect(admin.getByRole('heading', { name: 'Vier ogen bij geld' })).toBeVisible();
	await expectAccessible(admin);
	const response = await admin.goto('/mantelzorg/consulent');
	expect(response?.status()).toBe(200);
	const enterer = await demoPerson(browser, 'consulent@buurtkracht.example');
	await enterer.goto('/mantelzorg/consulent');
	await enterer.getByRole('link', { name: 'Gerrit Zorgvuldig' }).click();
	await expect(enterer.getByText('Jij hebt deze aanvraag ingevoerd.')).toBeVisible();
	await expect(enterer.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0);
	await expectAccessible(enterer);
	const second = await demoPerson(browser, 'consulent2@buurtkracht.example');
	await second.goto(enterer.url());
	await expect(second.getByRole('button', { name: 'Goedkeuren' })).toBeVisible();
});

const WIJK_ASKED = /^(Fout: )?We vonden geen wijk bij 1502 AB\. Kies je wijk\.$/;

/** The whole application with a postcode in five wijken (1502), everything else right. */
async function fillInZaandam(page: Page, lastName: string) {
	await page.getByLabel('Voornaam').fill('Fatima');
	await page.getByLabel('Achternaam').fill(lastName);
	await page.getByLabel('Geboortedatum').fill('1961-04-12');
	await page.getByLabel('Postcode', { exact: true }).fill('1502ab');
	await page.getByLabel('Huisnummer').fill('3');
	await page.getByLabel('Straat').fill('Westzijde');
	await page.getByLabel('Woonplaats').fill('Zaandam');
	await page.getByLabel('Naam van degene voor wie je zorgt').fill(`Vader ${lastName}`);
	await page.getByLabel('Postcode van degene voor wie je zorgt').fill('1502 CD');
	await page.getByLabel('Wat is die persoon van je?').selectOption('parent');
	await page.getByLabel('Hoeveel uur per week zorg je gemiddeld?').fill('10');
	await page.getByLabel('Sinds wanneer zorg je?').fill('2024-02-01');
	await page.getByLabel('Toestemming').check();
	await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
}

test('the wijk is asked only when the postcode gives none, and what was typed stays (no JavaScript, 375 px)', async ({
	browser
}) => {
	await openScheme();
	const lastName = `Wijk-${Math.random().toString(36).slice(2, 7)}`;
	const carer = await newPerson(browser, 'mantelzorger', 'Fatima Wijk', {
		javaScriptEnabled: false
	});
	const page = carer.page;
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/mantelzorg/aanvragen');
	await expect(page.getByLabel('Wijk', { exact: true })).toHaveCount(0);
	// 1502 lies in five wijken: the server asks which one, at the field, and keeps the rest.
	await fillInZaandam(page, lastName);
	const wijk = page.getByLabel('Wijk', { exact: true });
	await expect(wijk).toHaveAccessibleDescription(WIJK_ASKED);
	await expect(wijk).toHaveAttribute('required', '');
	await expect(page.getByLabel('Achternaam')).toHaveValue(lastName);
	await expect(page.getByLabel('Hoeveel uur per week zorg je gemiddeld?')).toHaveValue('10');
	await wijk.selectOption({ label: 'Zaandam-Oost' });
	await page.getByLabel('Toestemming').check();
	await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
	await expect(page.getByRole('status')).toContainText('Je aanvraag is verstuurd');

	// The same with JavaScript, and axe on the form with the wijk asked (axe does not finish in a
	// page without scripts).
	const other = await newPerson(browser, 'mantelzorger', 'Fatima Wijk');
	await other.page.setViewportSize({ width: 375, height: 800 });
	await other.page.goto('/mantelzorg/aanvragen');
	await expect(other.page.getByLabel('Wijk', { exact: true })).toHaveCount(0);
	await fillInZaandam(other.page, `${lastName}-js`);
	await expect(other.page.getByLabel('Wijk', { exact: true })).toHaveAccessibleDescription(
		WIJK_ASKED
	);
	await expectAccessible(other.page);
});
