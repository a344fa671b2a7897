// Issue 18's browser journey across host names: a platform operator creates "Demogemeente" with
// its own host (demo-….localhost, which Chromium resolves to this machine), invites its first
// admin by mail; the admin makes an account on that host, accepts, uploads wijken and postcode
// areas, adds a buurthuis by clicking on the map, opens this year's regeling and approves a shop
// that applied on that host; a visitor of that host sees only Demogemeente's. The app runs without
// a fixed origin per host: each request's origin is the host the browser used (scripts/serve.ts),
// so form posts on the new host pass SvelteKit's CSRF check.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	expectAccessible,
	newEmail,
	signUpAndConfirm,
	waitForMail
} from '../../support/browser.ts';
import { signUpOperator } from '../../support/e2e-operator.ts';
import { budget } from '../../support/budget.ts';

const id = randomUUID().slice(0, 6);
const slug = `demo-${id}`;
const host = `${slug}.localhost`;
const name = `Demogemeente ${id}`;

const square = (lon: number, lat: number) => [
	[
		[lon, lat],
		[lon + 0.02, lat],
		[lon + 0.02, lat + 0.02],
		[lon, lat + 0.02],
		[lon, lat]
	]
];
const wijken = JSON.stringify({
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			properties: { naam: 'Demowijk West' },
			geometry: { type: 'Polygon', coordinates: square(5.1, 52.08) }
		},
		{
			type: 'Feature',
			properties: { naam: 'Demowijk Oost' },
			geometry: { type: 'Polygon', coordinates: square(5.12, 52.08) }
		}
	]
});
const postcodes =
	'postcode;latitude;longitude;wijk\n3581;52,09;5,11;Demowijk West\n3582;52,09;5,13;Demowijk Oost\n';

/** A page whose relative URLs go to `origin` (the demo host, or the operator's Zaanstad). */
async function pageAt(browser: Browser, origin: string, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ baseURL: origin, javaScriptEnabled });
	return context.newPage();
}

test('an operator sets up Demogemeente, its admin sets it up, and its host shows only its own', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(budget(300_000));
	const base = new URL(baseURL!);
	const demoOrigin = `${base.protocol}//${host}:${base.port}`;

	// The operator: an account of Zaanstad, made operator as maintenance does (no API for it).
	const op = await pageAt(browser, baseURL!);
	await signUpOperator(op);

	await op.goto('/platform');
	await expectAccessible(op);
	await op.getByLabel('Naam van de gemeente').fill(name);
	await op.getByLabel('Korte naam').fill(slug);
	await op.getByLabel('Webadressen').fill(host);
	await op.getByLabel('Telefoonnummer van de buurtcoördinator').fill('030 123 4567');
	await op.getByLabel('Afzender van de e-mails').fill(`Buurtkracht ${name}`);
	await op.getByLabel('IBAN voor de uitbetalingen aan winkels').fill('NL91 ABNA 0417 1643 00');
	await op.getByLabel('Naam van de rekeninghouder (niet verplicht)').fill(`Gemeente ${name}`);
	await op.getByRole('button', { name: 'Gemeente aanmaken' }).click();
	await expect(op).toHaveURL(new RegExp(`/platform/gemeente/${slug}`));
	// The operator is on Zaanstad's host: the header names the host's municipality.
	await expect(op.getByRole('banner')).not.toContainText(name);
	await expectAccessible(op);
	const adminEmail = newEmail('beheer-demo');
	await op.getByLabel('E-mailadres van de beheerder').fill(adminEmail);
	await op.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(op.getByText(adminEmail).first()).toBeVisible();

	// The invitation mail links to the new municipality's own host.
	const invitation = await waitForMail(adminEmail, `Je bent uitgenodigd voor Buurtkracht ${name}`);
	const link = /href="([^"]*\/uitnodiging\/[^"]+)"/.exec(invitation.html)?.[1];
	expect(link && new URL(link).origin).toBe(demoOrigin);

	// The admin makes an account on that host and accepts.
	const admin = await pageAt(browser, demoOrigin);
	await signUpAndConfirm(admin, adminEmail, 'Beheerder Demogemeente');
	await admin.goto(new URL(link!).pathname);
	await admin.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
	await expect(admin.getByText('Je hebt deze uitnodiging aangenomen.')).toBeVisible();

	// Wijken: the file on the map first, then saved; postcode areas.
	await admin.goto('/beheer/wijken');
	await expect(admin.getByRole('banner')).toContainText(name);
	await admin.getByLabel('GeoJSON-bestand met wijkgrenzen').setInputFiles({
		name: 'wijken.geojson',
		mimeType: 'application/geo+json',
		buffer: Buffer.from(wijken)
	});
	await admin.getByRole('button', { name: 'Bekijk op de kaart' }).click();
	await expect(admin.getByTestId('kaart')).toHaveAttribute('data-ready', 'ja');
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Wijken opslaan' }).click();
	await expect(admin.getByText('De wijkgrenzen zijn opgeslagen: 2 nieuwe wijken')).toBeVisible();
	await admin.getByLabel('CSV-bestand met postcodegebieden').setInputFiles({
		name: 'postcodes.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(postcodes)
	});
	await admin.getByRole('button', { name: 'Postcodes opslaan' }).click();
	await expect(
		admin
			.getByRole('status')
			.filter({ hasText: /postcode/i })
			.first()
	).toBeVisible();

	// A buurthuis, its place picked on the map.
	await admin.goto('/beheer/buurthuizen/beheren');
	await expect(admin.getByTestId('kaart')).toHaveAttribute('data-ready', 'ja');
	await admin.getByTestId('kaart').click();
	await expect(admin.getByLabel('Breedtegraad (bijvoorbeeld 52,4393)')).toHaveValue(/^52,\d+$/);
	await admin.getByLabel('Naam', { exact: true }).fill('Buurthuis De Demo (voorbeeld)');
	await admin.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Demowijk West' });
	await admin.getByLabel('Straat en huisnummer').fill('Demostraat 1');
	await admin.getByLabel('Postcode').fill('3581 AA');
	await admin.getByLabel('Plaats', { exact: true }).fill('Demodorp');
	await admin.getByRole('button', { name: 'Buurthuis toevoegen' }).click();
	await expect(admin.getByText('Het buurthuis is toegevoegd.')).toBeVisible();

	// This year's regeling, with the suggested values.
	await admin.goto('/beheer/regeling');
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Regeling opslaan' }).click();
	await expect(admin).toHaveURL(/gelukt=opgeslagen/);

	// A shop applies on that host; the admin approves it.
	const owner = await pageAt(browser, demoOrigin);
	const ownerEmail = newEmail('winkel-demo');
	await signUpAndConfirm(owner, ownerEmail, 'Winkelier Demo');
	await owner.goto('/mantelzorg/winkel-aanmelden');
	await owner.getByLabel('Naam van de winkel').fill('Demowinkel (voorbeeld)');
	await owner.getByLabel('KvK-nummer').fill('12345678');
	await owner.getByLabel('Straat en huisnummer').fill('Winkelstraat 2');
	await owner.getByLabel('Postcode').fill('3581 AB');
	await owner.getByLabel('Plaats').fill('Demodorp');
	await owner.getByLabel('Wijk').selectOption({ label: 'Demowijk West' });
	await owner.getByLabel('Soort winkel').selectOption({ index: 1 });
	await owner.getByLabel('Korte beschrijving').fill('Een winkel om de demo te laten zien.');
	await owner.getByLabel('IBAN (rekeningnummer)').fill('NL91ABNA0417164300');
	await owner.getByLabel('Naam van de rekeninghouder').fill('Demowinkel');
	await owner.getByLabel('Contactpersoon').fill('Winkelier Demo');
	await owner.getByLabel('E-mailadres').fill(ownerEmail);
	await owner.getByRole('button', { name: 'Winkel aanmelden' }).click();
	await expect(owner.getByText('Demowinkel (voorbeeld) is aangemeld.')).toBeVisible();

	await admin.goto('/beheer/winkels');
	await admin.getByRole('button', { name: /^Goedkeuren\W+Demowinkel \(voorbeeld\)$/ }).click();
	await expect(admin.getByText('De winkel is goedgekeurd.')).toBeVisible();

	// A visitor of that host sees Demogemeente's buurthuis and shop, and none of Zaanstad's.
	const visitor = await pageAt(browser, demoOrigin, false);
	await visitor.goto('/buurthuizen');
	await expect(visitor.getByRole('banner')).toContainText(name);
	await expect(visitor.getByText('Buurthuis De Demo (voorbeeld)').first()).toBeVisible();
	await expect(visitor.getByText('Zaanstad')).toHaveCount(0);
	await visitor.goto('/mantelzorg/winkels');
	await expect(visitor.getByText('Demowinkel (voorbeeld)').first()).toBeVisible();
	await expect(visitor.getByText('Zaanstad')).toHaveCount(0);
	await visitor.goto('/hulp');
	await expect(visitor.getByText('Zaanstad')).toHaveCount(0);
	// And Zaanstad's own host does not list Demogemeente's buurthuis.
	const zaanstad = await pageAt(browser, baseURL!, false);
	await zaanstad.goto('/buurthuizen');
	await expect(zaanstad.getByText('Buurthuis De Demo (voorbeeld)')).toHaveCount(0);
});
