// The platform operator sets up a municipality without a developer: only an operator creates one
// or changes its host names, the first admin is invited and accepts with an account of that
// municipality, and the admin's look is refused when its contrast is too low, in SQL too.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	createUser,
	grantRole,
	sql,
	TEST_PASSWORD,
	uniqueEmail,
	ZAANSTAD_ID,
	anonClient,
	type TestUser
} from '../../support/factories.ts';
import { errorKey } from '../../../src/lib/server/db-errors.ts';

let operator: TestUser;
let zaanstadAdmin: TestUser;

const newSlug = () => `gem-${randomUUID().slice(0, 8)}`;

async function create(client: TestUser['client'], slug: string, hosts = [`${slug}.localhost`]) {
	return client.rpc('create_municipality', {
		p_name: `Demogemeente ${slug}`,
		p_slug: slug,
		p_hosts: hosts,
		p_coordinator_phone: '010 000 00 00',
		p_mail_sender_name: null as unknown as string,
		p_payout_iban: 'NL91 ABNA 0417 1643 00',
		p_payout_account_holder: 'Gemeente Demo'
	});
}

/** Signs up on the municipality's site and confirms, as the invited admin would. */
async function accountIn(slug: string, email = uniqueEmail('beheer')) {
	const client = anonClient();
	const { data } = await client.auth.signUp({
		email,
		password: TEST_PASSWORD,
		options: { data: { display_name: 'Nieuwe beheerder', municipality: slug } }
	});
	await sql(`update auth.users set email_confirmed_at = now() where id = '${data.user?.id}'`);
	await client.auth.signInWithPassword({ email, password: TEST_PASSWORD });
	return { client, email, id: data.user?.id as string };
}

beforeAll(async () => {
	operator = await createUser({ label: 'operator' });
	await sql(`insert into public.platform_operators (user_id) values ('${operator.id}')`);
	zaanstadAdmin = await createUser({ label: 'beheer' });
	await grantRole(zaanstadAdmin.id, 'municipality_admin');
});

describe('creating a municipality', () => {
	it('is for platform operators only, also through the API', async () => {
		const slug = newSlug();
		for (const caller of [zaanstadAdmin.client, anonClient()]) {
			const { error } = await create(caller, slug);
			expect(error).not.toBeNull();
		}
		expect(await sql(`select 1 from public.municipalities where slug = '${slug}'`)).toEqual([]);
		// Nobody makes themselves an operator through the API.
		const { error } = await zaanstadAdmin.client
			.from('platform_operators')
			.insert({ user_id: zaanstadAdmin.id });
		expect(error).not.toBeNull();
	});

	it('stores hosts lower case without trailing dot, its own address first, and the payout account', async () => {
		const slug = newSlug();
		const { data: id, error } = await create(operator.client, slug, [
			`${slug.toUpperCase()}.Localhost.`,
			`www.${slug}.localhost`
		]);
		expect(error).toBeNull();
		const hosts = await sql<{ host: string; position: number }>(
			`select host, position from public.municipality_hosts where municipality_id = '${id}' order by position`
		);
		expect(hosts).toEqual([
			{ host: `${slug}.localhost`, position: 0 },
			{ host: `www.${slug}.localhost`, position: 1 }
		]);
		const [account] = await sql<{ iban: string }>(
			`select iban from public.municipality_payout_accounts where municipality_id = '${id}'`
		);
		expect(account?.iban).toBe('NL91ABNA0417164300');
		// Zaanstad's admin does not see another municipality's payout account.
		const { data } = await zaanstadAdmin.client
			.from('municipality_payout_accounts')
			.select('*')
			.eq('municipality_id', id as string);
		expect(data).toEqual([]);
	});

	it('refuses a host of another municipality, a taken slug and a wrong IBAN, and changes nothing', async () => {
		const slug = newSlug();
		expect(errorKey((await create(operator.client, slug, ['localhost'])).error)).toBe('host_taken');
		expect(errorKey((await create(operator.client, 'zaanstad')).error)).toBe('slug_taken');
		const badIban = await operator.client.rpc('create_municipality', {
			p_name: 'Fout',
			p_slug: slug,
			p_hosts: [`${slug}.localhost`],
			p_payout_iban: 'NL00ABNA0417164300',
			p_payout_account_holder: 'X Y'
		});
		expect(errorKey(badIban.error)).toBe('invalid_iban');
		expect(await sql(`select 1 from public.municipalities where slug = '${slug}'`)).toEqual([]);
		const [localhost] = await sql<{ municipality_id: string }>(
			`select municipality_id from public.municipality_hosts where host = 'localhost'`
		);
		expect(localhost?.municipality_id).toBe(ZAANSTAD_ID);
	});
});

describe('inviting the first admin', () => {
	it('makes the invitee admin only when accepted with an account of that municipality', async () => {
		const slug = newSlug();
		const { data: id } = await create(operator.client, slug);
		const email = uniqueEmail('nieuwe-beheerder');
		const invited = await operator.client.rpc('invite_municipality_admin', {
			p_municipality_id: id as string,
			p_email: email.toUpperCase()
		});
		expect(invited.error).toBeNull();
		const invitationId = invited.data as string;
		const [queued] = await sql<{ n: number }>(
			`select count(*)::int as n from public.notification_outbox where recipient_email = '${email}' and kind = 'role_invited'`
		);
		expect(queued?.n).toBe(1);

		// Someone else cannot see or accept it; an admin of Zaanstad cannot invite for it.
		const stranger = await accountIn(slug);
		expect(
			(await stranger.client.rpc('role_invitation_page', { p_invitation_id: invitationId })).data
		).toBeNull();
		expect(
			(await stranger.client.rpc('accept_role_invitation', { p_invitation_id: invitationId })).error
		).not.toBeNull();
		expect(
			(
				await zaanstadAdmin.client.rpc('invite_municipality_admin', {
					p_municipality_id: id as string,
					p_email: 'x@buurtkracht.example'
				})
			).error
		).not.toBeNull();

		const invitee = await accountIn(slug, email);
		const page = await invitee.client.rpc('role_invitation_page', {
			p_invitation_id: invitationId
		});
		expect((page.data as { status: string }).status).toBe('open');
		expect(
			(await invitee.client.rpc('accept_role_invitation', { p_invitation_id: invitationId })).error
		).toBeNull();
		expect(
			await invitee.client.rpc('has_role', {
				p_role: 'municipality_admin',
				p_municipality_id: id as string
			})
		).toMatchObject({ data: true });
		expect(
			await invitee.client.rpc('has_role', {
				p_role: 'municipality_admin',
				p_municipality_id: ZAANSTAD_ID
			})
		).toMatchObject({ data: false });
	});

	it('cannot be accepted with an account of another municipality', async () => {
		const slug = newSlug();
		const { data: id } = await create(operator.client, slug);
		const zaanstadPerson = await createUser({ label: 'verkeerde-gemeente' });
		const { data: invitationId } = await operator.client.rpc('invite_municipality_admin', {
			p_municipality_id: id as string,
			p_email: zaanstadPerson.email
		});
		const page = await zaanstadPerson.client.rpc('role_invitation_page', {
			p_invitation_id: invitationId as string
		});
		expect((page.data as { status: string }).status).toBe('other_municipality');
		const accepted = await zaanstadPerson.client.rpc('accept_role_invitation', {
			p_invitation_id: invitationId as string
		});
		expect(errorKey(accepted.error)).toBe('invitation_other_municipality');
		expect(
			await sql(`select 1 from public.memberships where user_id = '${zaanstadPerson.id}'`)
		).toEqual([]);
	});
});

describe('a role stays inside its municipality', () => {
	it('refuses a membership scoped to another municipality’s buurthuis, whoever writes it', async () => {
		const slug = newSlug();
		const { data: id } = await create(operator.client, slug);
		const [district] = await sql<{ id: string }>(
			`insert into public.districts (municipality_id, slug, name, latitude, longitude) values ('${id}', 'centrum', 'Centrum', 51.8, 4.67) returning id`
		);
		const [centre] = await sql<{ id: string }>(
			`insert into public.community_centres (municipality_id, district_id, slug, name, street_address, postcode, city, latitude, longitude) values ('${id}', '${district?.id}', 'elders', 'Elders (test)', 'Straat 1', '3311 AA', 'Ergens', 51.8, 4.67) returning id`
		);
		const person = await createUser({ label: 'bestuur' });
		const viaAdmin = await zaanstadAdmin.client.rpc('grant_role_by_email', {
			p_email: person.email,
			p_role: 'board_member',
			p_community_centre_id: centre?.id as string
		});
		expect(viaAdmin.error).not.toBeNull();
		await expect(
			sql(
				`insert into public.memberships (user_id, municipality_id, role, community_centre_id) values ('${person.id}', '${ZAANSTAD_ID}', 'board_member', '${centre?.id}')`
			)
		).rejects.toThrow();
		expect(await sql(`select 1 from public.memberships where user_id = '${person.id}'`)).toEqual(
			[]
		);
	});
});

describe('the look', () => {
	it('is saved by the admin when every colour pair reaches 4.5:1, and refused otherwise', async () => {
		const admin = await createUser({ label: 'look' });
		await grantRole(admin.id, 'municipality_admin');
		const save = (
			primary: string,
			dark: string,
			surface: string,
			logo?: { base64: string; type: string }
		) =>
			admin.client.rpc('save_municipality_look', {
				p_primary: primary,
				p_primary_dark: dark,
				p_surface: surface,
				p_logo_base64: (logo?.base64 ?? null) as string,
				p_logo_type: (logo?.type ?? null) as string
			});
		expect(errorKey((await save('#7fb3ff', '#003a60', '#ffffff')).error)).toBe('contrast_too_low');
		expect(errorKey((await save('#00548a', '#003a60', '#00548a')).error)).toBe('contrast_too_low');
		expect(errorKey((await save('red', '#003a60', '#ffffff')).error)).toBe('invalid_color');
		// A file that says it is a PNG but is not.
		expect(
			errorKey(
				(
					await save('#00548a', '#003a60', '#f3f6f8', {
						base64: Buffer.from('<svg onload=alert(1)>').toString('base64'),
						type: 'image/png'
					})
				).error
			)
		).toBe('invalid_logo');
		const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(32)]);
		expect(
			(
				await save('#8B0000', '#5a0000', '#fff5f5', {
					base64: png.toString('base64'),
					type: 'image/png'
				})
			).error
		).toBeNull();
		const [look] = await sql<{ primary_color: string; logo_type: string }>(
			`select primary_color, logo_type from public.municipality_looks where municipality_id = '${ZAANSTAD_ID}'`
		);
		expect(look).toEqual({ primary_color: '#8b0000', logo_type: 'image/png' });
		await sql(`delete from public.municipality_looks where municipality_id = '${ZAANSTAD_ID}'`);
	});
});
