import { describe, expect, it } from 'vitest';
import { migrationReadiness } from './health';
import { requestIdFrom } from './request-log';

describe('migrationReadiness', () => {
	it('is ready when the database has this build’s newest migration, or a newer one', () => {
		expect(migrationReadiness('20261204120000', '20261204120000')).toEqual({ ready: true });
		expect(migrationReadiness('20261205000000', '20261204120000')).toEqual({ ready: true });
	});
	it('says why it is not', () => {
		expect(migrationReadiness('20261203000000', '20261204120000')).toEqual({
			ready: false,
			reason: 'migrations pending'
		});
		expect(migrationReadiness(null, '20261204120000')).toEqual({
			ready: false,
			reason: 'no migrations applied'
		});
	});
});

describe('requestIdFrom', () => {
	it('keeps a plain token from the proxy and replaces anything else', () => {
		expect(requestIdFrom('abc123-DEF.456_x')).toBe('abc123-DEF.456_x');
		for (const bad of [null, '', 'short', 'jan@voorbeeld.nl', 'a'.repeat(65), 'x y z 1 2 3 4']) {
			expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
		}
	});
});

describe('security.txt', async () => {
	const { securityTxt, expiryState } = await import('./security-txt');
	const contact = {
		contact: 'mailto:security@zaanstad.example',
		policyUrl: 'https://www.zaanstad.example/melden',
		expiresAt: '2027-12-03T22:59:59+00:00'
	};
	it('writes the RFC 9116 fields, Expires in UTC', () => {
		expect(securityTxt(contact, 'https://buurtkracht.zaanstad.nl/.well-known/security.txt')).toBe(
			[
				'Contact: mailto:security@zaanstad.example',
				'Expires: 2027-12-03T22:59:59Z',
				'Policy: https://www.zaanstad.example/melden',
				'Preferred-Languages: nl, en',
				'Canonical: https://buurtkracht.zaanstad.nl/.well-known/security.txt',
				''
			].join('\n')
		);
	});
	it('warns a month before it runs out', () => {
		const now = new Date('2027-11-10T12:00:00Z');
		expect(expiryState(contact, now)).toBe('soon');
		expect(expiryState(contact, new Date('2027-10-01T12:00:00Z'))).toBe('ok');
		expect(expiryState(contact, new Date('2027-12-05T12:00:00Z'))).toBe('expired');
		expect(expiryState(null, now)).toBe('missing');
	});
});
