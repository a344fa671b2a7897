// Which Chromium the browser tests drive. Debian's chromium-headless-shell is the same Chromium
// build without the browser's window machinery (what Playwright's own headless mode uses): it took
// half the CPU per test, on a machine the whole suite keeps busy. Without it, the full browser.
import { existsSync } from 'node:fs';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

export const chromiumPath = () =>
	process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
