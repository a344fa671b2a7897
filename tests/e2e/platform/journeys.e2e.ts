// Issue 17: five people find their way in and back, on a 375 px phone, with and without
// JavaScript. Each walk starts on the home page and counts the taps: after signing in, every role
// reaches its main task within two taps, and every tap is on a target of at least 44 × 44 px. A
// link from a mail opened while signed out comes back to its page after signing in.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../../../src/lib/database.types.ts';
import { ensureEnvFile } from '../../../scripts/lib/env.ts';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import {
	DEMO_PASSWORD,
	expectAccessible,
	expectAccessibleWithoutScripts,
	waitForMail
} from '../../support/browser.ts';
import { isoDate, newPerson } from '../../support/people.ts';
import { budget } from '../../support/budget.ts';

const PHONE = { width: 375, height: 740 };
// Each walk signs in, several wait for a mail and run axe on a few pages: more than the default
// minute on a busy two-core machine (measured: up to two minutes for a sign-up walk).
test.describe.configure({ timeout: budget(180_000) });

/** One person's walk: every tap is counted and must be a good target. */
class Walk {
	taps = 0;
	constructor(
		readonly page: Page,
		readonly javaScriptEnabled = true
	) {}

	/** Prints the taps after signing in, for the closing note ("steps before and after"). */
	report(journey: string) {
		const line = `taps after signing in: ${journey} (${this.javaScriptEnabled ? 'with' : 'without'} JavaScript): ${this.taps}`;
		console.log(line);
		test.info().annotations.push({ type: 'taps', description: line });
	}

	/** axe on this page; without JavaScript on a copy of its HTML (axe needs scripts). */
	async expectAccessible() {
		if (this.javaScriptEnabled) return expectAccessible(this.page);
		await expectAccessibleWithoutScripts(this.page);
	}

	async tap(target: Locator) {
		await expect(target).toBeVisible();
		const box = await target.boundingBox();
		expect(box?.height, `tap target ${await target.textContent()}`).toBeGreaterThanOrEqual(43.5);
		expect(box?.width, `tap target ${await target.textContent()}`).toBeGreaterThanOrEqual(43.5);
		const before = this.page.url();
		await target.click();
		// A tap that answers in place (an enhanced form: the sign-up's "Kijk in je e-mail") keeps its
		// address; do not wait for a navigation that never comes.
		await this.page
			.waitForURL((url) => url.toString() !== before, { timeout: 10_000 })
			.catch(() => {});
		await this.page.waitForLoadState('load');
		this.taps++;
	}

	/** From the home page: "Inloggen", the form, and the button (two taps: fill-ins are typing). */
	async signInFromHome(email: string) {
		await this.page.goto('/');
		await this.tap(this.page.getByRole('banner').getByRole('link', { name: 'Inloggen' }));
		await this.signInHere(email);
	}

	async signInHere(email: string, password = DEMO_PASSWORD) {
		await this.page.getByLabel('E-mailadres').first().fill(email);
		await this.page.getByLabel('Wachtwoord', { exact: true }).fill(password);
		await this.tap(this.page.getByRole('button', { name: 'Inloggen', exact: true }));
		await expect(this.page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
		this.taps = 0; // count from here: "after signing in"
	}

	heading() {
		return this.page.getByRole('heading', { level: 1 });
	}
}

async function phone(browser: Browser, javaScriptEnabled: boolean): Promise<Walk> {
	const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
	return new Walk(await context.newPage(), javaScriptEnabled);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test('the shop assistant is at the counter right after signing in', async ({ browser }) => {
			const walk = await phone(browser, javaScriptEnabled);
			await walk.signInFromHome('winkel@buurtkracht.example');
			await expect(walk.heading()).toHaveText('Cheque aannemen');
			await expect(walk.page.getByLabel('Code van de cheque')).toBeVisible();
			expect(walk.taps).toBe(0);
			walk.report('shop assistant to the counter');
			// Back from elsewhere: one tap in the header.
			await walk.page.goto('/hulp');
			await walk.tap(walk.page.getByRole('link', { name: 'Cheque aannemen' }));
			await expect(walk.heading()).toHaveText('Cheque aannemen');
		});

		test('the board member lands on the buurthuis and reaches an activity in one tap', async ({
			browser
		}) => {
			const walk = await phone(browser, javaScriptEnabled);
			await walk.signInFromHome('bestuur@buurtkracht.example');
			await expect(walk.heading()).toHaveText('Activiteiten van Buurthuis De Lorzie');
			await walk.tap(walk.page.getByRole('link', { name: 'Koffieochtend' }));
			await expect(walk.heading()).toHaveText('Koffieochtend');
			walk.report('board member to an activity');
			expect(walk.taps).toBeLessThanOrEqual(2);
		});

		test('the carer reaches her cheque in one tap from the home page', async ({ browser }) => {
			const walk = await phone(browser, javaScriptEnabled);
			await walk.signInFromHome('mantelzorger@buurtkracht.example');
			await expect(walk.page).toHaveURL(/\/$/);
			await walk.tap(
				walk.page.getByTestId('persoonlijk').getByRole('link', { name: 'Mijn cheque' })
			);
			await expect(walk.page.getByText('Nog te besteden')).toBeVisible();
			walk.report('carer to her cheque');
			expect(walk.taps).toBeLessThanOrEqual(2);
		});

		test('the volunteer reaches "Hulpvragen voor jou" and a request in two taps', async ({
			browser
		}) => {
			const walk = await phone(browser, javaScriptEnabled);
			await walk.signInFromHome('vrijwilliger@buurtkracht.example');
			await walk.tap(
				walk.page.getByTestId('persoonlijk').getByRole('link', { name: 'Hulpvragen voor jou' })
			);
			await expect(walk.heading()).toHaveText('Hulpvragen voor jou');
			await walk.tap(
				walk.page
					.locator('main')
					.getByRole('link', { name: /Boodschappen|Vervoer|Heg|Samen|Formulier|videobellen/ })
					.first()
			);
			await expect(walk.page.getByRole('heading', { name: 'Wil je helpen?' })).toBeVisible();
			walk.report('volunteer to a request for her');
			expect(walk.taps).toBeLessThanOrEqual(2);
		});

		test('the resident asks for help, and a mail link brings her back to the reactions', async ({
			browser
		}) => {
			const label = javaScriptEnabled ? 'ria-js' : 'ria-zonder';
			const resident = await newPerson(browser, label, 'Ria Rust');
			const title = `Lamp ophangen ${label}`;

			// Signed out, from the home page: "Vraag om hulp" asks her to log in first, and says why.
			const walk = await phone(browser, javaScriptEnabled);
			await walk.page.goto('/');
			await walk.tap(walk.page.locator('main').getByRole('link', { name: 'Vraag om hulp' }));
			await expect(walk.page.getByTestId('waarom-inloggen')).toContainText(
				'Log in om hulp te vragen'
			);
			await walk.signInHere(resident.email, 'e2e-wachtwoord-2026');
			await expect(walk.heading()).toHaveText('Vraag om hulp');
			walk.report('resident to the help form');
			expect(walk.taps).toBe(0);
			await walk.page.getByLabel('Waar is hulp bij nodig?').selectOption('odd_jobs');
			await walk.page.getByLabel('Korte omschrijving').fill(title);
			await walk.page
				.getByLabel('Vertel wat meer')
				.fill('Een lamp in de gang, ik kan niet op een trap.');
			await walk.page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Westzaan' });
			await walk.page.getByLabel('Postcode').fill('1551 AB');
			await walk.page
				.getByLabel('Wanneer?')
				.selectOption({ label: 'Flexibel: het maakt niet uit wanneer' });
			await walk.tap(walk.page.getByRole('button', { name: 'Hulpvraag plaatsen' }));
			await expect(walk.heading()).toHaveText(title);
			const requestPath = new URL(walk.page.url()).pathname;

			// A volunteer reacts (through the API, as the demo volunteer's own browser would).
			const volunteer = createClient<Database>(
				E2E_ORIGIN,
				ensureEnvFile().PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? '',
				{ auth: { persistSession: false, autoRefreshToken: false } }
			);
			const signedIn = await volunteer.auth.signInWithPassword({
				email: 'vrijwilliger@buurtkracht.example',
				password: DEMO_PASSWORD
			});
			expect(signedIn.error).toBeNull();
			const requestId = requestPath.split('/').at(-1) as string;
			const reacted = await volunteer.from('responses').insert({
				municipality_id: '00000000-0000-4000-8000-000000000001',
				request_id: requestId,
				volunteer_id: signedIn.data.user?.id as string,
				message: `Ik heb een trapje en kan ${isoDate(2)}.`
			});
			expect(reacted.error).toBeNull();

			// Back home, the header and her block say there is something new.
			await walk.page.goto('/');
			const mine = walk.page.getByRole('navigation', { name: "Mijn pagina's" });
			await expect(mine.getByRole('link', { name: /Mijn buurthulp.*1 nieuw/ })).toBeVisible();
			walk.taps = 0;
			await walk.tap(mine.getByRole('link', { name: /Mijn buurthulp/ }));
			await walk.tap(walk.page.locator('main').getByRole('link', { name: title }));
			await expect(walk.page.getByRole('button', { name: /^Kies / })).toBeVisible();
			walk.report('resident back to the reactions');
			expect(walk.taps).toBeLessThanOrEqual(2);

			// The mail's link, opened signed out on another phone: sign in, and she is back.
			const mail = await waitForMail(resident.email, 'Iemand wil je helpen');
			const href = /href="([^"]*\/hulp\/vraag\/[^"]+)"/.exec(mail.html)?.[1] ?? '';
			const link = new URL(href.replace(/&amp;/g, '&'));
			const later = await phone(browser, javaScriptEnabled);
			await later.page.goto(link.pathname + link.search);
			await expect(later.page.getByTestId('waarom-inloggen')).toContainText(
				'Je opende een link uit een e-mail'
			);
			await later.expectAccessible();
			await later.signInHere(resident.email, 'e2e-wachtwoord-2026');
			await expect(later.page).toHaveURL(new RegExp(`${requestPath}$`));
			await expect(later.page.getByRole('button', { name: /^Kies / })).toBeVisible();

			// Once she chose, the request is no longer public: signed out it asks to log in, not 404.
			await later.tap(later.page.getByRole('button', { name: /^Kies / }));
			await expect(later.heading()).toContainText('Afspraak');
			const stranger = await phone(browser, javaScriptEnabled);
			const refused = await stranger.page.goto(requestPath);
			expect(refused?.status()).toBe(401);
			await expect(stranger.heading()).toHaveText('Log in om deze hulpvraag te bekijken');
			await stranger.expectAccessible();
			await stranger.tap(stranger.page.getByRole('link', { name: 'Inloggen', exact: true }).last());
			await stranger.signInHere(resident.email, 'e2e-wachtwoord-2026');
			await expect(stranger.page).toHaveURL(new RegExp(`${requestPath}$`));
			await expect(stranger.heading()).toHaveText(title);
		});
	});
}

test('a newcomer signs up from "Vraag om hulp", types the code from the mail and is back', async ({
	browser
}) => {
	const walk = await phone(browser, false);
	await walk.page.goto('/');
	await walk.tap(walk.page.locator('main').getByRole('link', { name: 'Vraag om hulp' }));
	await walk.tap(walk.page.getByRole('link', { name: 'Maak een account' }));
	await expect(walk.page.getByText('Maak een account om hulp te vragen.')).toBeVisible();
	const email = `nieuw-${Date.now()}@buurtkracht.example`;
	await walk.page.getByLabel('Naam', { exact: true }).fill('Nel Nieuw');
	await walk.page.getByLabel('E-mailadres').fill(email);
	await walk.page.getByLabel('Wachtwoord', { exact: true }).fill('een-lang-wachtwoord-2026');
	await walk.page.getByLabel('Herhaal wachtwoord').fill('een-lang-wachtwoord-2026');
	await walk.tap(walk.page.getByRole('button', { name: 'Account maken' }));
	await expect(walk.heading()).toHaveText('Kijk in je e-mail');
	await expect(walk.page.getByText('ongewenste e-mail')).toBeVisible();
	await expect(walk.page.getByRole('button', { name: 'Stuur de e-mail opnieuw' })).toBeVisible();
	await walk.expectAccessible();
	const mail = await waitForMail(email, 'Bevestig je e-mailadres');
	const code = /<strong>(\d{6})<\/strong>/.exec(mail.html)?.[1] ?? '';
	await walk.page.getByLabel('Code uit de e-mail').fill(code);
	await walk.tap(walk.page.getByRole('button', { name: 'Bevestigen' }));
	await expect(walk.heading()).toHaveText('Vraag om hulp');
	await expect(walk.page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});

test('signing in before confirming offers the code field and a new mail', async ({ browser }) => {
	const walk = await phone(browser, true);
	const email = `onbevestigd-${Date.now()}@buurtkracht.example`;
	await walk.page.goto('/registreren');
	await walk.page.getByLabel('Naam', { exact: true }).fill('Otto Onbevestigd');
	await walk.page.getByLabel('E-mailadres').fill(email);
	await walk.page.getByLabel('Wachtwoord', { exact: true }).fill('een-lang-wachtwoord-2026');
	await walk.page.getByLabel('Herhaal wachtwoord').fill('een-lang-wachtwoord-2026');
	await walk.tap(walk.page.getByRole('button', { name: 'Account maken' }));
	await expect(walk.heading()).toHaveText('Kijk in je e-mail');
	const mail = await waitForMail(email, 'Bevestig je e-mailadres');

	await walk.page.goto('/inloggen?naar=%2Fhulp%2Fmijn');
	await walk.page.getByLabel('E-mailadres').first().fill(email);
	await walk.page.getByLabel('Wachtwoord', { exact: true }).fill('een-lang-wachtwoord-2026');
	await walk.tap(walk.page.getByRole('button', { name: 'Inloggen', exact: true }));
	await expect(walk.page.getByRole('heading', { name: 'Bevestig je e-mailadres' })).toBeVisible();
	await expect(walk.page.getByRole('button', { name: 'Stuur de e-mail opnieuw' })).toBeVisible();
	await walk.expectAccessible();
	const code = /<strong>(\d{6})<\/strong>/.exec(mail.html)?.[1] ?? '';
	await walk.page.getByLabel('Code uit de e-mail').fill(code);
	await walk.tap(walk.page.getByRole('button', { name: 'Bevestigen' }));
	await expect(walk.heading()).toHaveText('Mijn buurthulp');
});
