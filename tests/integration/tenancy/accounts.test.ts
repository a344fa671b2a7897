// An account belongs to the municipality it signed up in: its mails link to that municipality's
// site, and signing in on another municipality's site is refused with a link to the right one.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
	municipalityRow,
	type Municipality
} from '../../../src/lib/server/tenancy/municipality.ts';
import {
	otherMunicipalitySignIn,
	refuseForeignAccount
} from '../../../src/lib/server/tenancy/accounts.ts';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import {
	anonClient,
	sql,
	TEST_PASSWORD,
	tokenHashFrom,
	uniqueEmail,
	waitForMail
} from '../../support/factories.ts';
import { serviceClient } from '../../support/background.ts';
import type { OutgoingMail } from '../../../src/lib/server/notifications/mailer.ts';
import { deliverPendingNotifications } from '../../../src/lib/server/notifications/worker.ts';
import {
	createMunicipality,
	personIn,
	type TestMunicipality
} from '../../support/mantelzorg-factories.ts';

let other: TestMunicipality;
let otherSite: Municipality;
let zaanstad: Municipality;
const port = () => new URL(inject('supabaseUrl')).port;

async function site(host: string): Promise<Municipality> {
	const { data } = await anonClient().rpc('municipality_for_host', { p_host: host });
	return municipalityRow.parse(data);
}

/** Signs up on the municipality's site (its slug as metadata, as the form sends it). */
async function signUpIn(slug: string) {
	const email = uniqueEmail('inwoner');
	const client = anonClient();
	const { error } = await client.auth.signUp({
		email,
		password: TEST_PASSWORD,
		options: { data: { display_name: 'Test inwoner', municipality: slug } }
	});
	expect(error).toBeNull();
	return { email, client };
}

beforeAll(async () => {
	other = await createMunicipality();
	await sql(
		`insert into public.municipality_hosts (host, municipality_id) values ('${other.slug}.localhost', '${other.id}')`
	);
	otherSite = await site(`${other.slug}.localhost`);
	zaanstad = await site('zaanstad.localhost');
});

describe('an account and its municipality', () => {
	it('belongs to the municipality whose site it signed up on, and its mail links there', async () => {
		const { email } = await signUpIn(other.slug);
		const [profile] = await sql<{ municipality_id: string }>(
			`select p.municipality_id from public.profiles p join auth.users u on u.id = p.id where u.email = '${email}'`
		);
		expect(profile?.municipality_id).toBe(other.id);
		const mail = await waitForMail(email, 'Bevestig');
		const link = `http://${other.slug}.localhost:${port()}/auth/confirm?token_hash=`;
		expect(mail.html).toContain(link);
		expect(mail.text).toContain(link);
		expect(mail.html).toContain(`Buurtkracht Gemeente ${other.slug}`);
	});

	it('links a Zaanstad account to Zaanstad’s own address', async () => {
		const { email } = await signUpIn('zaanstad');
		const mail = await waitForMail(email, 'Bevestig');
		expect(mail.html).toContain(`http://zaanstad.localhost:${port()}/auth/confirm?token_hash=`);
	});

	it('is signed out again on another municipality’s site, with a link to its own', async () => {
		const { email, client } = await signUpIn(other.slug);
		const mail = await waitForMail(email, 'Bevestig');
		const confirmed = await client.auth.verifyOtp({
			token_hash: tokenHashFrom(mail),
			type: 'signup'
		});
		expect(confirmed.error).toBeNull();
		const request = client as unknown as RequestClient;

		expect(await refuseForeignAccount(request, otherSite)).toBeNull();
		expect((await client.auth.getSession()).data.session).not.toBeNull();

		expect(await refuseForeignAccount(request, zaanstad)).toBe(other.slug);
		expect((await client.auth.getSession()).data.session).toBeNull();

		const link = await otherMunicipalitySignIn(
			anonClient() as unknown as RequestClient,
			other.slug,
			'http://127.0.0.1:4173'
		);
		expect(link).toEqual({
			name: `Gemeente ${other.slug}`,
			signInUrl: `http://${other.slug}.localhost:4173/inloggen`
		});
		expect(
			await otherMunicipalitySignIn(anonClient() as unknown as RequestClient, 'x"y', 'http://a')
		).toBeNull();
	});
});

describe('notification mails', () => {
	it('come from the recipient’s municipality and link to its own site', async () => {
		const resident = await personIn(other.id, 'melder');
		await sql(
			`insert into public.notification_outbox (municipality_id, recipient_id, kind, payload)
			 values ('${other.id}', '${resident.id}', 'response_received', '${JSON.stringify({ request_id: randomUUID(), title: 'Boodschappen' })}')`
		);
		const sent: OutgoingMail[] = [];
		const capture = { sendMail: async (mail: OutgoingMail) => sent.push(mail) };
		while (
			(
				await deliverPendingNotifications(serviceClient(), capture, {
					origin: 'https://buurtkracht.test'
				})
			).sent > 0
		);
		const mail = sent.find((m) => m.to === resident.email);
		expect(mail?.from).toBe(`"Buurtkracht Gemeente ${other.slug}" <noreply@buurtkracht.example>`);
		expect(mail?.text).toContain(`https://${other.slug}.localhost/hulp/vraag/`);
		expect(mail?.text).toContain(`Groet,\nBuurtkracht Gemeente ${other.slug}`);
		expect(mail?.text).not.toContain('Zaanstad');
	});
});
