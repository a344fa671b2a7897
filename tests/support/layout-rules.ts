// The layout rules of issue 17, checked on the page in the browser: on a small screen no word is
// split inside a heading or a table cell (a soft hyphen, a hyphen or a slash may break it), every
// button and button-link is at least 44 × 44 px, and a page speaks to its reader in one way
// ("je", never mixed with "u").
import { expect, type Page } from '@playwright/test';

/** Words in headings and table cells that the browser broke over two lines. */
export async function splitWords(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const found: string[] = [];
		const cells = document.querySelectorAll('main :is(h1, h2, h3, h4, th, td, caption)');
		const range = document.createRange();
		for (const cell of cells) {
			// A visually hidden caption or header row (cards on a phone) is read, not seen.
			let hidden = false;
			for (let el: Element | null = cell; el && el.tagName !== 'MAIN'; el = el.parentElement) {
				const box = el.getBoundingClientRect();
				if (box.width < 2 || box.height < 2) hidden = true;
			}
			if (hidden) continue;
			const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				// A word, as far as it may not break: soft hyphens, hyphens and slashes end it.
				for (const match of text.matchAll(/[^\s\u00ad/-]+/g)) {
					// The line of its first and of its last letter. (Chrome reports the hyphen drawn at
					// a soft hyphen as part of the next letter, so take that letter's last box.)
					const lineOf = (index: number) => {
						range.setStart(node, index);
						range.setEnd(node, index + 1);
						return Math.round([...range.getClientRects()].at(-1)?.top ?? 0);
					};
					const end = match.index + match[0].length - 1;
					if (lineOf(match.index) !== lineOf(end)) {
						found.push(`${cell.tagName.toLowerCase()}: ${match[0]}`);
					}
				}
			}
		}
		return found.slice(0, 5);
	});
}

/**
 * The page's actions smaller than 44 × 44 px: buttons, button-links, and links that stand alone
 * (the only thing in their paragraph, list item or cell, like "Hulpvraag wijzigen"). A link inside
 * a sentence is part of the text, not an action of its own.
 */
export async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const buttons = document.querySelectorAll(
			'header button, main button, main .utrecht-button-link, main .bk-link-button, footer button'
		);
		const standalone = [...document.querySelectorAll('main a')].filter((a) => {
			const parent = a.parentElement;
			if (!parent || !parent.matches('p, li, dd, td, div')) return false;
			const own = (a.textContent ?? '').trim();
			return own !== '' && (parent.textContent ?? '').trim() === own;
		});
		const small: string[] = [];
		for (const el of new Set([...buttons, ...standalone])) {
			if (el.closest('.leaflet-container')) continue;
			const box = el.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue; // not shown
			if (box.width < 43.5 || box.height < 43.5) {
				const label = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
				small.push(`${label || el.tagName} (${Math.round(box.width)}×${Math.round(box.height)})`);
			}
		}
		return small.slice(0, 5);
	});
}

/** Which forms of address the page's text uses: "je" (je, jij, jou, jouw) and/or "u" (u, uw). */
export async function formsOfAddress(page: Page): Promise<{ je: string[]; u: string[] }> {
	const text = await page.locator('body').innerText();
	// Digits belong to the word: a generated name such as "Wijk-g362u" must not read as "u".
	const words = text.split(/[^\p{L}\p{N}]+/u);
	const je = words.filter((w) => /^(je|jij|jou|jouw|jezelf)$/i.test(w));
	const u = words.filter((w) => /^(u|uw|uzelf)$/i.test(w));
	return { je: [...new Set(je)], u: [...new Set(u)] };
}

export async function expectLayoutRules(page: Page, check: typeof expect = expect) {
	const url = page.url();
	check(await splitWords(page), `${url}: words split over two lines`).toEqual([]);
	check(await smallTargets(page), `${url}: buttons under 44 × 44 px`).toEqual([]);
	const address = await formsOfAddress(page);
	check(
		address.je.length > 0 && address.u.length > 0 ? address.u : [],
		`${url}: mixes "je" with "u"`
	).toEqual([]);
}
