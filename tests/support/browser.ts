// Shared steps for the browser tests: accessibility checks, the mailbox, demo sign-in.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { E2E_MAILBOX } from '../../playwright.config.ts';

const MAILBOX = E2E_MAILBOX;
export const DEMO_PASSWORD = 'Buurtkracht-demo-2026';

/**
 * Fails the test on any WCAG 2.1 A/AA violation on the current page (`expect.soft` as `check`
 * lists them and goes on, for a walk over many pages).
 */
export async function expectAccessible(page: Page, check: typeof expect = expect) {
	// axe.run in the page itself (legacy mode): the default runs it in parts and finishes in a new
	// blank page, with axe injected there again, which made each check take 1.2-2.4 s where the
	// rules themselves took 0.1-0.4 s; that way exists for cross-origin iframes, and our pages have
	// none. Only violations are asked for in full, as only they are checked. options() replaces
	// every option, so it comes before withTags().
	const results = await new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.setLegacyMode()
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	check(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * axe for a page whose scripts are off. axe-core waits forever there (its own script is injected
 * but its timers never run), so the page's HTML, the app's scripts taken out, is checked in a page
 * with scripts at the same address (so the styles load), at the same viewport.
 */
export async function expectAccessibleWithoutScripts(page: Page, check: typeof expect = expect) {
	const url = page.url();
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, '');
	const browser = page.context().browser();
	if (!browser) throw new Error('no browser');
	const context = await browser.newContext({ viewport: page.viewportSize() });
	const copy = await context.newPage();
	await copy.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
	await copy.goto(url);
	await expectAccessible(copy, check);
	await context.close();
}

export const newEmail = (label: string) =>
	`${label}-${randomUUID().slice(0, 8)}@buurtkracht.example`;

interface Mail {
	subject: string;
	html: string;
}

export async function waitForMail(to: string, subjectPart: string): Promise<Mail> {
	for (let i = 0; i < 100; i++) {
		const res = await fetch(`${MAILBOX}/api/messages?to=${encodeURIComponent(to)}`);
		const mails = ((await res.json()) as Mail[]).reverse();
		const mail = mails.find((m) => m.subject.includes(subjectPart));
		if (mail) return mail;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no mail "${subjectPart}" for ${to}`);
}

/** The /auth/confirm link from an auth mail, made relative so it opens on the test server. */
export function confirmLink(mail: Mail): string {
	const href = /href="([^"]*\/auth\/confirm\?[^"]+)"/.exec(mail.html)?.[1];
	if (!href) throw new Error('mail has no confirm link');
	const url = new URL(href.replace(/&amp;/g, '&'));
	return url.pathname + url.search;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').first().fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
}

/** Signs up through the form, follows the confirmation mail and lands signed in on the home page. */
export async function signUpAndConfirm(page: Page, email: string, displayName: string) {
	await page.goto('/registreren');
	await page.getByLabel('Naam', { exact: true }).fill(displayName);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PASSWORD);
	await page.getByLabel('Herhaal wachtwoord').fill(NEW_PASSWORD);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('status')).toContainText('We hebben een e-mail gestuurd');
	const mail = await waitForMail(email, 'Bevestig je e-mailadres');
	await page.goto(confirmLink(mail));
	// Without a page to go back to, the home page welcomes her with her own block.
	await expect(
		page.getByRole('heading', { level: 2, name: `Welkom, ${displayName}` })
	).toBeVisible();
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible();
}

export const NEW_PASSWORD = 'een-lang-wachtwoord-2026';

/**
 * Fails when the page scrolls sideways (WCAG 1.4.10, reflow), naming the first elements that
 * stick out so the failure says where to look.
 */
export async function expectNoSidewaysScroll(page: Page, check: typeof expect = expect) {
	const found = await page.evaluate(() => {
		const root = document.documentElement;
		const width = root.clientWidth;
		// What sticks out and is not inside a box that scrolls (or clips) it.
		const clipped = (el: Element) => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
				if (getComputedStyle(p).overflowX !== 'visible') return true;
			}
			return false;
		};
		const culprits = [...document.body.querySelectorAll('*')]
			.filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
			.slice(0, 5)
			.map((el) => {
				const classes = typeof el.className === 'string' ? el.className.trim() : '';
				const name =
					el.tagName.toLowerCase() + (classes ? `.${classes.split(/\s+/).join('.')}` : '');
				return `${name} (${Math.round(el.getBoundingClientRect().right)} px)`;
			});
		return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
	});
	check(
		found.scrollWidth,
		`${page.url()} scrolls ${found.scrollWidth - found.clientWidth} px sideways: ${found.culprits.join(', ')}`
	).toBeLessThanOrEqual(found.clientWidth);
}
