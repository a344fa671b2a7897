// Reflow (WCAG 1.4.10): at 320 CSS px wide, the width of 1280 px at 400% zoom, no page scrolls
// sideways. Every page is visited, public ones anonymously and the others as the demo account
// that can open them, plus a match whose message holds one very long word (it once made the
// match page 19,700 px wide).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectNoSidewaysScroll, signIn } from '../../support/browser.ts';
import { newPerson } from '../../support/people.ts';

test.use({ viewport: { width: 320, height: 640 } });

async function pageAs(browser: Browser, email?: string): Promise<Page> {
	const page = await (
		await browser.newContext({ viewport: { width: 320, height: 640 } })
	).newPage();
	if (email) await signIn(page, email, DEMO_PASSWORD);
	return page;
}

async function expectReflows(page: Page, paths: string[]) {
	for (const path of paths) {
		await test.step(path, async () => {
			const response = await page.goto(path);
			expect(response?.status(), path).toBeLessThan(500);
			await expectNoSidewaysScroll(page);
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

test('public pages do not scroll sideways at 320 px', async ({ page }) => {
	await page.goto('/hulp');
	const requestId = await firstId(page, '/hulp/vraag/');
	await expectReflows(page, [
		'/',
		'/buurthuizen',
		'/hulp',
		'/hulp?datum=2026-02-30&zoek=' + 'lang'.repeat(30),
		'/hulp/aanbod-overzicht',
		'/hulp/prikbord',
		'/hulp/prikbord?wijk=zaandam-oost',
		'/h?code=onbekend',
		`/hulp/vraag/${requestId}`,
		'/inloggen',
		'/inloggen/code?email=iemand%40buurtkracht.example',
		'/mantelzorg',
		'/privacy',
		'/registreren',
		'/toegankelijkheid',
		'/wachtwoord-vergeten',
		'/bestaat-niet'
	]);
});

test('a resident’s pages do not scroll sideways at 320 px', async ({ browser }) => {
	const page = await pageAs(browser, 'inwoner@buurtkracht.example');
	await page.goto('/hulp/mijn');
	const ownId = await firstId(page, '/hulp/vraag/');
	await expectReflows(page, [
		'/hulp/mijn',
		'/hulp/vraag/nieuw',
		`/hulp/vraag/${ownId}`,
		`/hulp/vraag/${ownId}/wijzigen`,
		`/hulp/melden?soort=request&id=${ownId}`,
		'/profiel',
		'/profiel/mijn-gegevens',
		'/wachtwoord-herstellen'
	]);
});

test('a volunteer’s pages do not scroll sideways at 320 px', async ({ browser }) => {
	const page = await pageAs(browser, 'vrijwilliger@buurtkracht.example');
	await expectReflows(page, ['/hulp/vrijwilliger', '/hulp/voor-jou', '/hulp/aanbod', '/hulp/mijn']);
});

test('staff pages do not scroll sideways at 320 px', async ({ browser }) => {
	const coordinator = await pageAs(browser, 'coordinator@buurtkracht.example');
	await coordinator.goto('/hulp');
	const requestId = await firstId(coordinator, '/hulp/vraag/');
	await expectReflows(coordinator, ['/hulp/coordinatie', `/hulp/coordinatie/vraag/${requestId}`]);
	const admin = await pageAs(browser, 'beheer@buurtkracht.example');
	await expectReflows(admin, ['/beheer', '/beheer/rollen']);
	const officer = await pageAs(browser, 'privacy@buurtkracht.example');
	await expectReflows(officer, ['/beheer/privacy']);
});

test('a match with a very long word in a message does not scroll sideways', async ({ browser }) => {
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

	await resident.page.setViewportSize({ width: 320, height: 640 });
	await expectReflows(resident.page, [`/hulp/match/${match.data}`]);
	await volunteer.page.setViewportSize({ width: 320, height: 640 });
	await expectReflows(volunteer.page, [
		`/hulp/match/${match.data}`,
		`/hulp/vrijwilligers/${volunteer.id}`,
		'/hulp/mijn'
	]);
});
