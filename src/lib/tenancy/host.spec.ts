import { describe, expect, it } from 'vitest';
import { isHostName, normalizeHost } from './host';

describe('normalizeHost', () => {
	it.each([
		['zaanstad.buurtkracht.nl', 'zaanstad.buurtkracht.nl'],
		['Zaanstad.Buurtkracht.NL', 'zaanstad.buurtkracht.nl'],
		['zaanstad.buurtkracht.nl:8443', 'zaanstad.buurtkracht.nl'],
		['zaanstad.buurtkracht.nl.', 'zaanstad.buurtkracht.nl'],
		['ZAANSTAD.localhost.:5173', 'zaanstad.localhost'],
		['127.0.0.1:4173', '127.0.0.1'],
		['[::1]:5173', '[::1]'],
		['  localhost ', 'localhost'],
		['', ''],
		[null, '']
	])('%s → %s', (raw, host) => {
		expect(normalizeHost(raw)).toBe(host);
	});
});

describe('isHostName', () => {
	it('accepts host names and IPv4 addresses', () => {
		for (const host of ['localhost', 'dordrecht.localhost', 'www.zwolle.nl', '127.0.0.1']) {
			expect(isHostName(host)).toBe(true);
		}
	});
	it('refuses ports, schemes, paths, spaces and empty labels', () => {
		for (const host of [
			'zwolle.nl:80',
			'https://zwolle.nl',
			'zwolle.nl/x',
			'zw olle.nl',
			'a..b',
			'-a.nl',
			''
		]) {
			expect(isHostName(host)).toBe(false);
		}
	});
});
