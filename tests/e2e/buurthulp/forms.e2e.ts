// Forms that say what they need (issue 17): a date field shows only when the choice before it
// needs one, and is then required (no "(niet verplicht)"). Without JavaScript the page cannot
// follow the choice, so the server's answer asks for the missing date at its field. On a 375 px
// phone, with axe on every state.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, expectAccessibleWithoutScripts, signIn } from '../../support/browser.ts';
import { isoDate } from '../../support/people.ts';
import { budget } from '../../support/budget.ts';

const PHONE = { width: 375, height: 740 };
// Signing in and several axe runs on a busy two-core machine: more than the default minute.
test.describe.configure({ timeout: budget(120_000) });

async function signedIn(browser: Browser, email: string, javaScriptEnabled: boolean) {
	const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

const accessible = (page: Page, javaScriptEnabled: boolean) =>
	javaScriptEnabled ? expectAccessible(page) : expectAccessibleWithoutScripts(page);

for (const javaScriptEnabled of [true, false]) {
	const how = javaScriptEnabled ? 'with' : 'without';

	test(`the help request asks for the dates its "Wanneer?" needs (${how} JavaScript)`, async ({
		browser
	}) => {
		const page = await signedIn(browser, 'inwoner@buurtkracht.example', javaScriptEnabled);
		await page.goto('/hulp/vraag/nieuw');
		const when = page.getByLabel('Wanneer?');
		const date = page.getByLabel('Datum', { exact: true });
		const firstDate = page.getByLabel('Eerste datum', { exact: true });
		const lastDate = page.getByLabel('Laatste datum', { exact: true });

		// "Op één dag" is the first choice: one date, required, no second one.
		await expect(when).toHaveValue('date');
		await expect(date).toBeVisible();
		await expect(date).toHaveAttribute('required', '');
		await expect(page.getByText('(niet verplicht)')).toHaveCount(1); // only the street address
		await expect(lastDate).toHaveCount(0);
		await accessible(page, javaScriptEnabled);

		if (javaScriptEnabled) {
			await when.selectOption({ label: 'Ergens tussen twee datums' });
			await expect(firstDate).toBeVisible();
			await expect(lastDate).toBeVisible();
			await expect(lastDate).toHaveAttribute('required', '');
			await accessible(page, javaScriptEnabled);
			await when.selectOption({ label: 'Flexibel: het maakt niet uit wanneer' });
			await expect(page.getByLabel(/datum/i)).toHaveCount(0);
			await when.selectOption({ label: 'Ergens tussen twee datums' });
		} else {
			await when.selectOption({ label: 'Ergens tussen twee datums' });
			await date.fill(isoDate(2));
		}
		// Sent without the last date: the answer says so at that field and keeps what was typed.
		if (javaScriptEnabled) await firstDate.fill(isoDate(2));
		await page.getByLabel('Waar is hulp bij nodig?').selectOption({ label: 'Klussen' });
		await page.getByLabel('Korte omschrijving').fill('Schilderij ophangen');
		await page.getByRole('button', { name: 'Hulpvraag plaatsen' }).click();
		await expect(lastDate).toHaveAccessibleDescription('Fout: Vul de laatste datum in.');
		await expect(firstDate).toHaveValue(isoDate(2));
		await expect(page.getByLabel('Korte omschrijving')).toHaveValue('Schilderij ophangen');
		await accessible(page, javaScriptEnabled);
	});

	test(`a weekly activity asks "Elke week tot en met" only then (${how} JavaScript)`, async ({
		browser
	}) => {
		const page = await signedIn(browser, 'bestuur@buurtkracht.example', javaScriptEnabled);
		await page.goto('/buurthuizen/bestuur');
		await page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
		const until = page.getByLabel('Elke week tot en met');
		await expect(page.getByLabel('Herhaling')).toHaveValue('once');
		await expect(until).toHaveCount(0);

		await page.getByLabel('Herhaling').selectOption({ label: 'Elke week' });
		if (javaScriptEnabled) {
			await expect(until).toBeVisible();
			await expect(until).toHaveAttribute('required', '');
			await accessible(page, javaScriptEnabled);
		}
		await page.getByLabel('Naam van de activiteit').fill('Koffieochtend');
		await page.getByRole('button', { name: 'Activiteit plaatsen' }).click();
		await expect(until).toHaveAccessibleDescription(
			/Fout: Vul in tot wanneer de activiteit elke week is\./
		);
		await expect(page.getByLabel('Naam van de activiteit')).toHaveValue('Koffieochtend');
		await accessible(page, javaScriptEnabled);
	});
}
