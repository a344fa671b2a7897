// Both parts of every auth mail are ours: the plain-text part is Dutch and links to /auth/confirm,
// like the HTML part, never lite's English text with a /auth/v1/verify link (issue 9, part 7).
import { describe, expect, it } from 'vitest';
import {
	anonClient,
	createUser,
	TEST_PASSWORD,
	uniqueEmail,
	waitForMail,
	type StoredMail
} from '../../support/factories.ts';

function expectOurText(mail: StoredMail, type: string) {
	expect(mail.text).toMatch(new RegExp(`/auth/confirm\\?token_hash=[a-f0-9]+&type=${type}`));
	expect(mail.text).toContain('Typ dan deze code in op de website');
	expect(mail.text).not.toMatch(/auth\/v1\/verify|access_token|Confirm|Follow this link|<\w/);
}

describe('auth mail text part', () => {
	it('sign-up confirmation', async () => {
		const email = uniqueEmail('tekst-bevestig');
		const { error } = await anonClient().auth.signUp({ email, password: TEST_PASSWORD });
		expect(error).toBeNull();
		const mail = await waitForMail(email, 'Bevestig je e-mailadres');
		expect(mail.text).toContain('Buurtkracht');
		expectOurText(mail, 'signup');
	});

	it('login link and code', async () => {
		const user = await createUser({ label: 'tekst-login' });
		const { error } = await anonClient().auth.signInWithOtp({
			email: user.email,
			options: { shouldCreateUser: false }
		});
		expect(error).toBeNull();
		expectOurText(await waitForMail(user.email, 'Je inloglink'), 'magiclink');
	});

	it('password reset', async () => {
		const user = await createUser({ label: 'tekst-herstel' });
		const { error } = await anonClient().auth.resetPasswordForEmail(user.email);
		expect(error).toBeNull();
		expectOurText(await waitForMail(user.email, 'Nieuw wachtwoord'), 'recovery');
	});
});
