import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './auth';

describe('safeRedirectPath', () => {
	it.each([
		['/hulp', '/hulp'],
		['/hulp/vraag/nieuw?wijk=3#formulier', '/hulp/vraag/nieuw?wijk=3#formulier'],
		['/profiel?tab=rollen&x=%2F', '/profiel?tab=rollen&x=%2F'],
		['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
		['/zoeken?q=één', '/zoeken?q=%C3%A9%C3%A9n']
	])('keeps the path on this site: %j', (input, expected) => {
		expect(safeRedirectPath(input)).toBe(expected);
	});

	it.each([
		null,
		undefined,
		'',
		'hulp',
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/\u0000/evil.example',
		'/\u007f/evil.example',
		'/hulp\r\nSet-Cookie: x=1',
		'/.//evil.example',
		'/..//evil.example',
		'/%2e%2e//evil.example',
		'https://evil.example/',
		'http:/evil.example',
		'javascript:alert(1)',
		' /hulp',
		'\t//evil.example'
	])('falls back to the home page for %j', (input) => {
		expect(safeRedirectPath(input)).toBe('/');
	});

	it('uses the fallback it is given', () => {
		expect(safeRedirectPath('//evil.example', '/profiel')).toBe('/profiel');
	});
});
