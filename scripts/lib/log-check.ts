// Finds personal data in server logs: e-mail addresses (the demo accounts' and any other) and
// cheque codes (16 Crockford base32 characters, grouped or not, whose check character is right:
// a real code, not a chance string). Used after the browser tests (scripts/test-hosted.ts and
// tests/support/log-check-teardown.ts) on everything the app servers printed.
import { isValid } from '../../src/lib/mantelzorg/cheque-code.ts';
import { DEMO_ACCOUNTS } from '../../src/lib/server/embedded/seed.ts';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Four groups of four with the same separator (a space or a hyphen), or sixteen in a row, of
// Crockford's alphabet (any case). A UUID's groups (8-4-4-4-12) never make such a run.
const G = '[0-9A-HJKMNP-TV-Z]{4}';
const CODE = new RegExp(`\\b(?:${G}([ -])${G}\\1${G}\\1${G}|(?:${G}){4})\\b`, 'gi');

export function findPersonalData(text: string): string[] {
	const found: string[] = [];
	for (const account of DEMO_ACCOUNTS) {
		if (text.includes(account.email)) found.push(`demo address ${account.email}`);
	}
	for (const match of text.matchAll(EMAIL)) found.push(`e-mail address ${match[0]}`);
	for (const match of text.matchAll(CODE)) {
		const compact = match[0].replace(/[ -]/g, '').toUpperCase();
		if (compact.length === 16 && isValid(compact)) found.push(`cheque code ${match[0]}`);
	}
	return [...new Set(found)];
}
