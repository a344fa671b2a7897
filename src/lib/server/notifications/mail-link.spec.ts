import { describe, expect, it } from 'vitest';
import { signInForMailLink } from './mail-link';

const at = (path: string) => new URL(path, 'https://buurtkracht.example');

describe('signInForMailLink', () => {
	it('sends a signed-out visitor of a mail link to sign in, and back without the marker', () => {
		expect(signInForMailLink(at('/hulp/vraag/abc?uit=mail'), false)).toBe(
			'/inloggen?naar=%2Fhulp%2Fvraag%2Fabc&uit=mail'
		);
		expect(signInForMailLink(at('/hulp/mijn?tab=2&uit=mail'), false)).toBe(
			'/inloggen?naar=%2Fhulp%2Fmijn%3Ftab%3D2&uit=mail'
		);
	});

	it('lets a signed-in visitor, or a link without the marker, through', () => {
		expect(signInForMailLink(at('/hulp/vraag/abc?uit=mail'), true)).toBeNull();
		expect(signInForMailLink(at('/hulp/vraag/abc'), false)).toBeNull();
		expect(signInForMailLink(at('/inloggen?uit=mail'), false)).toBeNull();
	});
});
