// The buurthuizen map and list, a buurthuis's page and an activity page, in Chromium against the
// production build: 19 markers; filters narrow the map and the list together and survive a reload;
// without tiles the markers, names and wijk outlines still show; markers and popups work by
// keyboard alone and focus returns; list and pages work without JavaScript; axe is clean.
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { ensureEnvFile } from '../../../scripts/lib/env.ts';
import type { Database } from '../../../src/lib/database.types.ts';
import { DEMO_PASSWORD, expectAccessible } from '../../support/browser.ts';

const markers = (page: Page) => page.locator('.leaflet-marker-icon');
const listItems = (page: Page) => page.getByTestId('buurthuizen-lijst').locator(':scope > li');
/** Collects Content-Security-Policy violations the page reports (blocked tiles, eval, inline). */
function watchCsp(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (m.text().includes('Content Security Policy')) violations.push(m.text());
	});
	return violations;
}
const mapReady = (page: Page) =>
	expect(page.getByTestId('kaart')).toHaveAttribute('data-ready', 'ja');

/** A weekly activity at De Lorzie, posted by its demo board member through the API. */
async function postWeeklyActivity(title: string) {
	const api = createClient<Database>(E2E_ORIGIN, ensureEnvFile().PUBLIC_SUPABASE_PUBLISHABLE_KEY!, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const signIn = await api.auth.signInWithPassword({
		email: 'bestuur@buurtkracht.example',
		password: DEMO_PASSWORD
	});
	expect(signIn.error).toBeNull();
	const centre = await api.from('community_centres').select('id').eq('slug', 'de-lorzie').single();
	const start = new Date(Date.now() + 2 * 86_400_000);
	start.setUTCHours(9, 0, 0, 0);
	const until = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
	const { data, error } = await api.rpc('create_activity', {
		p_centre_id: centre.data!.id,
		p_title: title,
		p_description: 'Rustig bewegen op muziek, voor iedereen.',
		p_category: 'bewegen',
		p_audience: 'everyone',
		p_starts_at: start.toISOString(),
		p_ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
		p_recurrence: 'weekly',
		p_repeat_until: until,
		p_cost_cents: 0,
		p_needs_registration: true,
		p_max_participants: 12
	});
	expect(error).toBeNull();
	return { id: data as string, day: start.toISOString().slice(0, 10) };
}

test('the map shows 19 markers, and a filter narrows markers and list together, also after a reload', async ({
	page
}) => {
	const csp = watchCsp(page);
	await page.goto('/buurthuizen');
	await mapReady(page);
	await expect(markers(page)).toHaveCount(19);
	await expect(listItems(page)).toHaveCount(19);
	await expectAccessible(page);

	await page.getByRole('combobox', { name: /^Wijk/ }).selectOption({ label: 'Krommenie' });
	await page.getByLabel('Rolstoeltoegankelijk').check();
	await page.getByRole('button', { name: 'Toon', exact: true }).click();
	await expect(page).toHaveURL(/wijk=krommenie/);
	await expect(page).toHaveURL(/rolstoel=on/);
	await mapReady(page);
	await expect(listItems(page)).toHaveCount(1);
	await expect(markers(page)).toHaveCount(1);
	await expect(listItems(page).first()).toContainText('De Vlinder');

	await page.reload();
	await mapReady(page);
	await expect(listItems(page)).toHaveCount(1);
	await expect(markers(page)).toHaveCount(1);
	await expect(page.getByLabel('Rolstoeltoegankelijk')).toBeChecked();
	expect(csp).toEqual([]);
});

test('without map tiles the markers, their names, the wijk outlines and the list still work', async ({
	page
}) => {
	let blocked = 0;
	await page.route('https://service.pdok.nl/**', (route) => {
		blocked += 1;
		return route.abort();
	});
	await page.goto('/buurthuizen');
	await mapReady(page);
	await expect(markers(page)).toHaveCount(19);
	await expect(page.locator('.bk-marker-label', { hasText: 'De Lorzie' })).toBeVisible();
	await expect(page.locator('path.bk-wijk')).toHaveCount(11);
	await expect(listItems(page)).toHaveCount(19);
	expect(blocked).toBeGreaterThan(0);
	await expect(page.locator('.leaflet-control-attribution')).toContainText('Kadaster');
});

test('markers and popups work by keyboard alone, and focus returns where it was', async ({
	page
}) => {
	const title = `Stoelyoga ${Date.now()}`;
	const { day } = await postWeeklyActivity(title);
	await page.goto('/buurthuizen');
	await mapReady(page);

	// From the map, Tab reaches the markers.
	await page.getByRole('region', { name: 'Kaart met de buurthuizen' }).focus();
	await page.keyboard.press('Tab');
	await expect(page.locator('.bk-marker:focus')).toHaveCount(1);

	const lorzie = page.getByRole('button', { name: /Buurthuis De Lorzie: details/ });
	await lorzie.focus();
	await page.keyboard.press('Enter');
	const popup = page.locator('.leaflet-popup');
	await expect(popup).toBeVisible();
	await expect(popup.getByRole('link', { name: 'Buurthuis De Lorzie' })).toBeFocused();
	await expect(popup.locator('a[href^="/buurthuizen/activiteit/"]').first()).toBeVisible();
	await expectAccessible(page);
	await page.keyboard.press('Escape');
	await expect(popup).toHaveCount(0);
	await expect(lorzie).toBeFocused();

	// From the list: the button opens the popup, Escape brings focus back to the button.
	const show = page.getByRole('button', { name: 'Toon Buurthuis A3 op de kaart' });
	await show.focus();
	await page.keyboard.press('Enter');
	await expect(popup.getByRole('link', { name: 'Buurthuis A3' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(show).toBeFocused();

	// Filtered to its day and category, the board's new weekly activity is in the popup and list.
	await page.goto(`/buurthuizen?categorie=bewegen&datum=${day}`);
	await mapReady(page);
	await lorzie.focus();
	await page.keyboard.press('Enter');
	await expect(popup.getByRole('link', { name: title })).toBeVisible();
	await expect(
		page.getByTestId('buurthuizen-lijst').locator('[data-centre="de-lorzie"]')
	).toContainText(title);
	expect(await markers(page).count()).toBe(await listItems(page).count());
});

test('a buurthuis page has its facts, week and list, feed and print links; the activity page its Event data', async ({
	page
}) => {
	const title = `Zitdansen ${Date.now()}`;
	const csp = watchCsp(page);
	const { id } = await postWeeklyActivity(title);
	await page.goto('/buurthuizen/de-lorzie');
	await expect(page.getByRole('heading', { level: 1, name: 'Buurthuis De Lorzie' })).toBeVisible();
	await expect(page.getByText('maandag t/m vrijdag')).toBeVisible();
	await expect(page.getByText('toilets:wheelchair')).toBeVisible();
	await expect(page.getByText(/sociaal wijkteam Wormerveer zit in hetzelfde gebouw/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Abonneren in je agenda' })).toHaveAttribute(
		'href',
		'/buurthuizen/de-lorzie/agenda.ics'
	);
	// The activity is two days from now: this week or next.
	const week = page.getByTestId('week');
	if (!(await week.getByRole('link', { name: title }).count())) {
		await page.getByRole('link', { name: 'Volgende week' }).click();
		await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
	}
	await expect(week.getByRole('link', { name: title }).first()).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Lijst van 4 weken' }).click();
	await expect(page.getByTestId('lijst').getByRole('link', { name: title }).first()).toBeVisible();

	await page.goto(`/buurthuizen/activiteit/${id}`);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Aanmelden' })).toHaveAttribute(
		'href',
		`/buurthuizen/activiteit/${id}/aanmelden`
	);
	const transport = await page
		.getByRole('link', { name: 'Vraag hulp bij Buurthulp' })
		.getAttribute('href');
	expect(transport).toMatch(
		/^\/hulp\/vraag\/nieuw\?categorie=vervoer&datum=\d{4}-\d{2}-\d{2}&wijk=/
	);
	const jsonLd = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
	);
	expect(jsonLd).toMatchObject({
		'@type': 'Event',
		name: title,
		eventStatus: 'https://schema.org/EventScheduled',
		location: { name: 'Buurthuis De Lorzie' },
		eventSchedule: { repeatFrequency: 'P1W' }
	});
	await expectAccessible(page);

	await page.goto('/buurthuizen/de-lorzie/week');
	await expect(page.getByRole('heading', { level: 1, name: /Weekprogramma/ })).toBeVisible();
	// The printed programme ends with the buurthuis page's short address and a QR code to it.
	await expect(page.getByText(/\/buurthuizen\/de-lorzie$/)).toBeVisible();
	await expect(
		page.getByRole('img', { name: /QR-code naar .*\/buurthuizen\/de-lorzie/ })
	).toBeVisible();
	await expectAccessible(page);
	expect(csp).toEqual([]);
});

test('the list, filters and pages work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/buurthuizen');
	await expect(listItems(page)).toHaveCount(19);
	await expect(page.getByText('De kaart heeft JavaScript nodig')).toBeVisible();
	await page.getByLabel('Bij mij in de buurt: postcode').fill('1521 AB');
	await page.getByRole('button', { name: 'Toon', exact: true }).click();
	const nearest = page.getByRole('region', { name: 'Bij jou in de buurt' });
	await expect(nearest.getByRole('listitem').first()).toContainText('Buurthuis De Lorzie');
	await expect(nearest.getByRole('listitem').first()).toContainText(/\d+ m|km/);

	await page.goto('/buurthuizen?postcode=12');
	await expect(page.getByText('Vul een postcode in zoals 1521 AB')).toBeVisible();
	await expect(page.getByLabel('Bij mij in de buurt: postcode')).toHaveValue('12');

	await page.getByRole('link', { name: 'Buurthuis A3' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Buurthuis A3' })).toBeVisible();
	await page.getByRole('link', { name: 'Volgende week' }).click();
	await expect(page).toHaveURL(/week=/);
	await page.getByRole('link', { name: 'Assendelft' }).first().click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Buurthuizen in Assendelft' })
	).toBeVisible();
	// axe needs JavaScript: these pages are checked with it in the tests above and below.
	await context.close();
});

test('the wijk page lists its buurthuizen and links its feed', async ({ page }) => {
	await page.goto('/buurthuizen/wijk/wormerveer');
	await expect(page.getByRole('link', { name: 'Buurthuis De Lorzie' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Abonneren in je agenda' })).toHaveAttribute(
		'href',
		'/buurthuizen/wijk/wormerveer/agenda.ics'
	);
	await expectAccessible(page);
});
