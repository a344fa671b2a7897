import { describe, expect, it } from 'vitest';
import { originFor } from './origin';

describe('originFor', () => {
	it('keeps scheme and port of the base and swaps the host', () => {
		expect(originFor('dordrecht.localhost', 'http://localhost:5173')).toBe(
			'http://dordrecht.localhost:5173'
		);
		expect(originFor('dordrecht.buurtkracht.nl', 'https://zaanstad.buurtkracht.nl/')).toBe(
			'https://dordrecht.buurtkracht.nl'
		);
	});
	it('falls back to the base without a host name', () => {
		expect(originFor(null, 'http://127.0.0.1:4173/x')).toBe('http://127.0.0.1:4173');
	});
});
