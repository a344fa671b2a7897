// What each page makes the browser download: CSS (raw and gzipped) and JavaScript (gzipped), read
// from the production build as served. Starts `node scripts/dev.ts --prod` on its own ports and a
// fresh PGlite folder, fetches each page anonymously, and follows its stylesheet and module links.
//   npx vite build && npm run bench:weight
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { measureColdStart } from './lib/cold-start.ts';

const PAGES = ['/', '/hulp', '/inloggen', '/registreren', '/buurthuizen', '/mantelzorg'];

/** The CSS budget per page from issue 9, before gzip. */
const CSS_BUDGET = 60 * 1024;

export interface PageWeight {
	page: string;
	cssFiles: number;
	cssBytes: number;
	cssGzip: number;
	jsFiles: number;
	jsGzip: number;
}

export const gzipped = (body: Uint8Array) => gzipSync(body, { level: 9 }).byteLength;

function assetUrls(html: string, base: URL) {
	const css = new Set<string>();
	const js = new Set<string>();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (!href) continue;
		if (/\brel="stylesheet"/.test(tag)) css.add(new URL(href, base).href);
		if (/\brel="modulepreload"/.test(tag)) js.add(new URL(href, base).href);
	}
	// The bootstrap script imports the entry chunks, which need not all be preloaded.
	for (const pattern of [/import\("([^"]+)"\)/g, /<script\b[^>]*\bsrc="([^"]+)"/g]) {
		for (const [, src] of html.matchAll(pattern)) if (src) js.add(new URL(src, base).href);
	}
	return { css: [...css], js: [...js] };
}

async function body(url: string): Promise<Uint8Array> {
	const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return new Uint8Array(await res.arrayBuffer());
}

export async function measurePage(origin: string, page: string): Promise<PageWeight> {
	const url = new URL(page, origin);
	const res = await fetch(url, { headers: { accept: 'text/html' } });
	if (res.status !== 200) throw new Error(`${page}: HTTP ${res.status}`);
	const { css, js } = assetUrls(await res.text(), url);
	const weight: PageWeight = {
		page,
		cssFiles: css.length,
		cssBytes: 0,
		cssGzip: 0,
		jsFiles: js.length,
		jsGzip: 0
	};
	for (const href of css) {
		const bytes = await body(href);
		weight.cssBytes += bytes.byteLength;
		weight.cssGzip += gzipped(bytes);
	}
	for (const href of js) weight.jsGzip += gzipped(await body(href));
	return weight;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.main) {
	if (!existsSync('build/index.js')) {
		console.error('No production build found: run `npx vite build` first.');
		process.exit(1);
	}
	const run = await measureColdStart(async (origin) => {
		const weights: PageWeight[] = [];
		for (const page of PAGES) weights.push(await measurePage(origin, page));
		return weights;
	});
	if ('skipped' in run) {
		console.error(`Could not start the production server: ${run.skipped}`);
		process.exit(1);
	}
	const weights = run.extra as PageWeight[];
	console.log('page           CSS files  CSS raw    CSS gzip   JS files  JS gzip');
	for (const w of weights) {
		const flag = w.cssBytes > CSS_BUDGET ? '  over the 60 KB CSS budget' : '';
		console.log(
			`${w.page.padEnd(14)} ${String(w.cssFiles).padStart(9)}  ${kb(w.cssBytes).padStart(9)}  ` +
				`${kb(w.cssGzip).padStart(9)}  ${String(w.jsFiles).padStart(8)}  ${kb(w.jsGzip).padStart(8)}${flag}`
		);
	}
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(
		'bench/results/weight.json',
		JSON.stringify({ measuredAt: new Date(), weights }, null, 2)
	);
	if (weights.some((w) => w.cssBytes > CSS_BUDGET)) process.exitCode = 1;
}
