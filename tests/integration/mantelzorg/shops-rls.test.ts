// Shops: sign-up, approval, staff, the public list, and who may see what. A pending shop and the
// bank details are invisible to strangers and anonymous visitors; only the owner adds staff.
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createUser, sql, type TestUser } from '../../support/factories.ts';
import {
	createShop,
	createStaff,
	districtIdOf,
	shopAdmin,
	shopInput,
	type TestShop
} from '../../support/mantelzorg-shop-factories.ts';

let approved: TestShop;
let pending: TestShop;
let stranger: TestUser;
let staff: TestUser;

beforeAll(async () => {
	approved = await createShop({ input: { p_name: 'Bloemen Goedgekeurd' } });
	pending = await createShop({ approved: false, input: { p_name: 'Boeken Wachtend' } });
	stranger = await createUser({ label: 'vreemde' });
	staff = await createStaff(approved);
});

describe('shops', () => {
	it('the public list shows approved shops only, filtered by wijk and category', async () => {
		const anon = anonClient();
		const ids = async (args: Record<string, string>) => {
			const { data, error } = await anon.rpc('approved_shops', args);
			if (error) throw error;
			return (data as { shops: { id: string }[] }).shops.map((s) => s.id);
		};
		const all = await ids({});
		expect(all).toContain(approved.id);
		expect(all).not.toContain(pending.id);
		expect(await ids({ p_district_id: await districtIdOf('wormerveer') })).toContain(approved.id);
		expect(await ids({ p_district_id: await districtIdOf('krommenie') })).not.toContain(
			approved.id
		);
		expect(await ids({ p_category: 'flowers_garden' })).not.toContain(approved.id);
		expect(await ids({ p_category: 'bakery_butcher' })).toContain(approved.id);
		const { data } = await anon.rpc('approved_shops', {});
		expect((data as { districts: unknown[] }).districts).toHaveLength(11);
	});

	it('strangers and anonymous visitors see no pending shop and no bank details', async () => {
		for (const client of [anonClient(), stranger.client, staff.client]) {
			const { data } = await client.from('shops').select('id').eq('id', pending.id);
			expect(data ?? []).toEqual([]);
			const { data: details } = await client.from('shop_private_details').select('iban');
			expect(details ?? []).toEqual([]);
		}
		// Positive controls: the owner and the admin read them.
		const own = await pending.owner.client
			.from('shop_private_details')
			.select('iban')
			.eq('shop_id', pending.id);
		expect(own.data).toEqual([{ iban: 'NL91ABNA0417164300' }]);
		const admin = await shopAdmin();
		const seen = await admin.client
			.from('shop_private_details')
			.select('shop_id')
			.eq('shop_id', pending.id);
		expect(seen.data).toHaveLength(1);
	});

	it('nobody changes a shop or approves one directly through the API', async () => {
		for (const client of [approved.owner.client, stranger.client, anonClient()]) {
			await client
				.from('shops')
				.update({ status: 'approved', name: 'Gekaapt' })
				.eq('id', pending.id);
			await client
				.from('shop_private_details')
				.update({ iban: 'NL02ABNA0123456789' })
				.eq('shop_id', approved.id);
			await client.from('shops').delete().eq('id', approved.id);
		}
		const [row] = await sql<{ status: string; name: string; iban: string }>(
			`select s.status, s.name, d.iban from public.shops s join public.shop_private_details d on d.shop_id = s.id where s.id = '${pending.id}'`
		);
		expect(row).toMatchObject({
			status: 'pending',
			name: 'Boeken Wachtend',
			iban: 'NL91ABNA0417164300'
		});
		const refused = await pending.owner.client.rpc('decide_shop', {
			p_shop_id: pending.id,
			p_status: 'approved'
		});
		expect(refused.error?.message).toMatch(/shop_not_found/);
	});

	it('only the owner invites staff; staff and strangers cannot, and a KvK number signs up once', async () => {
		const newcomer = await createUser({ label: 'nieuw' });
		const byStaff = await staff.client.rpc('invite_shop_staff', {
			p_shop_id: approved.id,
			p_email: newcomer.email
		});
		expect(byStaff.error?.message).toMatch(/forbidden/);
		const byStranger = await stranger.client.rpc('invite_shop_staff', {
			p_shop_id: approved.id,
			p_email: stranger.email
		});
		expect(byStranger.error?.message).toMatch(/forbidden/);
		const page = await approved.owner.client.rpc('shop_staff_page', { p_shop_id: approved.id });
		const names = (page.data as { staff: { user_id: string; is_owner: boolean }[] }).staff;
		expect(names.map((s) => s.user_id).sort()).toEqual([approved.owner.id, staff.id].sort());
		expect(
			(await staff.client.rpc('shop_staff_page', { p_shop_id: approved.id })).error
		).not.toBeNull();
		const [kvk] = await sql<{ kvk_number: string }>(
			`select kvk_number from public.shops where id = '${approved.id}'`
		);
		const again = await stranger.client.rpc(
			'register_shop',
			await shopInput({ p_kvk_number: kvk?.kvk_number })
		);
		expect(again.error?.message).toMatch(/kvk_already_registered/);
	});

	it('the owner removes a staff member, who then sees the shop no longer', async () => {
		const extra = await createStaff(approved);
		const [m] = await sql<{ id: string }>(
			`select id from public.memberships where user_id = '${extra.id}' and shop_id = '${approved.id}'`
		);
		expect(
			(await stranger.client.rpc('remove_shop_staff', { p_membership_id: m?.id as string })).error
		).not.toBeNull();
		expect(
			(await approved.owner.client.rpc('remove_shop_staff', { p_membership_id: m?.id as string }))
				.error
		).toBeNull();
		const left = await sql(`select 1 from public.memberships where id = '${m?.id}'`);
		expect(left).toEqual([]);
	});

	it('the admin page lists pending shops first; others get refused', async () => {
		const admin = await shopAdmin();
		const { data } = await admin.client.rpc('shop_admin_page');
		const list = data as { id: string; status: string }[];
		expect(list.find((s) => s.id === pending.id)?.status).toBe('pending');
		expect((await stranger.client.rpc('shop_admin_page')).error).not.toBeNull();
	});
});
