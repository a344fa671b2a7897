// The accessibility check itself (tests/support/browser.ts) must still see what it is for: it runs
// axe in legacy mode and asks for violations only, and a wrong option there could silently check
// nothing, or check rules outside WCAG 2.1 AA.
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../../support/browser.ts';

test('the axe check fails on a WCAG violation and passes a clean page', async ({ page }) => {
	await page.goto('/');
	await page.setContent(
		'<!doctype html><html lang="nl"><head><title>Proef</title></head>' +
			'<body><main><h1>Proef</h1><img src="/favicon.png"><button></button></main></body></html>'
	);
	const failure = await expectAccessible(page).then(
		() => null,
		(error: Error) => error.message
	);
	expect(failure).toContain('image-alt');
	expect(failure).toContain('button-name');

	// A best-practice rule only (an empty table header): not WCAG 2.1 AA, so not a failure here.
	await page.setContent(
		'<!doctype html><html lang="nl"><head><title>Proef</title></head><body><main><h1>Proef</h1>' +
			'<table><tr><th></th><th>Naam</th></tr><tr><td>1</td><td>Ans</td></tr></table></main></body></html>'
	);
	await expectAccessible(page);
});
