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
			const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				// A word, as far as it may not break: soft hyphens, hyphens and slashes end it.
				for (const match of text.matchAll(/[^\s\u00ad/-]+/g)) {
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					const lines = new Set(
						[...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
					);
					if (lines.size > 1) found.push(`${cell.tagName.toLowerCase()}: ${match[0]}`);
				}
			}
		}
		return found.slice(0, 5);
	});
}

/** Buttons and button-links (the page's actions) smaller than 44 × 44 px. */
export async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const targets = document.querySelectorAll(
			'header button, main button, main .utrecht-button-link, main .bk-link-button, footer button'
		);
		const small: string[] = [];
		for (const el of targets) {
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
	const words = text.split(/[^\p{L}]+/u);
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
