import { describe, expect, it } from 'vitest';
import { DEFAULT_TILE_URL, tileLayer, tileOrigin } from './tiles';

describe('tileLayer', () => {
	it('defaults to PDOK with the Kadaster attribution', () => {
		expect(tileLayer(undefined, undefined)).toEqual({
			url: DEFAULT_TILE_URL,
			attribution: 'Kaartgegevens © Kadaster'
		});
		expect(tileOrigin(undefined)).toBe('https://service.pdok.nl');
	});

	it('takes another server, or none', () => {
		expect(tileLayer('https://tiles.example/{z}/{x}/{y}.png', '© Voorbeeld')).toEqual({
			url: 'https://tiles.example/{z}/{x}/{y}.png',
			attribution: '© Voorbeeld'
		});
		expect(tileOrigin('https://tiles.example:8443/{z}/{x}/{y}.png')).toBe(
			'https://tiles.example:8443'
		);
		expect(tileLayer('none', undefined)).toBeNull();
		expect(tileOrigin('javascript:alert(1)')).toBeNull();
	});
});
