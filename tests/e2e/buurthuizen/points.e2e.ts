// The municipality admin (demo account) adds a maatschappelijke opgave to a wijk, and the points
// report per buurthuis shows the demo programme's points with a CSV download. axe on both pages.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../../support/browser.ts';
import { demoPerson, isoDate } from '../../support/people.ts';

test('the admin defines a social goal and reads the points per buurthuis', async ({ browser }) => {
	const admin = await demoPerson(browser, 'beheer@buurtkracht.example');
	const title = `Samen sporten ${randomUUID().slice(0, 6)}`;

	await admin.goto('/beheer/buurthuizen');
	await expectAccessible(admin);
	await admin.getByLabel('Wijk').selectOption({ label: 'Krommenie' });
	await admin.getByLabel('Maatschappelijke opgave').fill(title);
	await admin.getByLabel('Punten per keer').fill('3');
	await admin.getByRole('button', { name: 'Opgave toevoegen' }).click();
	await expect(admin.getByRole('status')).toContainText(title);
	await expect(admin.getByRole('link', { name: title })).toBeVisible();

	// The demo programme has weekly activities serving De Lorzie's goals from this week on.
	await admin.goto(`/beheer/buurthuizen/punten?van=${isoDate(-7)}&tot=${isoDate(60)}`);
	await expect(admin.getByRole('rowheader', { name: 'Buurthuis De Lorzie' })).toBeVisible();
	await expectAccessible(admin);
	const csv = await admin.request.get(
		`/beheer/buurthuizen/punten.csv?van=${isoDate(-7)}&tot=${isoDate(60)}`
	);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toMatch(/Buurthuis De Lorzie;Wormerveer;\d+;\d+;\d+/);

	// Closing a period that is over freezes its points; a period not over yet is refused.
	await admin.goto('/beheer/buurthuizen/perioden');
	await expectAccessible(admin);
	await admin.getByLabel('Van').fill(isoDate(-7));
	await admin.getByLabel('Tot en met').fill(isoDate(0));
	await admin.getByRole('button', { name: 'Periode afsluiten' }).click();
	await expect(admin.getByRole('alert')).toContainText('pas worden afgesloten als hij voorbij is');
	await admin.getByLabel('Van').fill(isoDate(-60));
	await admin.getByLabel('Tot en met').fill(isoDate(-30));
	await admin.getByRole('button', { name: 'Periode afsluiten' }).click();
	await expect(admin.getByRole('status')).toContainText('De periode is afgesloten.');
	await expectAccessible(admin);

	const board = await demoPerson(browser, 'bestuur@buurtkracht.example');
	const refused = await board.goto('/beheer/buurthuizen/punten');
	expect(refused?.status()).toBe(403);
});
