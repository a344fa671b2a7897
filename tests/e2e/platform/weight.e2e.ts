// Every page stays under 60 KB of CSS before gzip (issue 9): only the NL Design System components
// the app uses, and only the rules its markup can match. `npm run bench:weight` prints the numbers.
import { expect, test } from '@playwright/test';
import { measurePage } from '../../../bench/weight.ts';
import { E2E_ORIGIN } from '../../../playwright.config.ts';

const PAGES = ['/', '/hulp', '/inloggen', '/registreren', '/buurthuizen', '/mantelzorg'];

for (const path of PAGES) {
	test(`${path} ships less than 60 KB of CSS`, async () => {
		const weight = await measurePage(E2E_ORIGIN, path);
		expect(weight.cssFiles).toBeGreaterThan(0);
		expect(weight.cssBytes).toBeLessThan(60 * 1024);
	});
}
