// Limits that hold across servers, through the proxy (the last file: its lock lasts 15 minutes).
// 20 wrong sign-in codes from one client address, spread by the proxy over both servers, lock
// that address exactly as 20 on one server would: the 21st is refused even with the right code.
import { expect, test, type Page } from '@playwright/test';
import { newEmail, waitForMail } from '../support/browser.ts';
import { STACK } from '../support/hosted.ts';
import { budget } from '../support/budget.ts';

/** Posts the code form (no page load in between, so the proxy alternates the servers). */
async function postCode(page: Page, email: string, code: string) {
	const response = await page.request.post('/inloggen/code', {
		form: { email, code },
		headers: { origin: STACK.origin },
		maxRedirects: 0,
		failOnStatusCode: false
	});
	return { server: response.headers()['x-upstream'], html: await response.text() };
}

test('@hosted 20 wrong sign-in codes over two servers lock the client address', async ({
	page
}) => {
	test.setTimeout(budget(120_000));
	// A real account with a real code, asked for first (asking is not a guess).
	const email = 'vrijwilliger@buurtkracht.example';
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres voor de inlogmail').fill(email);
	await page.getByRole('button', { name: 'Stuur mij een inlogmail' }).click();
	const mail = await waitForMail(email, 'Je inloglink');
	const code = /<strong>(\d{6})<\/strong>/.exec(mail.html)?.[1] ?? '';
	expect(code).toMatch(/^\d{6}$/);

	const servers = new Set<string | undefined>();
	for (let i = 0; i < 20; i++) {
		const answer = await postCode(page, newEmail(`gok${i}`), String(100000 + i));
		servers.add(answer.server);
		expect(answer.html).toContain('Deze code klopt niet of is verlopen');
	}
	expect(servers).toEqual(new Set(['0', '1']));

	// The 21st and 22nd, with the right code: refused on both servers.
	const refusedOn = new Set<string | undefined>();
	for (let i = 0; i < 2; i++) {
		const answer = await postCode(page, email, code);
		refusedOn.add(answer.server);
		expect(answer.html).toContain('Te veel mislukte pogingen');
	}
	expect(refusedOn).toEqual(new Set(['0', '1']));
});
