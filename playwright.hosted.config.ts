// Browser tests against the hosted-mode stack (scripts/test-hosted.ts starts it and sets the
// E2E_* variables): two app servers from the production build behind a round-robin proxy, the
// Supabase API in its own process, PostgreSQL. A chosen few of the e2e tests, then the tests that
// only make sense with several servers (tests/hosted/).
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';
import { budget } from './tests/support/budget.ts';

if (!process.env.E2E_ORIGIN) throw new Error('Run this through `npm run test:hosted`.');

export default defineConfig({
	...base,
	testDir: 'tests',
	testMatch: [
		'e2e/platform/account.e2e.ts',
		'e2e/buurthulp/flows.e2e.ts',
		'e2e/mantelzorg/counter.e2e.ts',
		'e2e/buurthuizen/board.e2e.ts',
		'hosted/*.hosted.ts'
	],
	// Within those files, the journeys the issue names (axe runs inside each of them too).
	grep: [
		/a newcomer signs up, confirms by mail/,
		/from hulpvraag to bedankje \(with JavaScript\)/,
		/staff type the code and redeem part/,
		/the municipality batches the redemptions/,
		/a board member posts a weekly activity and a resident registers/,
		/@hosted/
	],
	retries: 0,
	// One at a time, as the several-servers tests count what both servers did; and none of the
	// main run's projects, whose file patterns would replace the list above.
	workers: 1,
	projects: undefined,
	// Every page crosses the proxy, one of two app servers and the API's own process, while the
	// rest of the suite runs beside it: the board journey took 23 s on a quiet machine and over
	// 60 s on a busy one.
	timeout: budget(120_000),
	// Its own folder: Playwright empties its output folder when it starts, and npm test runs this
	// beside the main browser tests, whose traces vanished from the shared one (ENOENT failures).
	outputDir: 'test-results-hosted',
	// scripts/test-hosted.ts checks the app servers' logs itself.
	globalTeardown: undefined,
	use: { ...base.use, baseURL: process.env.E2E_ORIGIN },
	webServer: undefined
});
