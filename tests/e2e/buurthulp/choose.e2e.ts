// Choosing a volunteer says what is shared (issue 17): before "Kies Vera" the resident sees "Dit
// ziet Vera van jou" (name, phone, full address with postcode and town); without a phone number
// she is asked whether to add one; after the choice Vera sees exactly that. With and without
// JavaScript, on a 375 px phone, axe on every state.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectAccessibleWithoutScripts } from '../../support/browser.ts';
import { postRequestAs, reactAs } from '../../support/buurthulp-browser.ts';
import { newPerson } from '../../support/people.ts';
import { budget } from '../../support/budget.ts';

// Two people signing up and several axe runs on a busy two-core machine.
test.describe.configure({ timeout: budget(180_000) });

for (const javaScriptEnabled of [true, false]) {
	test(`"Dit ziet Vera van jou" before choosing, and a phone number asked for (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const resident = await newPerson(browser, 'kiezer', 'Kee Kiezer', { javaScriptEnabled });
		const { error } = await resident.api.rpc('update_my_profile', {
			p_display_name: 'Kee Kiezer',
			p_district_id: null as unknown as string,
			p_phone: null as unknown as string,
			p_street_address: 'Zuideinde 77',
			p_postcode: '1551 AB',
			p_city: 'Westzaan'
		});
		expect(error).toBeNull();
		const volunteer = await newPerson(browser, 'vrijwilliger', 'Vera Vrijwilliger');
		const title = `Boodschappen ${randomUUID().slice(0, 6)}`;
		const { requestId, districtId } = await postRequestAs(resident, title);
		await reactAs(volunteer, requestId, districtId);

		const page = resident.page;
		await page.setViewportSize({ width: 375, height: 740 });
		const accessible = (p: Page) =>
			javaScriptEnabled ? expectAccessible(p) : expectAccessibleWithoutScripts(p);
		await page.goto(`/hulp/vraag/${requestId}`);
		await expect(
			page.getByRole('heading', { level: 3, name: 'Dit ziet Vera Vrijwilliger van jou' })
		).toBeVisible();
		const box = page.getByTestId('dit-ziet');
		await expect(box).toContainText('Kee Kiezer');
		await expect(box).toContainText('Geen telefoonnummer');
		await expect(box).toContainText('Zuideinde 77, 1551 AB Westzaan');
		await expect(page.getByText('Je hebt geen telefoonnummer in je profiel.')).toBeVisible();
		await accessible(page);

		// Sent empty: asked at the field. Then added: the box shows it, the question is gone.
		const add = page.getByRole('button', { name: 'Telefoonnummer toevoegen' });
		await add.click();
		await expect(page.getByLabel('Je telefoonnummer')).toHaveAccessibleDescription(
			/Fout: Vul je telefoonnummer in/
		);
		await accessible(page);
		await page.getByLabel('Je telefoonnummer').fill('06 1111 2222');
		await add.click();
		await expect(page.getByRole('status')).toContainText('Je telefoonnummer is opgeslagen.');
		await expect(box).toContainText('06 1111 2222');
		await expect(page.getByText('Je hebt geen telefoonnummer in je profiel.')).toHaveCount(0);
		await accessible(page);

		// Chosen: Vera sees the same name, phone and full address on the match page.
		await page.getByRole('button', { name: 'Kies Vera Vrijwilliger' }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Afspraak: ${title}` })).toBeVisible();
		const matchUrl = new URL(page.url()).pathname;
		await volunteer.page.goto(matchUrl);
		const contact = volunteer.page.getByTestId('contactgegevens');
		await expect(contact).toContainText('Kee Kiezer');
		await expect(contact).toContainText('06 1111 2222');
		await expect(contact).toContainText('Zuideinde 77, 1551 AB Westzaan');
		await expectAccessible(volunteer.page);
	});
}
