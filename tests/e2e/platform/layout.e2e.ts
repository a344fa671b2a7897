// Every page at 320 CSS px wide (the width of 1280 px at 400% zoom), in one walk: no page scrolls
// sideways (WCAG 1.4.10), no word breaks inside a heading or a table cell, every button is at
// least 44 × 44 px, a page never mixes "je" and "u", and axe finds no WCAG 2.1 AA violation.
// Public pages are visited anonymously, the others as the demo account that can open them, plus
// a match whose message holds one very long word (it once made the match page 19,700 px wide).
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	DEMO_PASSWORD,
	expectAccessible,
	expectNoSidewaysScroll,
	signIn
} from '../../support/browser.ts';
import { expectLayoutRules } from '../../support/layout-rules.ts';
import { newPerson, type Person } from '../../support/people.ts';
import { budget } from '../../support/budget.ts';

const PHONE = { width: 320, height: 640 };
test.use({ viewport: PHONE });

async function pageAs(browser: Browser, email?: string): Promise<Page> {
	const page = await (await browser.newContext({ viewport: PHONE })).newPage();
	if (email) await signIn(page, email, DEMO_PASSWORD);
	return page;
}

async function visit(
	page: Page,
	paths: string[],
	status: (code: number) => boolean = (c) => c < 400
) {
	for (const path of paths) {
		await test.step(path, async () => {
			const response = await page.goto(path);
			expect(status(response?.status() ?? 0), `${path} answered ${response?.status()}`).toBe(true);
			// Soft: one run lists every page that breaks a rule, not only the first.
			await expectNoSidewaysScroll(page, expect.soft);
			await expectLayoutRules(page, expect.soft);
			await expectAccessible(page, expect.soft);
		});
	}
}

/** The id in the first link on the current page to a path like /hulp/vraag/<uuid>. */
async function firstId(page: Page, prefix: string): Promise<string> {
	const hrefs = await page
		.locator(`a[href^="${prefix}"]`)
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const id = hrefs.map((href) => /[0-9a-f-]{36}/.exec(href)?.[0]).find(Boolean);
	if (!id) throw new Error(`no link to ${prefix}<id> on ${page.url()}`);
	return id;
}

/** A resident and a volunteer with a match, whose first message is one very long word. */
async function matchWithLongWord(browser: Browser): Promise<{
	resident: Person;
	volunteer: Person;
	matchId: string;
}> {
	const resident = await newPerson(browser, 'lang-woord', 'Lotte Langwoord');
	const volunteer = await newPerson(browser, 'lang-helper', 'Hans Helper');
	const district = await resident.api
		.from('districts')
		.select('id, municipality_id')
		.eq('slug', 'westzaan')
		.single();
	const municipality = district.data?.municipality_id as string;
	const posted = await resident.api.rpc('post_help_request', {
		p_district_id: district.data?.id as string,
		p_category: 'odd_jobs',
		p_title: 'Schilderij ophangen',
		p_description: 'Een schilderij in de woonkamer.',
		p_postcode_area: '1551',
		p_when_kind: 'flexible',
		p_starts_on: null as unknown as string,
		p_ends_on: null as unknown as string,
		p_day_part: 'any',
		p_duration_minutes: 30,
		p_recurrence: 'once'
	});
	expect(posted.error).toBeNull();
	const profile = await volunteer.api.from('volunteer_profiles').insert({
		user_id: volunteer.id,
		municipality_id: municipality,
		home_district_id: district.data?.id as string,
		availability_mask: 1
	});
	expect(profile.error).toBeNull();
	const response = await volunteer.api
		.from('responses')
		.insert({
			municipality_id: municipality,
			request_id: posted.data as string,
			volunteer_id: volunteer.id,
			message: 'Ik kom met een boormachine.'
		})
		.select('id')
		.single();
	expect(response.error).toBeNull();
	const match = await resident.api.rpc('accept_response', {
		p_response_id: response.data?.id as string
	});
	expect(match.error).toBeNull();
	const sent = await resident.api.from('match_messages').insert({
		match_id: match.data as string,
		municipality_id: municipality,
		sender_id: resident.id,
		body: `Mijn adres staat hier: ${'heelergroteschilderijhaak'.repeat(40)}`
	});
	expect(sent.error).toBeNull();
	return { resident, volunteer, matchId: match.data as string };
}

test('every page keeps the layout rules at 320 px and passes axe', async ({ browser, page }) => {
	test.setTimeout(budget(600_000));

	await test.step('signed out', async () => {
		await page.goto('/hulp');
		const requestId = await firstId(page, '/hulp/vraag/');
		await page.goto('/buurthuizen/de-lorzie');
		const activityId = await firstId(page, '/buurthuizen/activiteit/');
		await visit(page, [
			'/',
			'/buurthuizen',
			'/buurthuizen/de-lorzie',
			'/buurthuizen/de-lorzie/week',
			'/buurthuizen/wijk/wormerveer',
			`/buurthuizen/activiteit/${activityId}`,
			'/hulp',
			'/hulp?datum=2026-02-30&zoek=' + 'lang'.repeat(30),
			'/hulp/aanbod-overzicht',
			'/hulp/prikbord',
			'/hulp/prikbord?wijk=zaandam-oost',
			'/hulp/meldingen/afmelden/00000000-0000-4000-8000-000000000000',
			'/h?code=onbekend',
			`/hulp/vraag/${requestId}`,
			'/inloggen',
			'/inloggen?naar=%2Fhulp%2Fvraag%2Fnieuw',
			'/inloggen/code?email=iemand%40buurtkracht.example',
			'/mantelzorg',
			'/mantelzorg/winkels',
			'/privacy',
			'/registreren',
			'/toegankelijkheid',
			'/wachtwoord-vergeten'
		]);
		await visit(page, ['/bestaat-niet'], (code) => code === 404);
	});

	await test.step('resident', async () => {
		const resident = await pageAs(browser, 'inwoner@buurtkracht.example');
		await resident.goto('/hulp/mijn');
		const ownId = await firstId(resident, '/hulp/vraag/');
		await resident.goto('/buurthuizen/de-lorzie');
		const activityId = await firstId(resident, '/buurthuizen/activiteit/');
		await visit(resident, [
			'/',
			'/hulp/mijn',
			'/hulp/vraag/nieuw',
			`/hulp/vraag/${ownId}`,
			`/hulp/vraag/${ownId}/wijzigen`,
			`/hulp/melden?soort=request&id=${ownId}`,
			'/hulp/vrijwilliger',
			'/profiel',
			'/profiel/mijn-gegevens',
			'/wachtwoord-herstellen',
			'/mantelzorg/aanvragen',
			'/mantelzorg/winkel-aanmelden',
			`/buurthuizen/activiteit/${activityId}/aanmelden`
		]);
		await visit(resident, ['/beheer', '/winkel'], (code) => code === 403);
	});

	await test.step('volunteer', async () => {
		const volunteer = await pageAs(browser, 'vrijwilliger@buurtkracht.example');
		await visit(volunteer, [
			'/',
			'/hulp/vrijwilliger',
			'/hulp/vrijwilliger/controle',
			'/hulp/vrijwilliger/meldingen',
			'/hulp/voor-jou',
			'/hulp/aanbod',
			'/hulp/mijn'
		]);
	});

	await test.step('carer', async () => {
		const carer = await pageAs(browser, 'mantelzorger@buurtkracht.example');
		await visit(carer, ['/', '/mantelzorg/mijn']);
	});

	await test.step('shop assistant', async () => {
		const shop = await pageAs(browser, 'winkel@buurtkracht.example');
		await visit(shop, ['/winkel', '/winkel/verzilveringen', '/winkel/medewerkers']);
	});

	await test.step('board member', async () => {
		const board = await pageAs(browser, 'bestuur@buurtkracht.example');
		await board.goto('/buurthuizen/bestuur');
		const centrePath = new URL(board.url()).pathname;
		const activityId = await firstId(board, '/buurthuizen/bestuur/activiteit/');
		await visit(board, [
			centrePath,
			`${centrePath}/nieuw`,
			`/buurthuizen/bestuur/activiteit/${activityId}`
		]);
		// One week of a weekly activity (another date or time, or skip it), from the first weekly one.
		await board.goto(centrePath);
		const activities = await board
			.locator('a[href^="/buurthuizen/bestuur/activiteit/"]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		for (const href of activities.slice(0, 6)) {
			await board.goto(href);
			const week = await board
				.locator('a[href*="/week/"]')
				.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
			if (week[0]) {
				await visit(board, [week[0]]);
				break;
			}
		}
	});

	await test.step('coordinator and consulent', async () => {
		const coordinator = await pageAs(browser, 'coordinator@buurtkracht.example');
		await coordinator.goto('/hulp');
		const requestId = await firstId(coordinator, '/hulp/vraag/');
		await visit(coordinator, [
			'/hulp/coordinatie',
			`/hulp/coordinatie/vraag/${requestId}`,
			'/hulp/coordinatie/vrijwilligers'
		]);
		const caseworker = await pageAs(browser, 'consulent@buurtkracht.example');
		await caseworker.goto('/mantelzorg/consulent');
		const applicationId = await firstId(caseworker, '/mantelzorg/consulent/');
		await visit(caseworker, [
			'/mantelzorg/consulent',
			`/mantelzorg/consulent/${applicationId}`,
			'/mantelzorg/consulent/nieuw'
		]);
	});

	await test.step('municipality admin', async () => {
		const admin = await pageAs(browser, 'beheer@buurtkracht.example');
		await admin.goto('/beheer/buurthuizen');
		const goalId = await firstId(admin, '/beheer/buurthuizen/opgave/');
		await visit(admin, [
			'/beheer',
			'/beheer/rollen',
			'/beheer/vrijwilligers',
			'/beheer/regeling',
			'/beheer/winkels',
			'/beheer/uitbetalingen',
			'/beheer/mantelzorg',
			'/beheer/brieven',
			'/beheer/steekproef',
			'/beheer/buurthuizen',
			'/beheer/buurthuizen/punten',
			'/beheer/buurthuizen/perioden',
			`/beheer/buurthuizen/opgave/${goalId}`
		]);
		const officer = await pageAs(browser, 'privacy@buurtkracht.example');
		await visit(officer, ['/beheer/privacy']);
	});

	await test.step('a match with a very long word in a message', async () => {
		const { resident, volunteer, matchId } = await matchWithLongWord(browser);
		await resident.page.setViewportSize(PHONE);
		await visit(resident.page, [`/hulp/match/${matchId}`]);
		await volunteer.page.setViewportSize(PHONE);
		await visit(volunteer.page, [
			`/hulp/match/${matchId}`,
			`/hulp/vrijwilligers/${volunteer.id}`,
			'/hulp/mijn'
		]);
	});
});
