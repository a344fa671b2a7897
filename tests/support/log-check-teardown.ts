// After the browser tests: the app server's log of the whole run (E2E_LOG_FILE, written by
// scripts/dev.ts) must hold no e-mail address and no cheque code (issue 19: logs without
// personal data). Fails the run otherwise, naming what it found.
import { existsSync, readFileSync } from 'node:fs';
import { findPersonalData } from '../../scripts/lib/log-check.ts';

export default function checkLogs() {
	const file = process.env.E2E_LOG_FILE;
	if (!file || !existsSync(file)) return;
	const text = readFileSync(file, 'utf8');
	const found = findPersonalData(text);
	if (found.length > 0) {
		throw new Error(
			`Personal data in the app server's log (${file}):\n${found.slice(0, 10).join('\n')}`
		);
	}
	console.log(`log check: ${text.split('\n').length} lines of the app server, no personal data`);
}
