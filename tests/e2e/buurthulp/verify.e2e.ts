// A volunteer a resident can trust (issue 20 point 4): the volunteer asks to be checked, the
// coordinator records the meeting and the VOG's date (a VOG dated in the future is refused at its
// field, the typed dates kept), and the resident then sees "Gecontroleerd" on the reaction before
// choosing. A resident cannot open the coordinator's list. Axe on every page on the way.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../../support/browser.ts';
import { postRequestAs, reactAs } from '../../support/buurthulp-browser.ts';
import { demoPerson, isoDate, newPerson } from '../../support/people.ts';
import { budget } from '../../support/budget.ts';

test.describe.configure({ timeout: budget(180_000) });

test('a volunteer asks, the coordinator checks, the resident sees it on the reaction', async ({
	browser
}) => {
	const suffix = randomUUID().slice(0, 4);
	const resident = await newPerson(browser, 'controle-inwoner', 'Ria Reactie');
	const volunteer = await newPerson(browser, 'controle-vrijwilliger', `Vico Controle ${suffix}`);
	const { requestId, districtId } = await postRequestAs(resident, `Tuin ${suffix}`);
	await reactAs(volunteer, requestId, districtId);

	// Not checked yet: the reaction shows no mark.
	await resident.page.goto(`/hulp/vraag/${requestId}`);
	await expect(resident.page.getByText('0 afspraken afgerond')).toBeVisible();
	await expect(resident.page.getByText('Gecontroleerd', { exact: true })).toHaveCount(0);

	const vp = volunteer.page;
	await vp.goto('/hulp/vrijwilliger');
	await vp.getByRole('link', { name: 'Laat je controleren' }).click();
	await expect(vp.getByRole('heading', { level: 1, name: 'Gecontroleerd worden' })).toBeVisible();
	await expectAccessible(vp);
	await vp.getByRole('button', { name: 'Vraag om een controle' }).click();
	await expect(vp.getByRole('status')).toContainText('Je vraag is verstuurd.');
	await expectAccessible(vp);

	const cp = await demoPerson(browser, 'coordinator@buurtkracht.example');
	await cp.goto('/hulp/coordinatie');
	await cp.getByRole('link', { name: 'Vrijwilligers controleren' }).click();
	await expectAccessible(cp);
	await cp.getByRole('link', { name: volunteer.displayName }).click();
	await expect(
		cp.getByRole('heading', { level: 1, name: `${volunteer.displayName} controleren` })
	).toBeVisible();
	const vog = cp.getByLabel('Welke datum staat op de VOG?');
	await vog.fill(isoDate(3));
	await cp.getByRole('button', { name: 'Gecontroleerd' }).click();
	await expect(vog).toHaveAccessibleDescription(/te oud of de datum ligt in de toekomst/);
	await expect(vog).toHaveValue(isoDate(3));
	await expectAccessible(cp);
	await vog.fill(isoDate(-30));
	await cp.getByRole('button', { name: 'Gecontroleerd' }).click();
	await expect(cp.getByRole('status')).toContainText('De vrijwilliger is gecontroleerd.');

	await resident.page.reload();
	await expect(resident.page.getByText('Gecontroleerd', { exact: true })).toBeVisible();
	await expect(resident.page.getByText(/door de buurtcoördinator \(geldig tot/)).toBeVisible();
	await expectAccessible(resident.page);

	await vp.reload();
	await expect(vp.getByText('Je bent gecontroleerd')).toBeVisible();

	// The list is the coordinator's alone.
	const refused = await resident.page.goto('/hulp/coordinatie/vrijwilligers');
	expect(refused?.status()).toBe(403);
});

test('the admin sets how long a check holds; a wrong number is explained at the field', async ({
	browser
}) => {
	const admin = await demoPerson(browser, 'beheer@buurtkracht.example');
	await admin.goto('/beheer');
	await admin.getByRole('link', { name: /hoe lang een controle van vrijwilligers geldt/ }).click();
	const months = admin.getByLabel('Een controle geldt (maanden)');
	const before = await months.inputValue();
	await months.fill('200');
	await admin.getByRole('button', { name: 'Opslaan' }).click();
	await expect(months).toHaveAccessibleDescription(/hoogstens 120 maanden/);
	await expect(months).toHaveValue('200');
	await expectAccessible(admin);
	// Saved as it was: the demo's other tests keep their period.
	await months.fill(before);
	await admin.getByRole('button', { name: 'Opslaan' }).click();
	await expect(admin.getByRole('status')).toContainText('De periode is opgeslagen.');
	await expectAccessible(admin);
});
