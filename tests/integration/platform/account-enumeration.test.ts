// Known and unknown addresses look the same to a visitor (issue 9, part 3): a login mail request
// with create_user: false answers alike, and the "Je hebt al een account" mail that a sign-up with
// a known address queues answers alike too, reaches only the owner and at most once an hour.
import { describe, expect, inject, it } from 'vitest';
import { anonClient, createUser, uniqueEmail } from '../../support/factories.ts';
import { deliverAll, mailsTo } from '../../support/background.ts';

function requestOtp(email: string) {
	return fetch(`${inject('supabaseUrl')}/auth/v1/otp`, {
		method: 'POST',
		headers: { apikey: inject('publishableKey'), 'content-type': 'application/json' },
		body: JSON.stringify({ email, create_user: false })
	});
}

describe('login mail request (/auth/v1/otp, create_user: false)', () => {
	it('answers the same for a known and an unknown address', async () => {
		const user = await createUser({ label: 'otp-bekend' });
		const known = await requestOtp(user.email);
		const unknown = await requestOtp(uniqueEmail('otp-onbekend'));
		expect(unknown.status).toBe(known.status);
		expect(known.status).toBe(200);
		expect(await unknown.json()).toEqual(await known.json());
		expect(unknown.headers.get('x-sb-error-code')).toBeNull();
	});

	it('through supabase-js too', async () => {
		const { error } = await anonClient().auth.signInWithOtp({
			email: uniqueEmail('otp-onbekend'),
			options: { shouldCreateUser: false }
		});
		expect(error).toBeNull();
	});
});

describe('"Je hebt al een account" mail', () => {
	it('goes to the owner of a known address, at most once an hour', async () => {
		const user = await createUser({ label: 'al-account' });
		const first = await anonClient().rpc('request_account_exists_mail', { p_email: user.email });
		expect(first.error).toBeNull();
		await deliverAll();
		const again = await anonClient().rpc('request_account_exists_mail', {
			p_email: user.email.toUpperCase()
		});
		expect(again.error).toBeNull();
		await deliverAll();
		const mails = (await mailsTo(user.email)).filter((m) => m.subject.includes('al een account'));
		expect(mails).toHaveLength(1);
		const mail = mails[0]!;
		expect(mail.text).toContain('Je hebt al een account');
		expect(mail.text).toContain('Wachtwoord vergeten?');
		expect(mail.html).toContain('/inloggen');
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		const email = uniqueEmail('geen-account');
		const known = await createUser({ label: 'al-account-2' });
		const forKnown = await anonClient().rpc('request_account_exists_mail', {
			p_email: known.email
		});
		const forUnknown = await anonClient().rpc('request_account_exists_mail', { p_email: email });
		expect(forUnknown.error).toBeNull();
		expect(forUnknown.status).toBe(forKnown.status);
		expect(forUnknown.data).toEqual(forKnown.data);
		await deliverAll();
		expect(await mailsTo(email)).toEqual([]);
	});
});
