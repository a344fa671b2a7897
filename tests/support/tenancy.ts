// A second municipality for the isolation tests: its own wijken, buurthuis and shop, and one
// account per role there, so every role of "the other municipality" can be tried against the
// rows of the first (Zaanstad's test scenario).
import { createMunicipality, personIn, type TestMunicipality } from './mantelzorg-factories.ts';
import { sql, type TestUser } from './factories.ts';

export const OTHER_ROLES = [
	'resident',
	'municipality_admin',
	'coordinator',
	'caseworker',
	'shop_staff',
	'board_member'
] as const;
export type OtherRole = (typeof OTHER_ROLES)[number];

export interface OtherMunicipality extends TestMunicipality {
	centreId: string;
	shopId: string;
	people: Record<OtherRole, TestUser>;
}

/** Gives a host name to the municipality (as the operator would). */
export async function addHost(municipalityId: string, host: string, position = 0) {
	await sql(
		`insert into public.municipality_hosts (host, municipality_id, position)
		 values ('${host}', '${municipalityId}', ${position})`
	);
}

export async function otherMunicipality(): Promise<OtherMunicipality> {
	const m = await createMunicipality();
	await addHost(m.id, `${m.slug}.localhost`);
	const [centre] = await sql<{ id: string }>(
		`insert into public.community_centres (municipality_id, district_id, slug, name, street_address, postcode, city, latitude, longitude)
		 values ('${m.id}', '${m.north}', 'het-andere-huis', 'Het Andere Huis (test)', 'Dorpsstraat 1', '1561 AA', 'Ergens', 52.46, 4.8)
		 returning id`
	);
	const people = {} as Record<OtherRole, TestUser>;
	for (const role of OTHER_ROLES) {
		people[role] = await personIn(
			m.id,
			`ander-${role}`,
			role === 'resident' || role === 'shop_staff' || role === 'board_member' ? undefined : role,
			role === 'caseworker' ? [m.north, m.south] : []
		);
	}
	const [shop] = await sql<{ id: string }>(
		`insert into public.shops (municipality_id, name, kvk_number, street_address, postcode, city, district_id, category, status, owner_user_id, decided_at)
		 values ('${m.id}', 'Winkel elders (test)', '${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}', 'Dorpsstraat 2', '1561 AB', 'Ergens', '${m.north}', 'bakery_butcher', 'approved', '${people.shop_staff.id}', now())
		 returning id`
	);
	await sql(
		`insert into public.memberships (user_id, municipality_id, role, shop_id) values ('${people.shop_staff.id}', '${m.id}', 'shop_staff', '${shop?.id}');
		 insert into public.memberships (user_id, municipality_id, role, community_centre_id) values ('${people.board_member.id}', '${m.id}', 'board_member', '${centre?.id}')`
	);
	return { ...m, centreId: centre?.id as string, shopId: shop?.id as string, people };
}
