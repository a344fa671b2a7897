// Help that comes back every week (issue 17): the resident's match page has "Deze keer klaar" (one
// time given, the match goes on) and "Afspraak stoppen" (no new times), each refused at its tick
// box until it is ticked. With and without JavaScript, on a 375 px phone, axe on every state.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectAccessibleWithoutScripts } from '../../support/browser.ts';
import { postRequestAs, reactAs } from '../../support/buurthulp-browser.ts';
import { newPerson, type Person } from '../../support/people.ts';
import { budget } from '../../support/budget.ts';

// Two people signing up and several axe runs on a busy two-core machine.
test.describe.configure({ timeout: budget(180_000) });

/** A weekly request of the resident, a volunteer's reaction and the match, all through the API. */
async function weeklyMatch(resident: Person, volunteer: Person, title: string) {
	const { requestId, districtId } = await postRequestAs(resident, title, 'weekly');
	const responseId = await reactAs(volunteer, requestId, districtId);
	const match = await resident.api.rpc('accept_response', { p_response_id: responseId });
	expect(match.error).toBeNull();
	return match.data as string;
}

for (const javaScriptEnabled of [true, false]) {
	test(`weekly help: "Deze keer klaar" and "Afspraak stoppen" ask for a tick (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const resident = await newPerson(browser, 'wekelijks', 'Wil Wekelijks', { javaScriptEnabled });
		const volunteer = await newPerson(browser, 'vrijwilliger', 'Vera Vrijwilliger');
		const title = `Boodschappen elke week ${randomUUID().slice(0, 6)}`;
		const matchId = await weeklyMatch(resident, volunteer, title);
		const page = resident.page;
		await page.setViewportSize({ width: 375, height: 740 });
		const accessible = (p: Page) =>
			javaScriptEnabled ? expectAccessible(p) : expectAccessibleWithoutScripts(p);

		await page.goto(`/hulp/match/${matchId}`);
		await expect(page.getByRole('heading', { level: 2, name: 'Deze keer klaar' })).toBeVisible();
		await expect(page.getByText('Er staat nog geen keer op klaar.')).toBeVisible();
		await accessible(page);

		// "Deze keer klaar" without the tick: refused at the tick box; nothing recorded.
		const once = page.getByRole('button', { name: 'Deze keer klaar' });
		const onceTick = page.getByLabel('Ja, ik ben deze keer geholpen');
		await once.click();
		await expect(onceTick).toHaveAccessibleDescription(
			'Fout: Vink aan dat de hulp van deze keer klaar is.'
		);
		await accessible(page);
		await onceTick.check();
		await once.click();
		await expect(page.getByRole('status')).toContainText(
			'Deze keer staat op klaar. De afspraak loopt door.'
		);
		await expect(page.getByTestId('keren').getByRole('listitem')).toHaveCount(1);
		await expect(page.getByText('Vandaag staat al op klaar.')).toBeVisible();
		await expect(page.getByTestId('match-status')).toHaveText('Bezig');
		await accessible(page);

		// The volunteer sees the day too, without the buttons.
		await volunteer.page.goto(`/hulp/match/${matchId}`);
		await expect(volunteer.page.getByTestId('keren').getByRole('listitem')).toHaveCount(1);
		await expect(volunteer.page.getByRole('button', { name: 'Deze keer klaar' })).toHaveCount(0);

		// "Afspraak stoppen" without the tick: refused at the tick box; the match goes on.
		const stop = page.getByRole('button', { name: 'Afspraak stoppen' });
		const stopTick = page.getByLabel('Ja, stop de afspraak');
		await stop.click();
		await expect(stopTick).toHaveAccessibleDescription(
			'Fout: Vink aan dat je de afspraak wilt stoppen.'
		);
		await expect(page.getByTestId('match-status')).toHaveText('Bezig');
		await accessible(page);
		await stopTick.check();
		await stop.click();
		await expect(page.getByRole('status')).toContainText(
			'De afspraak is gestopt. Er komen geen nieuwe keren meer.'
		);
		await expect(page.getByRole('button', { name: 'Afspraak stoppen' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Deze keer klaar' })).toHaveCount(0);
		await expect(page.getByTestId('keren').getByRole('listitem')).toHaveCount(1);
		await accessible(page);
	});
}
