// Issue 16.8: shop staff are invited, not added. The owner's answer is the same for every address,
// the address gets a mail, and only the invited account, signed in, makes itself staff by
// accepting. Only an approved shop invites.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { deliverAll, mailsTo } from '../../support/background.ts';
import {
	anonClient,
	createUser,
	sql,
	uniqueEmail,
	type TestUser
} from '../../support/factories.ts';
import {
	createShop,
	createStaff,
	inviteStaff,
	type TestShop
} from '../../support/mantelzorg-shop-factories.ts';

let shop: TestShop;
let invitee: TestUser;

const staffIds = async (s: TestShop) => {
	const page = await s.owner.client.rpc('shop_staff_page', { p_shop_id: s.id });
	if (page.error) throw page.error;
	return (page.data as { staff: { user_id: string }[] }).staff.map((m) => m.user_id);
};

/** The owner's call through the Data API, as an attacker would make it. */
async function inviteRaw(owner: TestUser, shopId: string, email: string) {
	const { data } = await owner.client.auth.getSession();
	const res = await fetch(`${inject('supabaseUrl')}/rest/v1/rpc/invite_shop_staff`, {
		method: 'POST',
		headers: {
			apikey: inject('publishableKey'),
			authorization: `Bearer ${data.session?.access_token}`,
			'content-type': 'application/json'
		},
		body: JSON.stringify({ p_shop_id: shopId, p_email: email })
	});
	const body = (await res.json()) as unknown;
	return { status: res.status, shape: typeof body === 'string' ? 'uuid' : JSON.stringify(body) };
}

beforeAll(async () => {
	shop = await createShop({ input: { p_name: 'Uitnodigingswinkel' } });
	invitee = await createUser({ label: 'uitgenodigd' });
});

describe('inviting shop staff', () => {
	it('answers the same for an address with and without an account, and makes nobody staff', async () => {
		const known = await inviteRaw(shop.owner, shop.id, invitee.email);
		const unknown = await inviteRaw(shop.owner, shop.id, uniqueEmail('niemand'));
		expect(known).toEqual({ status: 200, shape: 'uuid' });
		expect(unknown).toEqual(known);
		expect(await staffIds(shop)).toEqual([shop.owner.id]);
		// Nothing about the invitee reaches the owner: no name, no account id.
		const page = await shop.owner.client.rpc('shop_staff_page', { p_shop_id: shop.id });
		expect(JSON.stringify(page.data)).not.toContain(invitee.id);
		const [role] = await sql<{ n: number }>(
			`select count(*)::int as n from public.memberships where user_id = '${invitee.id}'`
		);
		expect(role?.n).toBe(0);
	});

	it('mails the address, also one without an account, with a link to accept', async () => {
		const address = uniqueEmail('nog-geen-account');
		const id = await inviteStaff(shop, address);
		await deliverAll();
		const [mail] = await mailsTo(address);
		expect(mail?.subject).toBe('Uitnodiging: cheques aannemen bij Uitnodigingswinkel');
		expect(mail?.text).toContain(`/mantelzorg/winkel-uitnodiging/${id}`);
	});

	it('only the invited account, signed in, becomes staff by accepting', async () => {
		const id = await inviteStaff(shop, invitee.email.toUpperCase());
		const other = await createUser({ label: 'ander' });
		for (const client of [other.client, shop.owner.client]) {
			expect((await client.rpc('shop_invitation_page', { p_invitation_id: id })).data).toBeNull();
			const taken = await client.rpc('accept_shop_invitation', { p_invitation_id: id });
			expect(taken.error?.message).toMatch(/invitation_not_found/);
		}
		const anon = await anonClient().rpc('accept_shop_invitation', { p_invitation_id: id });
		expect(anon.error).not.toBeNull();
		expect(await staffIds(shop)).not.toContain(other.id);

		const seen = await invitee.client.rpc('shop_invitation_page', { p_invitation_id: id });
		expect(seen.data).toMatchObject({ shop_name: 'Uitnodigingswinkel', status: 'open' });
		const accepted = await invitee.client.rpc('accept_shop_invitation', { p_invitation_id: id });
		expect(accepted.error).toBeNull();
		expect(accepted.data).toBe(shop.id);
		expect(await staffIds(shop)).toContain(invitee.id);
		// Accepting twice is harmless.
		expect((await invitee.client.rpc('accept_shop_invitation', { p_invitation_id: id })).data).toBe(
			shop.id
		);
	});

	it('a pending shop cannot invite, and staff and strangers cannot invite for a shop', async () => {
		const pending = await createShop({
			approved: false,
			input: { p_name: 'Nog niet goedgekeurd' }
		});
		const refused = await pending.owner.client.rpc('invite_shop_staff', {
			p_shop_id: pending.id,
			p_email: invitee.email
		});
		expect(refused.error?.message).toMatch(/shop_not_approved/);
		const staff = await createStaff(shop);
		const byStaff = await staff.client.rpc('invite_shop_staff', {
			p_shop_id: shop.id,
			p_email: uniqueEmail('x')
		});
		expect(byStaff.error?.message).toMatch(/forbidden/);
	});

	it('an expired or withdrawn invitation cannot be accepted', async () => {
		const late = await createUser({ label: 'te-laat' });
		const expired = await inviteStaff(shop, late.email);
		await sql(
			`update public.shop_staff_invitations set expires_at = now() - interval '1 day' where id = '${expired}'`
		);
		const tooLate = await late.client.rpc('accept_shop_invitation', { p_invitation_id: expired });
		expect(tooLate.error?.message).toMatch(/invitation_expired/);

		// Inviting the address again renews the same invitation.
		const again = await inviteStaff(shop, late.email);
		expect(again).toBe(expired);
		const withdrawn = await shop.owner.client.rpc('withdraw_shop_invitation', {
			p_invitation_id: again
		});
		expect(withdrawn.error).toBeNull();
		const afterWithdraw = await late.client.rpc('accept_shop_invitation', {
			p_invitation_id: again
		});
		expect(afterWithdraw.error?.message).toMatch(/invitation_not_found/);
		expect(await staffIds(shop)).not.toContain(late.id);
		// Someone else's shop cannot withdraw it (nothing to find).
		const stranger = await createUser({ label: 'vreemd' });
		const notTheirs = await stranger.client.rpc('withdraw_shop_invitation', {
			p_invitation_id: randomUUID()
		});
		expect(notTheirs.error?.message).toMatch(/invitation_not_found/);
	});
});
