// A buurthuis board member (the demo account of De Lorzie) posts a weekly activity with
// registration; it shows on the board's list and in the buurthuis's iCalendar feed; two residents
// register (one without JavaScript) and the date is full; the board sees who; a resident gets no
// board pages. axe on every page here.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../../support/browser.ts';
import { demoPerson, isoDate, newPerson } from '../../support/people.ts';

test('a board member posts a weekly activity and a resident registers', async ({ browser }) => {
	const title = `Wandelclub ${randomUUID().slice(0, 6)}`;
	const board = await demoPerson(browser, 'bestuur@buurtkracht.example');

	// One buurthuis: "Mijn buurthuis" goes straight to its activities, without a choice.
	await board.goto('/buurthuizen/bestuur');
	await expect(board.getByRole('heading', { level: 1 })).toContainText('De Lorzie');
	await expectAccessible(board);
	await board.getByRole('link', { name: 'Nieuwe activiteit' }).click();
	await expectAccessible(board);

	// Sent empty first: the errors stand next to their fields.
	await board.getByRole('button', { name: 'Activiteit plaatsen' }).click();
	await expect(board.getByLabel('Naam van de activiteit')).toHaveAccessibleDescription(/Fout/);

	await board.getByLabel('Naam van de activiteit').fill(title);
	await board.getByLabel('Uitleg').fill('Samen een uur wandelen langs de Zaan.');
	await board.getByLabel('Soort activiteit').selectOption({ label: 'Bewegen' });
	await board.getByLabel('Datum (de eerste keer)').fill(isoDate(8));
	await board.getByLabel('Begintijd').fill('10:00');
	await board.getByLabel('Eindtijd').fill('11:00');
	await board.getByLabel('Herhaling').selectOption({ label: 'Elke week' });
	await board.getByLabel('Elke week tot en met').fill(isoDate(8 + 28));
	await board.getByLabel('Aanmelden is nodig').check();
	await board.getByLabel('Maximum aantal deelnemers').fill('2');
	await board.getByRole('button', { name: 'Activiteit plaatsen' }).click();
	await expect(board.getByRole('status')).toContainText('De activiteit is geplaatst.');
	await expect(board.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expectAccessible(board);
	const activityId = /activiteit\/([0-9a-f-]{36})/.exec(board.url())?.[1] as string;

	await board.getByRole('link', { name: /Terug naar de activiteiten/ }).click();
	await expect(board.getByRole('link', { name: title })).toBeVisible();

	const feed = await board.request.get('/buurthuizen/de-lorzie/agenda.ics');
	expect(feed.headers()['content-type']).toContain('text/calendar');
	const ics = await feed.text();
	expect(ics).toContain(`SUMMARY:${title}`);
	expect(ics).toContain(`DTSTART;TZID=Europe/Amsterdam:${isoDate(8).replaceAll('-', '')}T100000`);
	expect(ics).toMatch(/RRULE:FREQ=WEEKLY;UNTIL=\d{8}T\d{6}Z/);

	const resident = await newPerson(browser, 'deelnemer', 'Dirk Deelnemer');
	await resident.page.goto(`/buurthuizen/activiteit/${activityId}/aanmelden`);
	await expect(resident.page.getByRole('heading', { level: 1 })).toContainText(title);
	await expectAccessible(resident.page);
	await resident.page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(resident.page.getByRole('status')).toContainText('Je bent aangemeld');
	await expect(resident.page.getByRole('button', { name: /Afmelden/ })).toBeVisible();
	await expectAccessible(resident.page);

	// Without JavaScript too; the second place of that date goes, and the date is full.
	const second = await newPerson(browser, 'zonderjs', 'Zoë Zonder', { javaScriptEnabled: false });
	await second.page.goto(`/buurthuizen/activiteit/${activityId}/aanmelden`);
	await second.page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(second.page.getByRole('status')).toContainText('Je bent aangemeld');

	await board.goto(`/buurthuizen/bestuur/activiteit/${activityId}`);
	await expect(board.getByRole('cell', { name: /2 van 2/ })).toContainText('Dirk Deelnemer');
	await expect(board.getByRole('cell', { name: /2 van 2/ })).toContainText('(vol)');

	const forbidden = await resident.page.goto('/buurthuizen/bestuur');
	expect(forbidden?.status()).toBe(403);
	const other = await resident.page.goto(`/buurthuizen/bestuur/activiteit/${activityId}`);
	expect(other?.status()).toBe(403);
});
