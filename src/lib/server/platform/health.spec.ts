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
