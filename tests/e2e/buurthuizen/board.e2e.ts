// A buurthuis board member (the demo account of De Lorzie) posts a weekly activity with
// registration; it shows on the board's list and in the buurthuis's iCalendar feed; two residents
// register (one without JavaScript) and the date is full; the board sees who; a resident gets no
// board pages. axe on every page here.
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { expect, test } from '@playwright/test';
import type { Database } from '../../../src/lib/database.types.ts';
import { fromAmsterdam } from '../../../src/lib/buurthuizen/dates.ts';
import { E2E_API, e2eKey } from '../../../playwright.config.ts';
import { DEMO_PASSWORD, expectAccessible, signIn } from '../../support/browser.ts';
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
	// Names on the next date only; the other weeks name who comes on their own page.
	await expect(
		board.getByText(/De namen staan alleen bij .*, de eerstvolgende keer/)
	).toBeVisible();
	await expectAccessible(board);

	const forbidden = await resident.page.goto('/buurthuizen/bestuur');
	expect(forbidden?.status()).toBe(403);
	const other = await resident.page.goto(`/buurthuizen/bestuur/activiteit/${activityId}`);
	expect(other?.status()).toBe(403);
});

test('one week gets another time, and skipping another asks to be sure (no JavaScript, 375 px)', async ({
	browser
}) => {
	// Set-up through the board member's own API session: a weekly activity with registration.
	const api = createClient<Database>(E2E_API, e2eKey(), {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	expect(
		(
			await api.auth.signInWithPassword({
				email: 'bestuur@buurtkracht.example',
				password: DEMO_PASSWORD
			})
		).error
	).toBeNull();
	const lorzie = await api.from('community_centres').select('id').eq('slug', 'de-lorzie').single();
	const title = `Schilderclub ${randomUUID().slice(0, 6)}`;
	const created = await api.rpc('create_activity', {
		p_centre_id: lorzie.data?.id as string,
		p_title: title,
		p_description: 'Samen schilderen.',
		p_category: 'cursus',
		p_audience: 'everyone',
		p_starts_at: fromAmsterdam(isoDate(8), '10:00').toISOString(),
		p_ends_at: fromAmsterdam(isoDate(8), '12:00').toISOString(),
		p_recurrence: 'weekly',
		p_repeat_until: isoDate(8 + 28),
		p_needs_registration: true,
		p_max_participants: 10
	});
	expect(created.error).toBeNull();
	const activityId = created.data as string;
	const resident = await newPerson(browser, 'deelnemer', 'Rita Register');
	expect(
		(
			await resident.api.rpc('register_for_activity', {
				p_activity_id: activityId,
				p_occurs_on: isoDate(15)
			})
		).error
	).toBeNull();

	const page = await (
		await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } })
	).newPage();
	await signIn(page, 'bestuur@buurtkracht.example');
	await page.goto(`/buurthuizen/bestuur/activiteit/${activityId}`);

	// The second week: another date and time, for this once.
	await page
		.getByRole('link', { name: /^Andere datum of tijd, of overslaan/ })
		.nth(1)
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(page.getByText('1 persoon heeft zich aangemeld: Rita Register.')).toBeVisible();
	await page.getByLabel('Nieuwe datum').fill(isoDate(16));
	await page.getByLabel('Begintijd').fill('14:00');
	await page.getByLabel('Eindtijd').fill('16:00');
	await page.getByLabel(/^Bericht aan wie zich heeft aangemeld/).fill('De zaal is bezet.');
	await page.getByRole('button', { name: 'Datum en tijd opslaan' }).click();
	await expect(page.getByRole('status')).toContainText('Deze week heeft een andere datum of tijd');
	await expect(page.getByRole('cell', { name: /verplaatst naar .*14:00/ })).toBeVisible();

	// The third week: skipping asks for the tick first, and keeps the reason typed.
	await page
		.getByRole('link', { name: /^Andere datum of tijd, of overslaan/ })
		.nth(1)
		.click();
	await page.getByLabel(/^Reden/).fill('Feestdag');
	await page.getByRole('button', { name: 'Deze week overslaan' }).click();
	await expect(page.getByLabel(/gaat op .* niet door/)).toHaveAccessibleDescription(
		/Vink aan dat deze week niet doorgaat/
	);
	await expect(page.getByLabel(/^Reden/)).toHaveValue('Feestdag');
	await page.getByLabel(/gaat op .* niet door/).check();
	await page.getByRole('button', { name: 'Deze week overslaan' }).click();
	await expect(page.getByRole('status')).toContainText('Die week is overgeslagen');
	await expect(page.getByRole('cell', { name: /\(overgeslagen\)/ })).toBeVisible();

	// The resident's activity page says where the week went; the one-off holds her registration.
	await resident.page.goto(`/buurthuizen/activiteit/${activityId}`);
	await expect(
		resident.page.getByText(/Verplaatst naar .*14:00.*De zaal is bezet\./)
	).toBeVisible();

	// axe on the week page at 375 px (with scripts: axe does not finish without them).
	const withScripts = await demoPerson(browser, 'bestuur@buurtkracht.example');
	await withScripts.setViewportSize({ width: 375, height: 800 });
	await withScripts.goto(`/buurthuizen/bestuur/activiteit/${activityId}`);
	await expectAccessible(withScripts);
	await withScripts.goto(`/buurthuizen/bestuur/activiteit/${activityId}/week/${isoDate(36)}`);
	await expect(
		withScripts.getByRole('heading', { name: 'Andere datum of tijd voor deze keer' })
	).toBeVisible();
	await expectAccessible(withScripts);
});
