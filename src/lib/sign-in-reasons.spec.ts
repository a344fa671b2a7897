import { describe, expect, it } from 'vitest';
import { signInReason } from './sign-in-reasons';

describe('signInReason', () => {
	it('says nothing when no page was asked for', () => {
		expect(signInReason(null, false)).toBeNull();
		expect(signInReason('/', false)).toBeNull();
	});

	it('names what she was about to do, and that she comes back', () => {
		expect(signInReason('/hulp/vraag/nieuw', false)).toBe(
			'Log in om hulp te vragen. Daarna ga je meteen verder waar je was.'
		);
		expect(signInReason('/hulp/vraag/nieuw', false, 'sign_up')).toBe(
			'Maak een account om hulp te vragen. Daarna ga je meteen verder waar je was.'
		);
	});

	it('mentions the mail when she came from a link in one', () => {
		expect(signInReason('/hulp/vraag/0a1b?reacties', true)).toMatch(
			/^Je opende een link uit een e-mail .* Log in om deze hulpvraag te bekijken\./
		);
	});

	it('has a plain sentence for any other page', () => {
		expect(signInReason('/profiel', false)).toMatch(/^Voor deze pagina moet je ingelogd zijn\./);
	});
});
