// security.txt per municipality: only its admin renews it, at most a year ahead; everyone reads it.
import { describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import { dayFromNow } from '../../support/days.ts';

describe('renew_security_txt', () => {
	it('lets the municipality admin set contact, policy and an expiry within a year', async () => {
		const admin = await createUser({ label: 'beheer-sec' });
		await grantRole(admin.id, 'municipality_admin');
		const renew = (p_expires_on: string, p_contact = 'mailto:security@zaanstad.example') =>
			admin.client.rpc('renew_security_txt', {
				p_contact,
				p_policy_url: 'https://www.zaanstad.example/melden',
				p_expires_on
			});
		expect((await renew(dayFromNow(400))).data).toEqual({
			ok: false,
			reason: 'expires_out_of_range'
		});
		expect((await renew(dayFromNow(0))).data).toEqual({
			ok: false,
			reason: 'expires_out_of_range'
		});
		expect((await renew(dayFromNow(200), 'javascript:alert(1)')).data).toEqual({
			ok: false,
			reason: 'contact_invalid'
		});
		expect((await renew(dayFromNow(300))).data).toEqual({ ok: true });
		const read = await anonClient()
			.from('security_contacts')
			.select('contact, policy_url')
			.eq('municipality_id', ZAANSTAD_ID);
		expect(read.data).toEqual([
			{
				contact: 'mailto:security@zaanstad.example',
				policy_url: 'https://www.zaanstad.example/melden'
			}
		]);
	});

	it('refuses anyone else, and direct writes', async () => {
		const resident = await createUser({ label: 'inwoner-sec' });
		const attempt = await resident.client.rpc('renew_security_txt', {
			p_contact: 'mailto:x@y.example',
			p_policy_url: '',
			p_expires_on: dayFromNow(100)
		});
		expect(attempt.error).not.toBeNull();
		const anon = await anonClient().rpc('renew_security_txt', {
			p_contact: 'mailto:x@y.example',
			p_policy_url: '',
			p_expires_on: dayFromNow(100)
		});
		expect(anon.error).not.toBeNull();
		await resident.client
			.from('security_contacts')
			.update({ contact: 'mailto:evil@x.example' })
			.eq('municipality_id', ZAANSTAD_ID);
		const [row] = await sql<{ contact: string }>(
			`select contact from public.security_contacts where municipality_id = '${ZAANSTAD_ID}'`
		);
		expect(row?.contact ?? null).not.toBe('mailto:evil@x.example');
	});
});
