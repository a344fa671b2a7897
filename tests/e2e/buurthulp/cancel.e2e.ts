// Cancelling a hulpvraag asks to tick "yes" first, with and without JavaScript: one click on the
// button alone cancels nothing.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../../support/browser.ts';
import { newPerson } from '../../support/people.ts';

for (const javaScriptEnabled of [true, false]) {
	test(`cancelling needs a tick first (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const resident = await newPerson(browser, 'annuleer', 'Anna Annuleer', { javaScriptEnabled });
		const title = `Gordijnen ophangen ${randomUUID().slice(0, 6)}`;
		const district = await resident.api.from('districts').select('id').eq('slug', 'westzaan');
		const posted = await resident.api.rpc('post_help_request', {
			p_district_id: district.data?.[0]?.id as string,
			p_category: 'odd_jobs',
			p_title: title,
			p_description: 'De rails hangt er al, de gordijnen nog niet.',
			p_postcode_area: '1551',
			p_when_kind: 'flexible',
			p_starts_on: null as unknown as string,
			p_ends_on: null as unknown as string,
			p_day_part: 'any',
			p_duration_minutes: 30,
			p_recurrence: 'once'
		});
		expect(posted.error).toBeNull();
		const page = resident.page;
		await page.goto(`/hulp/vraag/${posted.data}`);

		await page.getByRole('button', { name: 'Hulpvraag annuleren' }).click();
		const tick = page.getByLabel('Ja, ik wil deze hulpvraag annuleren');
		await expect(tick).toHaveAccessibleDescription(
			'Fout: Vink aan dat je de hulpvraag echt wilt annuleren.'
		);
		if (javaScriptEnabled) await expectAccessible(page);
		await page.goto(`/hulp/vraag/${posted.data}`);
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Hulpvraag annuleren' })).toBeVisible();

		await page.getByLabel('Ja, ik wil deze hulpvraag annuleren').check();
		await page.getByRole('button', { name: 'Hulpvraag annuleren' }).click();
		await expect(page.getByRole('status')).toContainText('De hulpvraag is geannuleerd.');
		await expect(page.getByRole('button', { name: 'Hulpvraag annuleren' })).toHaveCount(0);
	});
}
