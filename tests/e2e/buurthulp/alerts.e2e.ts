// Mails about new requests (issue 20 point 5): a volunteer finds the choice from their profile,
// asks for urgent mails and a daily digest, and a mail program's one-click unsubscribe (RFC 8058:
// a form post from elsewhere, without a session or an Origin) switches them off, while any other
// form post from another site is still refused. The unsubscribe page asks for a click first, so
// a link checker opening the link changes nothing. Axe on every page on the way.
import { expect, test } from '@playwright/test';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { expectAccessible } from '../../support/browser.ts';
import { becomeVolunteer } from '../../support/buurthulp-browser.ts';
import { newPerson } from '../../support/people.ts';
import { budget } from '../../support/budget.ts';

test.describe.configure({ timeout: budget(120_000) });

const form = 'application/x-www-form-urlencoded';

test('a volunteer chooses mails about new requests and stops them with one click', async ({
	browser
}) => {
	const volunteer = await newPerson(browser, 'meldingen', 'Mila Meldingen');
	const district = await volunteer.api.from('districts').select('id').eq('slug', 'westzaan');
	await becomeVolunteer(volunteer, district.data?.[0]?.id as string);

	const page = volunteer.page;
	await page.goto('/hulp/vrijwilliger');
	await page.getByRole('link', { name: 'Mails over nieuwe hulpvragen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Mails over nieuwe hulpvragen' })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel(/Mail me meteen als er snel hulp nodig is/).check();
	await page.getByLabel('Elke dag').check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status')).toContainText('Je krijgt voortaan mails');
	await page.reload();
	await expect(page.getByLabel(/Mail me meteen/)).toBeChecked();
	await expect(page.getByLabel('Elke dag')).toBeChecked();
	await expectAccessible(page);

	const { data: mine } = await volunteer.api.from('request_alerts').select('unsubscribe_token');
	const token = mine?.[0]?.unsubscribe_token as string;
	expect(token).toMatch(/^[0-9a-f-]{36}$/);
	const unsubscribe = `${E2E_ORIGIN}/hulp/meldingen/afmelden/${token}`;

	// Another site's form cannot change the choice: refused before the page's action runs.
	for (const origin of ['https://evil.example', null]) {
		const headers: Record<string, string> = { 'content-type': form };
		if (origin) headers.origin = origin;
		const forged = await fetch(`${E2E_ORIGIN}/hulp/vrijwilliger/meldingen`, {
			method: 'POST',
			headers,
			body: 'digest=none',
			redirect: 'manual'
		});
		expect(forged.status, String(origin)).toBe(403);
	}

	// A link checker opens the link: nothing changes.
	const opened = await fetch(unsubscribe);
	expect(opened.status).toBe(200);
	await page.reload();
	await expect(page.getByLabel('Elke dag')).toBeChecked();

	// The mail program's one click: a post from elsewhere, no session, no Origin.
	const oneClick = await fetch(unsubscribe, {
		method: 'POST',
		headers: { 'content-type': form },
		body: 'List-Unsubscribe=One-Click',
		redirect: 'manual'
	});
	expect(oneClick.status).toBe(200);
	await page.reload();
	await expect(page.getByLabel(/Mail me meteen/)).not.toBeChecked();
	await expect(page.getByLabel('Nee, geen overzicht')).toBeChecked();

	// The link in the mail, clicked by a person who is not signed in.
	await volunteer.api.rpc('set_request_alerts', { p_urgent: true, p_digest: 'weekly' });
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(`/hulp/meldingen/afmelden/${token}`);
	await expectAccessible(visitor);
	await visitor.getByRole('button', { name: 'Afmelden' }).click();
	await expect(visitor.getByRole('status')).toContainText('Je bent afgemeld.');
	await expectAccessible(visitor);
	await page.reload();
	await expect(page.getByLabel('Nee, geen overzicht')).toBeChecked();

	// A link that belongs to no one says so.
	await visitor.goto('/hulp/meldingen/afmelden/00000000-0000-4000-8000-000000000000');
	await visitor.getByRole('button', { name: 'Afmelden' }).click();
	await expect(visitor.getByRole('alert')).toContainText('Deze link werkt niet meer.');
	await expectAccessible(visitor);
});
