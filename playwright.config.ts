// End-to-end tests in Debian's Chromium against the production build, with the embedded
// Supabase on a fresh PGlite folder and its own mailbox.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ensureEnvFile } from './scripts/lib/env.ts';
import { budget } from './tests/support/budget.ts';
import { chromiumPath } from './tests/support/chromium.ts';

// Ports can be moved (E2E_PORT, E2E_SMTP_PORT, E2E_MAILBOX_PORT) so two checkouts can run their
// browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const smtpPort = process.env.E2E_SMTP_PORT ?? '2525';
const mailboxPort = process.env.E2E_MAILBOX_PORT ?? '2580';
export const E2E_ORIGIN = process.env.E2E_ORIGIN ?? `http://127.0.0.1:${port}`;
export const E2E_MAILBOX = process.env.E2E_MAILBOX ?? `http://127.0.0.1:${mailboxPort}`;
/**
 * Where set-up steps reach the Supabase API, and with which key: the app's own origin (the
 * embedded API), or the separate API server of the hosted-mode stack (playwright.hosted.config.ts).
 */
export const E2E_API = process.env.E2E_SUPABASE_URL ?? E2E_ORIGIN;
export const e2eKey = () =>
	process.env.E2E_PUBLISHABLE_KEY ?? ensureEnvFile().PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? '';
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'buurtkracht-e2e-'));
// Everything the app server prints, checked for personal data after the run.
process.env.E2E_LOG_FILE ??= path.join(process.env.E2E_DATA_DIR, 'app.log');

/** Tests that must run with no other test beside them (see the quiet project). */
const QUIET = ['**/platform/public-cache.e2e.ts'];

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: budget(60_000),
	expect: { timeout: budget(10_000) },
	fullyParallel: false,
	// Several: while one test waits on the server, another drives its browser. Two took the whole
	// set from 13.2 to 6.9 min; three, once the integration passes stopped waiting on mail, took
	// the browser phase of a CI run from 549 to 453 s. Each test makes its own people and rows;
	// crash.e2e starts its own servers.
	workers: Number(process.env.E2E_WORKERS ?? 3),
	projects: [
		// The longest test (every page at 320 px) first, so it does not end the run alone.
		{ name: 'walk', testMatch: '**/platform/layout.e2e.ts' },
		{ name: 'browser', testIgnore: ['**/platform/layout.e2e.ts', ...QUIET] },
		// Tests that need no other test writing meanwhile: any write drops the public cache.
		{ name: 'quiet', testMatch: QUIET, dependencies: ['walk', 'browser'] }
	],
	retries: process.env.CI ? 1 : 0,
	globalTeardown: './tests/support/log-check-teardown.ts',
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: E2E_ORIGIN,
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam',
		// Recording a trace for every test (its screencast, and a DOM snapshot at each step) was a third
		// of the browser tests' CPU, on a machine the whole suite keeps busy. CI retries a failed test
		// once and records that try; locally, add `--trace retain-on-failure` to the command (README).
		trace: 'on-first-retry',
		launchOptions: {
			executablePath: chromiumPath(),
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: 'node scripts/dev.ts --prod',
		url: `${E2E_ORIGIN}/`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PUBLIC_SUPABASE_URL: E2E_ORIGIN,
			ORIGIN: E2E_ORIGIN,
			SUPABASE_DATA_DIR: process.env.E2E_DATA_DIR,
			SMTP_PORT: smtpPort,
			MAILBOX_HTTP_PORT: mailboxPort,
			E2E_LOG_FILE: process.env.E2E_LOG_FILE,
			DATABASE_URL: ''
		}
	}
});
