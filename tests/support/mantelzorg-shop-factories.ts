// Test factories for Mantelzorgwaardering's shops: a signed-up shop (through register_shop, as the
// owner), approved by a municipality admin when asked.
import { randomInt } from 'node:crypto';
import { createUser, grantRole, sql, ZAANSTAD_ID, type TestUser } from './factories.ts';
import { expect } from 'vitest';
import { provided } from './target.ts';

export const uniqueKvk = () => String(randomInt(10_000_000, 99_999_999));

export interface TestShop {
	id: string;
	owner: TestUser;
}

// One of each per test file and harness. The integration files share one module graph, so the
// key names both: the file (a file's admins never carry another file's rate limits or session
// age) and the API's address (the backup drill fills a harness of its own).
const admins = new Map<string, Promise<TestUser>>();

function adminOf(key: string, label: string): Promise<TestUser> {
	const cacheKey = `${expect.getState().testPath} ${provided('supabaseUrl')} ${key}`;
	let admin = admins.get(cacheKey);
	if (!admin) {
		admin = (async () => {
			const user = await createUser({ label });
			await grantRole(user.id, 'municipality_admin');
			return user;
		})();
		admins.set(cacheKey, admin);
	}
	return admin;
}

/** One municipality admin per test file, created on first use (shared by parallel callers). */
export const shopAdmin = (): Promise<TestUser> => adminOf('first', 'beheerder');

/** A second municipality admin per test file: approves what shopAdmin() made (four eyes). */
export const secondAdmin = (): Promise<TestUser> => adminOf('second', 'beheerder-2');

export async function districtIdOf(slug: string): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`select id from public.districts where slug = '${slug}' and municipality_id = '${ZAANSTAD_ID}'`
	);
	return row?.id as string;
}

export const shopInput = async (overrides: Record<string, unknown> = {}) => ({
	p_name: 'Bakkerij Test',
	p_kvk_number: uniqueKvk(),
	p_street_address: 'Zaanweg 1',
	p_postcode: '1521 AA',
	p_city: 'Wormerveer',
	p_district_id: await districtIdOf('wormerveer'),
	p_category: 'bakery_butcher',
	p_description: 'Brood en banket.',
	p_iban: 'NL91ABNA0417164300',
	p_account_holder: 'Bakkerij Test B.V.',
	p_contact_name: 'Bea Bakker',
	p_contact_email: 'bea@example.org',
	p_contact_phone: '075 123 4567',
	...overrides
});

export async function createShop(
	opts: { approved?: boolean; owner?: TestUser; input?: Record<string, unknown> } = {}
): Promise<TestShop> {
	const owner = opts.owner ?? (await createUser({ label: 'winkeleigenaar' }));
	const { data, error } = await owner.client.rpc('register_shop', await shopInput(opts.input));
	if (error) throw new Error(`register_shop: ${error.message}`);
	const id = data as string;
	if (opts.approved !== false) {
		const { error: decideError } = await (
			await shopAdmin()
		).client.rpc('decide_shop', {
			p_shop_id: id,
			p_status: 'approved'
		});
		if (decideError) throw new Error(`decide_shop: ${decideError.message}`);
	}
	return { id, owner };
}

/** The owner invites the address; the id of the invitation. */
export async function inviteStaff(shop: TestShop, email: string): Promise<string> {
	const { data, error } = await shop.owner.client.rpc('invite_shop_staff', {
		p_shop_id: shop.id,
		p_email: email
	});
	if (error) throw new Error(`invite_shop_staff: ${error.message}`);
	return data as string;
}

/** A new account that the owner invites and that accepts: staff of the shop. */
export async function createStaff(shop: TestShop): Promise<TestUser> {
	const staff = await createUser({ label: 'winkelmedewerker' });
	const invitation = await inviteStaff(shop, staff.email);
	const { error } = await staff.client.rpc('accept_shop_invitation', {
		p_invitation_id: invitation
	});
	if (error) throw new Error(`accept_shop_invitation: ${error.message}`);
	return staff;
}
