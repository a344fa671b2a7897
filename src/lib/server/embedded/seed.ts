// Seeds a fresh database: supabase/seed.sql, then one demo account per role, created through the
// sign-up API like any resident would be. Maintenance code: it writes as the database owner.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lite } from './lite.ts';
import { seedMunicipalityFolder } from './seed-areas.ts';

export const DEMO_PASSWORD = 'Buurtkracht-demo-2026';
/** The demo shop (supabase/seed.sql); winkel@ is its owner and staff. */
export const DEMO_SHOP_ID = '00000000-0000-4000-8000-00000000a001';

export interface DemoAccount {
	email: string;
	displayName: string;
	role:
		| 'municipality_admin'
		| 'coordinator'
		| 'caseworker'
		| 'shop_staff'
		| 'board_member'
		| 'privacy_officer'
		| null;
	description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{
		email: 'beheer@buurtkracht.example',
		displayName: 'Bea Beheer',
		role: 'municipality_admin',
		description: 'gemeentelijk beheerder (rollen toekennen)'
	},
	{
		email: 'financien@buurtkracht.example',
		displayName: 'Fien Financiën',
		role: 'municipality_admin',
		description: 'tweede beheerder: keurt de uitbetalingen van beheer@ goed (vier ogen)'
	},
	{
		email: 'coordinator@buurtkracht.example',
		displayName: 'Cor Coördinator',
		role: 'coordinator',
		description: 'buurtcoördinator'
	},
	{
		email: 'consulent@buurtkracht.example',
		displayName: 'Kim Consulent',
		role: 'caseworker',
		description: 'consulent sociaal wijkteam'
	},
	{
		email: 'consulent2@buurtkracht.example',
		displayName: 'Koen Consulent',
		role: 'caseworker',
		description: 'tweede consulent in dezelfde wijken: keurt goed wat consulent@ invoerde'
	},
	{
		email: 'winkel@buurtkracht.example',
		displayName: 'Wim Winkel',
		role: 'shop_staff',
		description: 'winkelmedewerker'
	},
	{
		email: 'bestuur@buurtkracht.example',
		displayName: 'Bep Bestuur',
		role: 'board_member',
		description: 'bestuurslid van Buurthuis De Lorzie'
	},
	{
		email: 'inwoner@buurtkracht.example',
		displayName: 'Ina Inwoner',
		role: null,
		description: 'inwoner die hulp vraagt'
	},
	{
		email: 'vrijwilliger@buurtkracht.example',
		displayName: 'Vera Vrijwilliger',
		role: null,
		description: 'vrijwilliger'
	},
	{
		email: 'privacy@buurtkracht.example',
		displayName: 'Fien Functionaris',
		role: 'privacy_officer',
		description: 'functionaris gegevensbescherming (register en logboek)'
	},
	{
		email: 'mantelzorger@buurtkracht.example',
		displayName: 'Marja Mantel',
		role: null,
		description: 'mantelzorger met een goedgekeurde mantelzorgcheque'
	}
];

/**
 * Demo municipalities beside Zaanstad (issue 18): supabase/seed/demo/<slug>/ holds each one's row,
 * host name, wijken and postcode areas (loaded like an admin's upload) and its demo buurthuizen and
 * shop; supabase/seed/demo/content.sql gives them a regeling, requests and activities. Every
 * account is <role>@<slug>.buurtkracht.example.
 */
export const DEMO_MUNICIPALITIES = [
	{ slug: 'dordrecht', name: 'Dordrecht', host: 'dordrecht.localhost' },
	{ slug: 'zwolle', name: 'Zwolle', host: 'zwolle.localhost' }
] as const;

const DEMO_MUNICIPALITY_ROLES: { local: string; role: DemoAccount['role']; description: string }[] =
	[
		{ local: 'beheer', role: 'municipality_admin', description: 'gemeentelijk beheerder' },
		{ local: 'consulent', role: 'caseworker', description: 'consulent sociaal wijkteam' },
		{ local: 'coordinator', role: 'coordinator', description: 'buurtcoördinator' },
		{ local: 'bestuur', role: 'board_member', description: 'bestuurslid van een demo-buurthuis' },
		{ local: 'winkel', role: 'shop_staff', description: 'winkelmedewerker van de demowinkel' },
		{ local: 'inwoner', role: null, description: 'inwoner met twee voorbeeldvragen' }
	];

/** The demo accounts of one demo municipality. */
export const demoAccountsOf = (slug: string, name: string): DemoAccount[] =>
	DEMO_MUNICIPALITY_ROLES.map((r) => ({
		email: `${r.local}@${slug}.buurtkracht.example`,
		displayName: `${r.local[0]?.toUpperCase()}${r.local.slice(1)} ${name} (demo)`,
		role: r.role,
		description: r.description
	}));

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function isSeeded(lite: Lite): Promise<boolean> {
	const { rows } = await lite.exec('select count(*)::int as n from public.municipalities');
	return Number(rows[0]?.n ?? 0) > 0;
}

/** Zaanstad: its folder (row, host names, wijken, postcode areas), then supabase/seed.sql. */
export async function seedReferenceData(lite: Lite, root = process.cwd()): Promise<void> {
	await seedMunicipalityFolder(lite, path.join(root, 'supabase', 'seed', 'zaanstad'));
	await lite.exec(await readFile(path.join(root, 'supabase', 'seed.sql'), 'utf8'));
}

export async function seedDemoAccounts(lite: Lite): Promise<void> {
	await createDemoAccounts(lite, DEMO_ACCOUNTS, 'zaanstad');
}

async function createDemoAccounts(
	lite: Lite,
	accounts: DemoAccount[],
	slug: string
): Promise<void> {
	const client = lite.app.getClient();
	const municipality = `(select id from public.municipalities where slug = ${quote(slug)})`;
	for (const account of accounts) {
		const { error } = await client.auth.signUp({
			email: account.email,
			password: DEMO_PASSWORD,
			options: { data: { display_name: account.displayName, municipality: slug } }
		});
		if (error && error.code !== 'user_already_exists') {
			throw new Error(`Demo account ${account.email} could not be created: ${error.message}`);
		}
		// Demo accounts skip the confirmation mail; real sign-ups confirm through /auth/confirm.
		await lite.exec(
			`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where email = ${quote(account.email)}`
		);
		if (!account.role) continue;
		// Zaanstad's board member sits on De Lorzie; a demo municipality's on its first buurthuis.
		const scope =
			account.role === 'shop_staff'
				? slug === 'zaanstad'
					? `${quote(DEMO_SHOP_ID)}::uuid, null`
					: `(select id from public.shops where municipality_id = ${municipality} order by name limit 1), null`
				: account.role === 'board_member'
					? `null, (select id from public.community_centres where municipality_id = ${municipality}
						order by slug = 'de-lorzie' desc, slug limit 1)`
					: 'null, null';
		await lite.exec(
			`insert into public.memberships (user_id, municipality_id, role, shop_id, community_centre_id)
			 select u.id, ${municipality}, ${quote(account.role)}, ${scope}
			 from auth.users u where u.email = ${quote(account.email)}
			 on conflict do nothing`
		);
	}
}

/** Requests, an offer and a volunteer profile for the demo accounts, so every page has content. */
export async function seedDemoContent(lite: Lite, root = process.cwd()): Promise<void> {
	await lite.exec(await readFile(path.join(root, 'supabase', 'seed-demo.sql'), 'utf8'));
}

/** Dordrecht and Zwolle: their folders, their accounts, then content.sql for all of them. */
export async function seedDemoMunicipalities(lite: Lite, root = process.cwd()): Promise<void> {
	const demo = path.join(root, 'supabase', 'seed', 'demo');
	for (const m of DEMO_MUNICIPALITIES) {
		await seedMunicipalityFolder(lite, path.join(demo, m.slug));
		await createDemoAccounts(lite, demoAccountsOf(m.slug, m.name), m.slug);
	}
	await lite.exec(await readFile(path.join(demo, 'content.sql'), 'utf8'));
}

export async function seedIfEmpty(lite: Lite, root = process.cwd()): Promise<boolean> {
	if (await isSeeded(lite)) return false;
	await seedReferenceData(lite, root);
	await seedDemoAccounts(lite);
	await seedDemoContent(lite, root);
	await seedDemoMunicipalities(lite, root);
	return true;
}
