// The shop counter in Chromium: staff type a code and redeem part, then the rest; a third try is
// refused; the municipality batches and downloads the payout. Without JavaScript for the typing,
// and with a fake camera showing the cheque's QR code for the scanning. axe on every page.
import { readFile } from 'node:fs/promises';
import { chromium, expect, test, type Page } from '@playwright/test';
import { E2E_ORIGIN } from '../../../playwright.config.ts';
import { demoPerson } from '../../support/people.ts';
import { expectAccessible, signIn } from '../../support/browser.ts';
import { issueCheques, qrVideo } from '../../support/mantelzorg-counter-e2e.ts';
import { chromiumPath } from '../../support/chromium.ts';

const grouped = (code: string) => code.toLowerCase().match(/.{4}/g)!.join(' ');

let codes: string[];
const PHONE = { width: 375, height: 800 };

test.beforeAll(async () => {
	codes = await issueCheques(2);
});

async function typeCode(page: Page, code: string) {
	await page.getByLabel('Code van de cheque').fill(code);
	await page.getByRole('button', { name: 'Cheque zoeken' }).click();
}

test('staff type the code and redeem part, then the rest; a third is refused (no JavaScript)', async ({
	browser
}) => {
	const page = await (
		await browser.newContext({ javaScriptEnabled: false, viewport: PHONE })
	).newPage();
	await signIn(page, 'winkel@buurtkracht.example');
	await page.goto('/winkel');
	const code = codes[0] as string;

	// A typo is caught by the check character before any lookup.
	const typo = code.slice(0, 15) + (code[15] === '0' ? '1' : '0');
	await typeCode(page, typo);
	await expect(page.getByText('waarschijnlijk is er een teken verkeerd getypt')).toBeVisible();

	await typeCode(page, grouped(code));
	await expect(page.getByTestId('resterend')).toHaveText('€ 50,00');
	await expect(page.getByText('Ingrid')).toBeVisible();
	await expect(page.getByText('Inwoner', { exact: true })).toHaveCount(0);
	await expect(page.locator('main')).not.toContainText('Inwoner');
	// More than any cheque holds: answered at the amount, the cheque stays on screen.
	await page.getByLabel('Bedrag in euro').fill('5000');
	await page.getByRole('button', { name: 'Bedrag afschrijven' }).click();
	await expect(page.getByLabel('Bedrag in euro')).toHaveAccessibleDescription(
		/Er staat niet genoeg meer op deze cheque/
	);
	await expect(page.getByTestId('resterend')).toHaveText('€ 50,00');
	// More than this cheque holds, as well.
	await page.getByLabel('Bedrag in euro').fill('60');
	await page.getByRole('button', { name: 'Bedrag afschrijven' }).click();
	await expect(page.getByLabel('Bedrag in euro')).toHaveAccessibleDescription(
		/Er staat niet genoeg meer op deze cheque/
	);
	// A wrong amount is undone from the receipt, within five minutes.
	await page.getByLabel('Bedrag in euro').fill('2,00');
	await page.getByRole('button', { name: 'Bedrag afschrijven' }).click();
	await expect(page.getByText('Gelukt: € 2,00 afgeschreven')).toBeVisible();
	const receipt = page.getByTestId('bon');
	await expect(receipt).toContainText(/Tijd\s*\d{2}:\d{2}/);
	await expect(page.getByTestId('kenmerk')).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
	await expect(page.getByText(/Maak de betaling ongedaan tot \d{2}:\d{2}/)).toBeVisible();
	await page.getByRole('button', { name: 'Ongedaan maken' }).click();
	await expect(
		page.getByText(
			'De betaling van € 2,00 is ongedaan gemaakt. Er staat weer € 50,00 op de cheque.'
		)
	).toBeVisible();

	await page.getByRole('link', { name: 'Volgende cheque' }).click();
	await typeCode(page, code);
	// The amount starts empty, with what is left beside it: one tap never spends the cheque.
	await expect(page.getByLabel('Bedrag in euro')).toHaveValue('');
	await expect(page.getByLabel('Bedrag in euro')).toHaveAccessibleDescription(
		/Er staat nog €\s50,00 op de cheque/
	);
	await page.getByLabel('Bedrag in euro').fill('20,00');
	await page.getByRole('button', { name: 'Bedrag afschrijven' }).click();
	await expect(page.getByText('Gelukt: € 20,00 afgeschreven')).toBeVisible();
	await expect(page.getByText('Er staat nog € 30,00 op.')).toBeVisible();

	await page.getByRole('link', { name: 'Volgende cheque' }).click();
	await typeCode(page, code);
	await expect(page.getByLabel('Bedrag in euro')).toHaveValue('');
	await page.getByLabel('Bedrag in euro').fill('30');
	await page.getByRole('button', { name: 'Bedrag afschrijven' }).click();
	// Double-scan protection: the same cheque at the same shop minutes later asks again.
	await expect(page.getByText('Bevestig dan opnieuw.')).toBeVisible();
	await page.getByRole('button', { name: 'Ja, nog een keer afschrijven' }).click();
	await expect(page.getByText('Er staat nog € 0,00 op.')).toBeVisible();

	await page.getByRole('link', { name: 'Volgende cheque' }).click();
	await typeCode(page, code);
	await expect(page.getByText('Deze cheque is al helemaal gebruikt.')).toBeVisible();

	await page.goto('/winkel/verzilveringen');
	// At 375 px the rows are cards: each cell's name starts with its column's label.
	await expect(page.getByRole('cell', { name: /^(Bedrag )?€\s20,00$/ })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Ongedaan gemaakt' })).toHaveCount(1);
	await expect(page.getByRole('button', { name: /^Ongedaan maken/ })).toHaveCount(2);
});

test('axe: the counter, the shop pages and the public list', async ({ browser }) => {
	const staff = await demoPerson(browser, 'winkel@buurtkracht.example');
	await staff.setViewportSize(PHONE);
	for (const path of [
		'/winkel',
		'/winkel/verzilveringen',
		'/winkel/medewerkers',
		'/mantelzorg/winkel-aanmelden'
	]) {
		await staff.goto(path);
		await expectAccessible(staff);
	}
	await staff.goto('/winkel');
	await typeCode(staff, codes[1] as string);
	await expect(staff.getByTestId('resterend')).toHaveText('€ 50,00');
	await expectAccessible(staff);
	// The receipt and its undo (undone again, so the cheque and the shop's total stay as they were).
	await staff.getByLabel('Bedrag in euro').fill('1');
	await staff.getByRole('button', { name: 'Bedrag afschrijven' }).click();
	await expect(staff.getByTestId('kenmerk')).toBeVisible();
	await expectAccessible(staff);
	await staff.getByRole('button', { name: 'Ongedaan maken' }).click();
	await expect(staff.getByText('Er staat weer € 50,00 op de cheque.')).toBeVisible();
	await expectAccessible(staff);
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto('/mantelzorg/winkels');
	await expect(
		visitor.getByRole('heading', { name: /Boekhandel De Zaanse Bladzijde/ })
	).toBeVisible();
	await expectAccessible(visitor);
	await visitor.getByLabel('Wijk').selectOption({ label: 'Krommenie' });
	await visitor.getByRole('button', { name: 'Filter' }).click();
	await expect(visitor).toHaveURL(/wijk=/);
	await expect(visitor.getByRole('heading', { name: /Bloemenhuis Krommenie/ })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: /Boekhandel/ })).toHaveCount(0);
});

test('the municipality batches the redemptions and downloads the payment file', async ({
	browser
}) => {
	const admin = await demoPerson(browser, 'beheer@buurtkracht.example');
	for (const path of ['/beheer/winkels', '/beheer/mantelzorg']) {
		await admin.goto(path);
		await expectAccessible(admin);
	}
	await admin.goto('/beheer/uitbetalingen');
	await expectAccessible(admin);
	await admin
		.getByLabel('Winkel')
		.selectOption({ label: 'Boekhandel De Zaanse Bladzijde (demo) (€ 50,00)' });
	await admin.getByRole('button', { name: 'Klaarzetten' }).click();
	await expect(admin.getByText('De uitbetaling is klaargezet.')).toBeVisible();
	// Four eyes: whoever made the batch does not approve it; the second admin does.
	await expect(
		admin.getByText('Klaargezet door jou. Een andere beheerder keurt hem goed.').first()
	).toBeVisible();
	const finance = await demoPerson(browser, 'financien@buurtkracht.example');
	await finance.goto('/beheer/uitbetalingen');
	await finance
		.getByRole('button', { name: /^Goedkeuren/ })
		.first()
		.click();
	await expect(finance.getByText('De uitbetaling is goedgekeurd.')).toBeVisible();
	await expectAccessible(finance);
	await admin.reload();
	const [download] = await Promise.all([
		admin.waitForEvent('download'),
		admin
			.getByRole('link', { name: /^Betaalbestand \(SEPA\)/ })
			.first()
			.click()
	]);
	const xml = await readFile((await download.path()) as string, 'utf8');
	expect(xml).toContain('pain.001.001.03');
	expect(xml).toContain('<NbOfTxs>1</NbOfTxs>');
	expect(xml).toContain('<CtrlSum>50.00</CtrlSum>');
	await admin.reload();
	await expect(admin.getByRole('cell', { name: 'Betaalbestand gemaakt' }).first()).toBeVisible();
});

test('the camera path: a fake camera shows the QR code and the counter finds the cheque', async () => {
	const code = codes[1] as string;
	const video = await qrVideo(code);
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${video}`
		]
	});
	try {
		const context = await browser.newContext({ baseURL: E2E_ORIGIN, locale: 'nl-NL' });
		await context.grantPermissions(['camera'], { origin: E2E_ORIGIN });
		const page = await context.newPage();
		await signIn(page, 'winkel@buurtkracht.example');
		await page.goto('/winkel');
		await page.getByRole('button', { name: 'Scan QR-code' }).click();
		await expect(page.getByTestId('resterend')).toHaveText('€ 50,00', { timeout: 20_000 });
		await expect(
			page.getByRole('heading', { name: `Cheque ${code.match(/.{4}/g)!.join(' ')}` })
		).toBeVisible();
		await page.getByLabel('Bedrag in euro').fill('12,50');
		await page.getByRole('button', { name: 'Bedrag afschrijven' }).click();
		await expect(page.getByText('Er staat nog € 37,50 op.')).toBeVisible();
	} finally {
		await browser.close();
	}
});
