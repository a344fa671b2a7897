// Buurthulp in a real browser: a request from posting to bedankje, with and without JavaScript,
// and a coordinator hiding a reported request. Every page on the way is checked with axe.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { demoPerson, isoDate, newPerson, setContact, type Person } from '../../support/people.ts';
import { expectAccessible, waitForMail } from '../../support/browser.ts';

/** Signs up a volunteer and makes their volunteer profile through the form. */
async function newVolunteer(browser: Browser, javaScriptEnabled: boolean): Promise<Person> {
	const volunteer = await newPerson(browser, 'vrijwilliger', 'Vincent Helper', {
		javaScriptEnabled
	});
	await setContact(volunteer, '06 2222 3333', null);
	const page = volunteer.page;
	await page.goto('/hulp/vrijwilliger');
	if (javaScriptEnabled) await expectAccessible(page);
	await page.getByLabel('Mijn eigen wijk').selectOption({ label: 'Westzaan' });
	await page.getByRole('group', { name: 'Waar help je graag mee?' }).getByLabel('Klussen').check();
	await page
		.getByRole('group', { name: 'In welke wijken help je?' })
		.getByLabel('Westzaan')
		.check();
	// The grid starts empty: saving without a dagdeel asks for one, and keeps the other choices.
	const grid = page.getByRole('group', { name: 'Wanneer kun je meestal helpen?' });
	await expect(grid.getByRole('checkbox', { checked: true })).toHaveCount(0);
	await page.getByRole('button', { name: 'Vrijwilliger worden' }).click();
	await expect(grid.getByText('Kies minstens één dagdeel waarop je kunt helpen.')).toBeVisible();
	await expect(page.getByLabel('Klussen')).toBeChecked();
	await grid.getByLabel('zaterdag ochtend').check();
	await grid.getByLabel('zaterdag middag').check();
	await page.getByRole('button', { name: 'Vrijwilliger worden' }).click();
	await expect(page.getByRole('status')).toContainText('Je vrijwilligersprofiel is opgeslagen');
	return volunteer;
}

for (const javaScriptEnabled of [true, false]) {
	test(`from hulpvraag to bedankje (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		// A long story of two people and many full page loads: more time than one page's test.
		test.slow();
		// axe runs inside the page, so it needs JavaScript; the same pages are checked in the run with it.
		const checkAccessible = javaScriptEnabled ? expectAccessible : async () => {};
		const title = `Lamp ophangen in de gang ${randomUUID().slice(0, 6)}`;
		const resident = await newPerson(browser, 'inwoner', 'Riet Rozenboom', { javaScriptEnabled });
		await setContact(resident, '075 611 2233', null);
		const volunteer = await newVolunteer(browser, javaScriptEnabled);

		// The resident posts a request; a first try without a title keeps what was typed.
		const rp = resident.page;
		await rp.goto('/hulp/vraag/nieuw');
		await checkAccessible(rp);
		await rp.getByLabel('Waar is hulp bij nodig?').selectOption({ label: 'Klussen' });
		await rp
			.getByLabel('Vertel wat meer')
			.fill('Ik heb een nieuwe lamp, maar kan niet op een trap.');
		await rp.getByLabel('Wijk').selectOption({ label: 'Westzaan' });
		await rp.getByLabel('Postcode').fill('1551 ab');
		await rp.getByLabel('Straat en huisnummer').fill('Zuideinde 77');
		await rp.getByLabel('Wanneer?').selectOption({ label: 'Op één dag' });
		await rp.getByLabel('Datum', { exact: true }).fill(isoDate(1));
		await rp.getByRole('button', { name: 'Hulpvraag plaatsen' }).click();
		await expect(rp.locator('#veld-title-error')).toBeVisible();
		await expect(rp.getByLabel('Vertel wat meer')).toHaveValue(
			'Ik heb een nieuwe lamp, maar kan niet op een trap.'
		);
		await expect(rp.getByLabel('Straat en huisnummer')).toHaveValue('Zuideinde 77');
		await checkAccessible(rp);
		await rp.getByLabel('Korte omschrijving').fill(title);
		await rp.getByRole('button', { name: 'Hulpvraag plaatsen' }).click();
		await expect(rp.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(rp.getByRole('status')).toContainText('Je hulpvraag staat nu online');
		const requestUrl = new URL(rp.url()).pathname;
		await checkAccessible(rp);

		// A second look: the resident corrects the request; the form shows what was stored.
		await rp.getByRole('link', { name: 'Hulpvraag wijzigen' }).click();
		await expect(rp.getByLabel('Korte omschrijving')).toHaveValue(title);
		await expect(rp.getByLabel('Postcode')).toHaveValue('1551');
		await expect(rp.getByLabel('Straat en huisnummer')).toHaveValue('Zuideinde 77');
		await checkAccessible(rp);
		await rp
			.getByLabel('Vertel wat meer')
			.fill('Ik heb een nieuwe lamp en een boormachine, maar kan niet op een trap.');
		await rp.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
		await expect(rp.getByRole('status')).toContainText('Je wijzigingen zijn opgeslagen');
		await expect(rp.getByText('een boormachine')).toBeVisible();

		// Anyone sees the request, but never the address.
		const visitor = await (await browser.newContext({ javaScriptEnabled })).newPage();
		await visitor.goto(requestUrl);
		await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(visitor.getByText('Westzaan, postcode 1551')).toBeVisible();
		await expect(visitor.getByText('Zuideinde 77')).toHaveCount(0);
		await checkAccessible(visitor);

		// The volunteer finds it under "Voor jou" and reacts.
		const vp = volunteer.page;
		await vp.goto('/hulp/voor-jou');
		await checkAccessible(vp);
		await vp.getByRole('link', { name: title }).click();
		await vp.getByLabel('Je bericht').fill('Ik heb een trapje en kan morgenochtend.');
		await vp.getByRole('button', { name: 'Reactie versturen' }).click();
		await expect(vp.getByRole('status')).toContainText('Je reactie is verstuurd');
		await checkAccessible(vp);
		// Before the match, the volunteer sees no contact details anywhere.
		await expect(vp.getByText('075 611 2233')).toHaveCount(0);
		await vp.goto('/hulp/voor-jou');
		await expect(vp.getByRole('link', { name: title })).toHaveCount(0);

		// The resident hears about it by mail, and chooses the volunteer.
		const mail = await waitForMail(resident.email, 'Iemand wil je helpen');
		expect(mail.html).toContain(requestUrl);
		await rp.goto(requestUrl);
		await expect(rp.getByText('Ik heb een trapje en kan morgenochtend.')).toBeVisible();
		await rp.getByRole('button', { name: `Kies ${volunteer.displayName}` }).click();
		await expect(rp.getByRole('heading', { level: 1, name: `Afspraak: ${title}` })).toBeVisible();
		const matchUrl = new URL(rp.url()).pathname;
		await expect(rp.getByTestId('contactgegevens')).toContainText('06 2222 3333');
		await checkAccessible(rp);

		// The volunteer sees the resident's phone and exact address, and writes first.
		await waitForMail(volunteer.email, 'Je hulp is aangenomen');
		await vp.goto('/hulp/mijn');
		await checkAccessible(vp);
		await vp.getByRole('link', { name: title }).first().click();
		await expect(vp).toHaveURL(new RegExp(`${matchUrl}$`));
		const contact = vp.getByTestId('contactgegevens');
		await expect(contact).toContainText('075 611 2233');
		await expect(contact).toContainText('Zuideinde 77');
		await vp.getByLabel('Je bericht').fill('Ik ben er morgen om tien uur.');
		await vp.getByRole('button', { name: 'Bericht versturen' }).click();
		await expect(vp.getByText('Ik ben er morgen om tien uur.')).toBeVisible();
		await checkAccessible(vp);

		await waitForMail(resident.email, 'Je hebt een nieuw bericht');
		await rp.goto(matchUrl);
		await expect(rp.getByText('Ik ben er morgen om tien uur.')).toBeVisible();
		await rp.getByLabel('Je bericht').fill('Fijn, tot morgen!');
		await rp.getByRole('button', { name: 'Bericht versturen' }).click();
		await expect(rp.getByText('Fijn, tot morgen!')).toBeVisible();

		// After the help: done, with a bedankje that the volunteer sees.
		await rp.getByLabel('Bedankje').fill('Dank je wel, de gang is weer licht!');
		await rp.getByRole('button', { name: 'Klaar: ik ben geholpen' }).click();
		await expect(rp.getByTestId('match-status')).toHaveText('Geholpen');
		await expect(rp.getByText('Dank je wel, de gang is weer licht!')).toBeVisible();
		await checkAccessible(rp);

		await vp.goto(matchUrl);
		await expect(vp.getByText('Dank je wel, de gang is weer licht!')).toBeVisible();
		await visitor.goto(`/hulp/vrijwilligers/${volunteer.id}`);
		await expect(visitor.getByText(/1 persoon geholpen/)).toBeVisible();
		await expect(visitor.getByText('06 2222 3333')).toHaveCount(0);
		await checkAccessible(visitor);
	});
}

test('a coordinator hides a reported request, and it is gone for everyone else', async ({
	browser
}) => {
	const title = `Wie koopt mijn oude fiets ${randomUUID().slice(0, 6)}`;
	const poster = await newPerson(browser, 'plaatser', 'Piet Plaatser');
	const posted = await poster.api.rpc('post_help_request', {
		p_district_id: (await poster.api.from('districts').select('id').eq('slug', 'zaandijk').single())
			.data?.id as string,
		p_category: 'other',
		p_title: title,
		p_description: 'Geen hulpvraag maar een advertentie: te koop, 50 euro.',
		p_postcode_area: '1541',
		p_when_kind: 'flexible',
		p_starts_on: null as unknown as string,
		p_ends_on: null as unknown as string,
		p_day_part: 'any',
		p_duration_minutes: 30,
		p_recurrence: 'once'
	});
	expect(posted.error).toBeNull();
	const requestPath = `/hulp/vraag/${posted.data}`;

	const reporter = await newPerson(browser, 'melder', 'Mia Melder');
	const mp = reporter.page;
	await mp.goto(requestPath);
	await mp.getByRole('link', { name: 'Melden' }).click();
	await expect(mp.getByRole('heading', { level: 1, name: 'Meld deze hulpvraag' })).toBeVisible();
	await expectAccessible(mp);
	await mp.getByRole('button', { name: 'Melding versturen' }).click();
	await expect(mp.locator('#veld-reasonKind-error')).toBeVisible();
	await mp
		.getByLabel('Wat is er aan de hand?')
		.selectOption({ label: 'Dit is geen hulpvraag of aanbod (bijvoorbeeld reclame)' });
	await mp.getByLabel('Vertel wat er niet klopt').fill('Hier wordt een fiets verkocht.');
	await mp.getByRole('button', { name: 'Melding versturen' }).click();
	await expect(
		mp.getByRole('heading', { level: 1, name: 'Bedankt voor je melding' })
	).toBeVisible();

	const cp = await demoPerson(browser, 'coordinator@buurtkracht.example');
	await cp.goto('/hulp/coordinatie');
	await expectAccessible(cp);
	const card = cp.getByRole('listitem').filter({ hasText: title });
	await expect(card).toContainText('Hier wordt een fiets verkocht.');
	await expect(card).toContainText('Mia Melder');
	// A reason is required: the log says why. Wait for the refusal itself (the label also says
	// "Reden"), else the answer can arrive after the fill below and empty the field again.
	await card.getByRole('button', { name: 'Verbergen' }).click();
	await expect(
		cp
			.getByRole('listitem')
			.filter({ hasText: title })
			.getByText(/Schrijf op waarom/)
	).toBeVisible();
	await cp
		.getByRole('listitem')
		.filter({ hasText: title })
		.getByLabel('Reden (komt in het logboek)')
		.fill('Verkoop, geen hulpvraag');
	await cp
		.getByRole('listitem')
		.filter({ hasText: title })
		.getByRole('button', { name: 'Verbergen' })
		.click();
	await expect(cp.getByRole('status')).toContainText('Het bericht is verborgen');
	await expect(cp.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
	await expect(cp.locator('#logboek').locator('..')).toContainText('Verkoop, geen hulpvraag');
	await expectAccessible(cp);

	// Gone from the board and the request page for visitors and the reporter alike.
	const visitor = await (await browser.newContext()).newPage();
	// Signed out it is not there either: the page asks to log in (it cannot say whose it is).
	const response = await visitor.goto(requestPath);
	expect(response?.status()).toBe(401);
	await expect(visitor.getByText(title)).toHaveCount(0);
	await visitor.goto(`/hulp?zoek=${encodeURIComponent('fiets')}`);
	await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
	expect((await mp.goto(requestPath))?.status()).toBe(404);
	// The poster still sees it, marked as hidden.
	await poster.page.goto(requestPath);
	await expect(poster.page.getByTestId('status')).toContainText('verborgen');
});

test('the other Buurthulp pages pass axe', async ({ browser }) => {
	const visitor = await (await browser.newContext()).newPage();
	for (const path of ['/hulp/prikbord', '/hulp/aanbod-overzicht']) {
		await visitor.goto(path);
		await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible();
		await expectAccessible(visitor);
	}

	const vp = await demoPerson(browser, 'vrijwilliger@buurtkracht.example');
	for (const path of ['/hulp/aanbod', '/hulp/mijn', '/hulp/voor-jou']) {
		await vp.goto(path);
		await expect(vp.getByRole('heading', { level: 1 })).toBeVisible();
		await expectAccessible(vp);
	}
	await vp.goto('/hulp/aanbod-overzicht');
	await vp.getByRole('main').getByRole('link', { name: 'Vera Vrijwilliger' }).first().click();
	await expect(vp.getByRole('heading', { level: 1 })).toContainText('Vera');
	await expectAccessible(vp);

	const cp = await demoPerson(browser, 'coordinator@buurtkracht.example');
	await cp.goto('/hulp');
	await cp.getByRole('link', { name: 'Vervoer naar het ziekenhuis' }).first().click();
	await cp.waitForURL(/\/hulp\/vraag\//);
	const requestId = new URL(cp.url()).pathname.split('/').pop();
	await cp.goto(`/hulp/coordinatie/vraag/${requestId}`);
	await expect(cp.getByRole('heading', { level: 1 })).toContainText('Vervoer naar het ziekenhuis');
	await expectAccessible(cp);

	// A volunteer is not a coordinator: the coordination pages answer 403.
	expect((await vp.goto('/hulp/coordinatie'))?.status()).toBe(403);
	expect((await vp.goto(`/hulp/coordinatie/vraag/${requestId}`))?.status()).toBe(403);
});
