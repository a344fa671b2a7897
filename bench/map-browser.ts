// The Buurthuizen map in Chromium on the production build: the JavaScript and CSS a visitor's
// browser downloads for /buurthuizen (including Leaflet, which the page imports dynamically) and
// for /hulp (which must carry no Leaflet), gzipped at level 9 as bench/weight.ts counts them, and
// the time from navigation until the 19 markers are visible. Map tiles are blocked, so the number
// does not depend on PDOK or the network.
//   npx vite build && npm run bench:map
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { measureColdStart } from './lib/cold-start.ts';
import { gzipped } from './weight.ts';

const RUNS = 7;
const TARGETS = { hulpJs: 60 * 1024, buurthuizenJs: 120 * 1024, markersMs: 1000 };

interface Transfer {
	page: string;
	jsFiles: number;
	jsGzip: number;
	cssFiles: number;
	cssGzip: number;
	leaflet: boolean;
}

async function transfer(browser: Browser, origin: string, path: string): Promise<Transfer> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.route(/service\.pdok\.nl/, (route) => route.abort());
	const bodies: { type: string; url: string; body: Buffer }[] = [];
	page.on('response', async (res) => {
		const type = res.request().resourceType();
		if (type !== 'script' && type !== 'stylesheet') return;
		try {
			bodies.push({ type, url: res.url(), body: await res.body() });
		} catch {
			// A response without a body (a redirect) carries nothing to count.
		}
	});
	await page.goto(new URL(path, origin).href);
	await page.waitForLoadState('networkidle');
	if (path === '/buurthuizen') {
		await page.waitForFunction(
			() => document.querySelectorAll('.leaflet-marker-icon').length >= 19
		);
		await page.waitForLoadState('networkidle');
	}
	await context.close();
	if (process.env.BENCH_LIST) {
		for (const b of bodies) console.log(path, b.type, gzipped(b.body), new URL(b.url).pathname);
	}
	const js = bodies.filter((b) => b.type === 'script');
	const css = bodies.filter((b) => b.type === 'stylesheet');
	return {
		page: path,
		jsFiles: js.length,
		jsGzip: js.reduce((n, b) => n + gzipped(b.body), 0),
		cssFiles: css.length,
		cssGzip: css.reduce((n, b) => n + gzipped(b.body), 0),
		leaflet: bodies.some((b) => b.body.includes('leaflet-container'))
	};
}

/**
 * Milliseconds from navigation start until 19 markers are in the document and visible, and the
 * part of it after the HTML arrived (the browser's share, without the server's).
 */
async function markersVisibleMs(
	browser: Browser,
	origin: string
): Promise<{ total: number; afterHtml: number }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.route(/service\.pdok\.nl/, (route) => route.abort());
	await page.goto(new URL('/buurthuizen', origin).href, { waitUntil: 'commit' });
	const ms = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const check = () => {
					const icons = [...document.querySelectorAll('.leaflet-marker-icon')];
					if (icons.length >= 19 && icons.every((i) => i.getBoundingClientRect().width > 0)) {
						resolve(performance.now());
					} else requestAnimationFrame(check);
				};
				check();
			})
	);
	const responseEnd = await page.evaluate(
		() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd
	);
	await context.close();
	return { total: ms, afterHtml: ms - responseEnd };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

if (import.meta.main) {
	const run = await measureColdStart(async (origin) => {
		const browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu']
		});
		try {
			const transfers = [
				await transfer(browser, origin, '/hulp'),
				await transfer(browser, origin, '/buurthuizen')
			];
			await markersVisibleMs(browser, origin); // warm-up: the server's first map page
			const times: { total: number; afterHtml: number }[] = [];
			for (let i = 0; i < RUNS; i++) times.push(await markersVisibleMs(browser, origin));
			return { transfers, times };
		} finally {
			await browser.close();
		}
	});
	if ('skipped' in run) {
		console.error(`Could not start the production server: ${run.skipped}`);
		process.exit(1);
	}
	const { transfers, times } = run.extra as {
		transfers: Transfer[];
		times: { total: number; afterHtml: number }[];
	};
	console.log('page          JS files  JS gzip   CSS files  CSS gzip  Leaflet');
	for (const t of transfers) {
		console.log(
			`${t.page.padEnd(13)} ${String(t.jsFiles).padStart(8)}  ${kb(t.jsGzip).padStart(8)}  ` +
				`${String(t.cssFiles).padStart(9)}  ${kb(t.cssGzip).padStart(8)}  ${t.leaflet ? 'yes' : 'no'}`
		);
	}
	const p50 = median(times.map((t) => t.total));
	const worst = Math.max(...times.map((t) => t.total));
	const browserP50 = median(times.map((t) => t.afterHtml));
	console.log(
		`19 markers visible after navigation: median ${p50.toFixed(0)} ms, worst ${worst.toFixed(0)} ms; ` +
			`after the HTML arrived: median ${browserP50.toFixed(0)} ms (${RUNS} runs, tiles blocked)`
	);
	const hulp = transfers.find((t) => t.page === '/hulp')!;
	const map = transfers.find((t) => t.page === '/buurthuizen')!;
	const checks = {
		hulpUnder60KbJs: hulp.jsGzip < TARGETS.hulpJs,
		hulpWithoutLeaflet: !hulp.leaflet,
		buurthuizenUnder120KbJs: map.jsGzip < TARGETS.buurthuizenJs,
		markersUnder1s: p50 < TARGETS.markersMs
	};
	console.log(checks);
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(
		'bench/results/map-browser.json',
		JSON.stringify({ measuredAt: new Date(), transfers, markersMs: times, checks }, null, 2)
	);
	if (Object.values(checks).some((ok) => !ok)) process.exitCode = 1;
}
