// Per-table RLS of the foundation (municipalities, districts, community_centres, memberships,
// profiles, profile_contacts): what anonymous visitors, other people and admins can and cannot do.
// Every refusal is paired with a check that the rightful person does succeed, so an
// "everything hidden" bug fails as well.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
	anonClient,
	createUser,
	grantRole,
	sql,
	TEST_PASSWORD,
	uniqueEmail,
	ZAANSTAD_ID
} from '../../support/factories.ts';

const extraMunicipalities: string[] = [];

// Other test files count Zaanstad's districts over the whole (shared) database, so the extra
// municipality goes again after each test; its people move back to Zaanstad first.
afterEach(async () => {
	for (const id of extraMunicipalities.splice(0)) {
		await sql(
			`update public.profiles set municipality_id = '${ZAANSTAD_ID}', district_id = null
			 where municipality_id = '${id}';
			 delete from public.municipalities where id = '${id}'`
		);
	}
});

/** A second municipality with one district, to test the tenant boundary. */
async function otherMunicipality() {
	const slug = `test-${randomUUID().slice(0, 8)}`;
	const [row] = await sql<{ id: string }>(
		`insert into public.municipalities (slug, name) values ('${slug}', 'Testgemeente') returning id`
	);
	const municipalityId = (row as { id: string }).id;
	extraMunicipalities.push(municipalityId);
	const [district] = await sql<{ id: string }>(
		`insert into public.districts (municipality_id, slug, name, latitude, longitude)
		 values ('${municipalityId}', 'centrum', 'Centrum', 52.0, 4.0) returning id`
	);
	return { municipalityId, districtId: (district as { id: string }).id };
}

async function aCommunityCentreId(): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`select id from public.community_centres where municipality_id = '${ZAANSTAD_ID}' order by name limit 1`
	);
	return (row as { id: string }).id;
}

describe('profile_contacts', () => {
	it('only the owner reads their contact details', async () => {
		const owner = await createUser({ label: 'eigenaar' });
		const updated = await owner.client
			.from('profile_contacts')
			.update({ phone: '06 1111 2222', city: 'Zaandam' })
			.eq('profile_id', owner.id)
			.select('phone');
		expect(updated.data).toEqual([{ phone: '06 1111 2222' }]);

		const own = await owner.client
			.from('profile_contacts')
			.select('phone, city')
			.eq('profile_id', owner.id);
		expect(own.data).toEqual([{ phone: '06 1111 2222', city: 'Zaandam' }]);

		const neighbour = await createUser({ label: 'buur' });
		const admin = await createUser({ label: 'gemeente' });
		await grantRole(admin.id, 'municipality_admin');
		for (const client of [neighbour.client, admin.client, anonClient()]) {
			const seen = await client.from('profile_contacts').select('phone').eq('profile_id', owner.id);
			expect(seen.data ?? []).toEqual([]);
		}
		// A listing without filter shows exactly one row to a signed-in person: their own.
		const all = await neighbour.client.from('profile_contacts').select('profile_id');
		expect(all.data).toEqual([{ profile_id: neighbour.id }]);
	});

	it('another person or an anonymous visitor cannot change them', async () => {
		const owner = await createUser({ label: 'eigenaar' });
		await owner.client
			.from('profile_contacts')
			.update({ phone: '06 1111 2222' })
			.eq('profile_id', owner.id);
		const other = await createUser({ label: 'ander' });
		for (const client of [other.client, anonClient()]) {
			const attempt = await client
				.from('profile_contacts')
				.update({ phone: '06 9999 9999' })
				.eq('profile_id', owner.id)
				.select('profile_id');
			expect(attempt.data ?? []).toEqual([]);
		}
		// Moving one's own row onto someone else is refused by the policy's WITH CHECK.
		const hijack = await other.client
			.from('profile_contacts')
			.update({ profile_id: owner.id })
			.eq('profile_id', other.id);
		expect(hijack.error).not.toBeNull();
		const [stored] = await sql<{ phone: string }>(
			`select phone from public.profile_contacts where profile_id = '${owner.id}'`
		);
		expect(stored?.phone).toBe('06 1111 2222');
	});

	it('nobody inserts or deletes contact rows through the API', async () => {
		const owner = await createUser({ label: 'eigenaar' });
		const other = await createUser({ label: 'ander' });
		const removed = await other.client
			.from('profile_contacts')
			.delete()
			.eq('profile_id', owner.id)
			.select('profile_id');
		expect(removed.data ?? []).toEqual([]);
		const ownDelete = await owner.client
			.from('profile_contacts')
			.delete()
			.eq('profile_id', owner.id)
			.select('profile_id');
		expect(ownDelete.data ?? []).toEqual([]);
		const inserted = await anonClient()
			.from('profile_contacts')
			.insert({ profile_id: owner.id, phone: '06 1234 0000' });
		expect(inserted.error).not.toBeNull();
		const [count] = await sql<{ n: number }>(
			`select count(*)::int as n from public.profile_contacts where profile_id = '${owner.id}'`
		);
		expect(count?.n).toBe(1);
	});
});

describe('profiles', () => {
	it('a person updates their own profile but not someone else’s', async () => {
		const owner = await createUser({ label: 'eigenaar', displayName: 'Olga Eigenaar' });
		const other = await createUser({ label: 'ander' });
		const own = await owner.client
			.from('profiles')
			.update({ display_name: 'Olga E.' })
			.eq('id', owner.id)
			.select('display_name');
		expect(own.data).toEqual([{ display_name: 'Olga E.' }]);
		for (const client of [other.client, anonClient()]) {
			const attempt = await client
				.from('profiles')
				.update({ display_name: 'Gehackt' })
				.eq('id', owner.id)
				.select('id');
			expect(attempt.data ?? []).toEqual([]);
			const removed = await client.from('profiles').delete().eq('id', owner.id).select('id');
			expect(removed.data ?? []).toEqual([]);
		}
		const [stored] = await sql<{ display_name: string }>(
			`select display_name from public.profiles where id = '${owner.id}'`
		);
		expect(stored?.display_name).toBe('Olga E.');
	});

	it('signed-in people see names in their own municipality; anonymous visitors see none', async () => {
		const a = await createUser({ label: 'a', displayName: 'Anna Zaandam' });
		const b = await createUser({ label: 'b' });
		const seen = await b.client.from('profiles').select('display_name').eq('id', a.id);
		expect(seen.data).toEqual([{ display_name: 'Anna Zaandam' }]);
		const anon = await anonClient().from('profiles').select('id').eq('id', a.id);
		expect(anon.data ?? []).toEqual([]);
	});

	it('people of another municipality are not visible', async () => {
		const { municipalityId } = await otherMunicipality();
		const outsider = await createUser({ label: 'elders' });
		await sql(
			`update public.profiles set municipality_id = '${municipalityId}' where id = '${outsider.id}'`
		);
		const local = await createUser({ label: 'lokaal' });
		const seenByLocal = await local.client.from('profiles').select('id').eq('id', outsider.id);
		expect(seenByLocal.data ?? []).toEqual([]);
		const seenByOutsider = await outsider.client.from('profiles').select('id').eq('id', local.id);
		expect(seenByOutsider.data ?? []).toEqual([]);
		const self = await outsider.client.from('profiles').select('id').eq('id', outsider.id);
		expect(self.data).toEqual([{ id: outsider.id }]);
	});

	it('a person cannot move themselves into another municipality', async () => {
		const { municipalityId, districtId } = await otherMunicipality();
		const user = await createUser({ label: 'verhuizer' });
		const moved = await user.client
			.from('profiles')
			.update({ municipality_id: municipalityId })
			.eq('id', user.id)
			.select('municipality_id');
		expect(moved.data ?? []).toEqual([]);
		const foreignDistrict = await user.client
			.from('profiles')
			.update({ district_id: districtId })
			.eq('id', user.id)
			.select('district_id');
		expect(foreignDistrict.data ?? []).toEqual([]);
		const [stored] = await sql<{ municipality_id: string; district_id: string | null }>(
			`select municipality_id, district_id from public.profiles where id = '${user.id}'`
		);
		expect(stored).toEqual({ municipality_id: ZAANSTAD_ID, district_id: null });
		// Choosing a wijk of their own municipality still works.
		const [own] = await sql<{ id: string }>(
			`select id from public.districts where municipality_id = '${ZAANSTAD_ID}' limit 1`
		);
		const ok = await user.client
			.from('profiles')
			.update({ district_id: own?.id })
			.eq('id', user.id)
			.select('district_id');
		expect(ok.data).toEqual([{ district_id: own?.id }]);
	});
});

describe('memberships and has_role', () => {
	it('a normal person cannot grant themselves a role', async () => {
		const user = await createUser({ label: 'streber' });
		const insert = await user.client.from('memberships').insert({
			user_id: user.id,
			municipality_id: ZAANSTAD_ID,
			role: 'municipality_admin',
			granted_by: user.id
		});
		expect(insert.error).not.toBeNull();
		const viaRpc = await user.client.rpc('grant_role_by_email', {
			p_email: user.email,
			p_role: 'coordinator'
		});
		expect(viaRpc.error?.message).toBe('forbidden');
		const isAdmin = await user.client.rpc('has_role', { p_role: 'municipality_admin' });
		expect(isAdmin.data).toBe(false);
		const [count] = await sql<{ n: number }>(
			`select count(*)::int as n from public.memberships where user_id = '${user.id}'`
		);
		expect(count?.n).toBe(0);
	});

	it('a coordinator cannot grant roles or edit their own membership', async () => {
		const coordinator = await createUser({ label: 'coord' });
		await grantRole(coordinator.id, 'coordinator');
		const other = await createUser({ label: 'ander' });
		const insert = await coordinator.client.from('memberships').insert({
			user_id: other.id,
			municipality_id: ZAANSTAD_ID,
			role: 'coordinator',
			granted_by: coordinator.id
		});
		expect(insert.error).not.toBeNull();
		const promote = await coordinator.client
			.from('memberships')
			.update({ role: 'municipality_admin' })
			.eq('user_id', coordinator.id)
			.select('role');
		expect(promote.data ?? []).toEqual([]);
		const isAdmin = await coordinator.client.rpc('has_role', { p_role: 'municipality_admin' });
		expect(isAdmin.data).toBe(false);
		const isCoordinator = await coordinator.client.rpc('has_role', { p_role: 'coordinator' });
		expect(isCoordinator.data).toBe(true);
	});

	it('people see their own memberships only; anonymous visitors none', async () => {
		const a = await createUser({ label: 'a' });
		const b = await createUser({ label: 'b' });
		await grantRole(a.id, 'coordinator');
		await grantRole(b.id, 'caseworker');
		const own = await a.client.from('memberships').select('user_id, role');
		expect(own.data).toEqual([{ user_id: a.id, role: 'coordinator' }]);
		const others = await a.client.from('memberships').select('id').eq('user_id', b.id);
		expect(others.data ?? []).toEqual([]);
		const anon = await anonClient().from('memberships').select('id').eq('user_id', a.id);
		expect(anon.data ?? []).toEqual([]);
	});

	it('sign-up metadata cannot make someone an admin', async () => {
		const email = uniqueEmail('nepadmin');
		const client = anonClient();
		const signUp = await client.auth.signUp({
			email,
			password: TEST_PASSWORD,
			options: {
				data: {
					display_name: 'Nep Admin',
					role: 'municipality_admin',
					roles: ['municipality_admin']
				}
			}
		});
		expect(signUp.error).toBeNull();
		const userId = signUp.data.user?.id as string;
		await sql(`update auth.users set email_confirmed_at = now() where id = '${userId}'`);
		await client.auth.signInWithPassword({ email, password: TEST_PASSWORD });
		// Metadata the person can also change later, through updateUser.
		await client.auth.updateUser({ data: { role: 'municipality_admin', is_admin: true } });
		const isAdmin = await client.rpc('has_role', { p_role: 'municipality_admin' });
		expect(isAdmin.error).toBeNull();
		expect(isAdmin.data).toBe(false);
		const page = await client.rpc('role_admin_page');
		expect(page.error?.message).toBe('forbidden');
		const lookup = await client.rpc('find_person_by_email', { p_email: email });
		expect(lookup.data ?? []).toEqual([]);
		const viewer = await client.rpc('current_viewer');
		expect(viewer.data).toMatchObject({ display_name: 'Nep Admin', roles: [] });
	});

	it('a municipality admin grants and revokes a role, and sees the municipality’s memberships', async () => {
		const admin = await createUser({ label: 'beheerder' });
		await grantRole(admin.id, 'municipality_admin');
		const person = await createUser({ label: 'nieuwe-coord' });
		const centreId = await aCommunityCentreId();

		const granted = await admin.client.rpc('grant_role_by_email', {
			p_email: person.email.toUpperCase(),
			p_role: 'coordinator'
		});
		expect(granted.error).toBeNull();
		const board = await admin.client.rpc('grant_role_by_email', {
			p_email: person.email,
			p_role: 'board_member',
			p_community_centre_id: centreId
		});
		expect(board.error).toBeNull();
		expect((await person.client.rpc('has_role', { p_role: 'coordinator' })).data).toBe(true);
		expect(
			(
				await person.client.rpc('has_role', {
					p_role: 'board_member',
					p_municipality_id: ZAANSTAD_ID,
					p_scope_id: centreId
				})
			).data
		).toBe(true);

		const visible = await admin.client
			.from('memberships')
			.select('role, granted_by')
			.eq('user_id', person.id)
			.order('role');
		expect(visible.data).toEqual([
			{ role: 'board_member', granted_by: admin.id },
			{ role: 'coordinator', granted_by: admin.id }
		]);

		const revoked = await admin.client.rpc('revoke_role', {
			p_membership_id: granted.data as string
		});
		expect(revoked.error).toBeNull();
		expect((await person.client.rpc('has_role', { p_role: 'coordinator' })).data).toBe(false);

		// A direct insert through the API is allowed for an admin too, but only recorded as theirs.
		const spoofed = await admin.client.from('memberships').insert({
			user_id: person.id,
			municipality_id: ZAANSTAD_ID,
			role: 'caseworker',
			granted_by: person.id
		});
		expect(spoofed.error).not.toBeNull();
		const direct = await admin.client.from('memberships').insert({
			user_id: person.id,
			municipality_id: ZAANSTAD_ID,
			role: 'caseworker',
			granted_by: admin.id
		});
		expect(direct.error).toBeNull();
	});

	it('the revoked person or another person cannot revoke roles', async () => {
		const admin = await createUser({ label: 'beheerder' });
		await grantRole(admin.id, 'municipality_admin');
		const coordinator = await createUser({ label: 'coord' });
		await grantRole(coordinator.id, 'coordinator');
		const [adminMembership] = await sql<{ id: string }>(
			`select id from public.memberships where user_id = '${admin.id}'`
		);
		const attempt = await coordinator.client
			.from('memberships')
			.delete()
			.eq('user_id', admin.id)
			.select('id');
		expect(attempt.data ?? []).toEqual([]);
		const viaRpc = await coordinator.client.rpc('revoke_role', {
			p_membership_id: adminMembership?.id as string
		});
		expect(viaRpc.error).not.toBeNull();
		// And an admin cannot lock the municipality out by revoking their own admin role.
		const self = await admin.client.rpc('revoke_role', {
			p_membership_id: adminMembership?.id as string
		});
		expect(self.error?.message).toBe('cannot_revoke_own_admin');
		expect((await admin.client.rpc('has_role', { p_role: 'municipality_admin' })).data).toBe(true);
	});

	it('an admin of another municipality cannot grant or see roles in Zaanstad', async () => {
		const { municipalityId } = await otherMunicipality();
		const foreignAdmin = await createUser({ label: 'ander-beheer' });
		await sql(
			`update public.profiles set municipality_id = '${municipalityId}' where id = '${foreignAdmin.id}';
			 insert into public.memberships (user_id, municipality_id, role)
			 values ('${foreignAdmin.id}', '${municipalityId}', 'municipality_admin')`
		);
		const local = await createUser({ label: 'zaankanter' });
		await grantRole(local.id, 'coordinator');
		const insert = await foreignAdmin.client.from('memberships').insert({
			user_id: local.id,
			municipality_id: ZAANSTAD_ID,
			role: 'caseworker',
			granted_by: foreignAdmin.id
		});
		expect(insert.error).not.toBeNull();
		const seen = await foreignAdmin.client.from('memberships').select('id').eq('user_id', local.id);
		expect(seen.data ?? []).toEqual([]);
		const lookup = await foreignAdmin.client.rpc('find_person_by_email', { p_email: local.email });
		expect(lookup.data ?? []).toEqual([]);
		const viaRpc = await foreignAdmin.client.rpc('grant_role_by_email', {
			p_email: local.email,
			p_role: 'caseworker'
		});
		// lite prefixes some raised messages with "error: " (README, Known differences).
		expect(viaRpc.error?.message).toMatch(/(^|: )person_not_found$/);
	});
});

describe('find_person_by_email', () => {
	it('finds a person for an admin only', async () => {
		const admin = await createUser({ label: 'beheerder' });
		await grantRole(admin.id, 'municipality_admin');
		const person = await createUser({ label: 'gezocht', displayName: 'Greta Gezocht' });
		const found = await admin.client.rpc('find_person_by_email', { p_email: ` ${person.email} ` });
		expect(found.error).toBeNull();
		expect(found.data).toEqual([
			{ id: person.id, display_name: 'Greta Gezocht', municipality_id: ZAANSTAD_ID }
		]);

		const coordinator = await createUser({ label: 'coord' });
		await grantRole(coordinator.id, 'coordinator');
		for (const client of [coordinator.client, (await createUser({ label: 'inwoner' })).client]) {
			const result = await client.rpc('find_person_by_email', { p_email: person.email });
			expect(result.data ?? []).toEqual([]);
		}
		const anon = await anonClient().rpc('find_person_by_email', { p_email: person.email });
		expect(anon.data ?? []).toEqual([]);
		expect(anon.error).not.toBeNull();
	});
});

describe('reference data: municipalities, districts, community_centres', () => {
	it('everyone reads them', async () => {
		for (const client of [anonClient(), (await createUser({ label: 'lezer' })).client]) {
			const m = await client.from('municipalities').select('slug').eq('id', ZAANSTAD_ID);
			expect(m.data).toEqual([{ slug: 'zaanstad' }]);
			const d = await client.from('districts').select('id').eq('municipality_id', ZAANSTAD_ID);
			expect(d.data?.length).toBe(11);
			const c = await client
				.from('community_centres')
				.select('id')
				.eq('municipality_id', ZAANSTAD_ID);
			expect(c.data?.length).toBe(19);
		}
	});

	it('anonymous visitors and normal people cannot change them', async () => {
		const user = await createUser({ label: 'inwoner' });
		const centreId = await aCommunityCentreId();
		for (const client of [anonClient(), user.client]) {
			const newTown = await client
				.from('municipalities')
				.insert({ slug: `nep-${randomUUID().slice(0, 6)}`, name: 'Nepgemeente' });
			expect(newTown.error).not.toBeNull();
			const renamed = await client
				.from('municipalities')
				.update({ name: 'Gehackt' })
				.eq('id', ZAANSTAD_ID)
				.select('id');
			expect(renamed.data ?? []).toEqual([]);
			const district = await client.from('districts').insert({
				municipality_id: ZAANSTAD_ID,
				slug: `nep-${randomUUID().slice(0, 6)}`,
				name: 'Nepwijk',
				latitude: 52.4,
				longitude: 4.8
			});
			expect(district.error).not.toBeNull();
			const movedDistricts = await client
				.from('districts')
				.update({ name: 'Gehackt' })
				.eq('municipality_id', ZAANSTAD_ID)
				.select('id');
			expect(movedDistricts.data ?? []).toEqual([]);
			const deletedDistricts = await client
				.from('districts')
				.delete()
				.eq('municipality_id', ZAANSTAD_ID)
				.select('id');
			expect(deletedDistricts.data ?? []).toEqual([]);
			const centre = await client
				.from('community_centres')
				.update({ phone: '0800 123 4567' })
				.eq('id', centreId)
				.select('id');
			expect(centre.data ?? []).toEqual([]);
			const deletedCentre = await client
				.from('community_centres')
				.delete()
				.eq('id', centreId)
				.select('id');
			expect(deletedCentre.data ?? []).toEqual([]);
		}
		const [counts] = await sql<{ d: number; c: number; name: string }>(
			`select (select count(*)::int from public.districts where municipality_id = '${ZAANSTAD_ID}') as d,
				(select count(*)::int from public.community_centres where municipality_id = '${ZAANSTAD_ID}') as c,
				(select name from public.municipalities where id = '${ZAANSTAD_ID}') as name`
		);
		expect(counts).toEqual({ d: 11, c: 19, name: 'Zaanstad' });
	});

	it('a board member updates their own buurthuis only; an admin any in the municipality', async () => {
		const [first, second] = await sql<{ id: string }>(
			`select id from public.community_centres where municipality_id = '${ZAANSTAD_ID}' order by name limit 2`
		);
		const board = await createUser({ label: 'bestuur' });
		await grantRole(board.id, 'board_member', { communityCentreId: first?.id });
		const own = await board.client
			.from('community_centres')
			.update({ accessibility: 'Rolstoeltoegankelijk' })
			.eq('id', first?.id as string)
			.select('id');
		expect(own.data).toEqual([{ id: first?.id }]);
		const notOwn = await board.client
			.from('community_centres')
			.update({ accessibility: 'Gehackt' })
			.eq('id', second?.id as string)
			.select('id');
		expect(notOwn.data ?? []).toEqual([]);
		const admin = await createUser({ label: 'beheerder' });
		await grantRole(admin.id, 'municipality_admin');
		const byAdmin = await admin.client
			.from('community_centres')
			.update({ accessibility: 'Lift aanwezig' })
			.eq('id', second?.id as string)
			.select('id');
		expect(byAdmin.data).toEqual([{ id: second?.id }]);
	});
});
