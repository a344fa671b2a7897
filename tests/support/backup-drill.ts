// The backup drill of issue 19 (point 5), shared by the PGlite and the PostgreSQL test: fill every
// table through the app's own functions (the demo data of a first start, every area's scenario,
// the platform operator's and admin's steps; fillEveryTable), back up, write more, restore into
// an empty database, and compare every table's row count and row checksum with the state at
// backup time. A table the fill leaves empty fails the drill unless EMPTY_BY_DESIGN says why.
import { newKeys } from '../../scripts/lib/env.ts';
import type { TableFingerprint } from '../../scripts/lib/backup.ts';
import { startLite, type Lite } from '../../src/lib/server/embedded/lite.ts';
import { seedIfEmpty } from '../../src/lib/server/embedded/seed.ts';
import type { Harness } from './harness.ts';
import type { RequestClient } from '../../src/lib/server/supabase.ts';
import { stageDistrictFile } from '../../src/lib/server/tenancy/areas.ts';
import { useHarness } from './target.ts';
import { createUser, sql, uniqueEmail } from './factories.ts';
import { dayFromNow } from './days.ts';
import { personIn } from './mantelzorg-factories.ts';
import { buurthulpScenario } from './buurthulp-scenario.ts';
import { buurthuizenScenario } from './buurthuizen-scenario.ts';
import { mantelzorgScenario } from './mantelzorg-scenario.ts';
import { counterScenarioProbes } from './mantelzorg-counter-scenario.ts';
import { privacyScenarioProbes } from './privacy-scenario.ts';
import { monitorScenario } from './monitor-scenario.ts';

export const ZAANSTAD = '00000000-0000-4000-8000-000000000001';
export const keys = { ...newKeys(), PUBLIC_SUPABASE_URL: 'http://127.0.0.1:9' };

export function open(target: { databaseUrl?: string; dataDir?: string }): Promise<Lite> {
	return startLite({ ...target, env: keys, smtp: undefined, onDatabaseError: () => {} });
}

/** A resident signs up (auth, profile, memberships) and two mails are queued for them. */
export async function writeSome(lite: Lite, label: string): Promise<void> {
	const email = `${label}-${crypto.randomUUID().slice(0, 8)}@backup.example`;
	const { data, error } = await lite.app.getClient().auth.signUp({
		email,
		password: 'Backup-wachtwoord-123'
	});
	if (error || !data.user) throw new Error(`sign-up failed: ${error?.message}`);
	for (const seq of [1, 2]) {
		await lite.exec(
			`select public.notify('${ZAANSTAD}', '${data.user.id}', 'account_exists',
			 jsonb_build_object('seq', ${seq}))`
		);
	}
}

export const filled = (tables: TableFingerprint[]) => tables.filter((t) => t.rows > 0).length;

/**
 * Fills a harness of the test's own through the app's functions: the demo data of a first start,
 * then every area's scenario (the ones the access-matrix tests walk), each made by real users
 * through the API. The factories talk to this harness meanwhile (useHarness).
 */
export async function fillEveryTable(harness: Harness): Promise<void> {
	useHarness(harness);
	try {
		await seedIfEmpty(harness.lite);
		await writeSome(harness.lite, 'voor');
		await buurthulpScenario();
		await buurthuizenScenario();
		await mantelzorgScenario();
		await counterScenarioProbes();
		await privacyScenarioProbes();
		await monitorScenario();
		// The scheduler's rollup of the monitor (close_monitor_months), reaching back to the
		// scenario's months, which lie before its municipality was created.
		await sql(`select public.write_monitor_months(p_since => current_date - 70)`);
		await platformAndAdmin();
	} finally {
		useHarness(null);
	}
}

/**
 * What no scenario does: a platform operator (added as scripts/platform-operator.ts adds one)
 * creates a municipality and invites its admin; the admin sets the look, security.txt, reference
 * figures and a coordinator's invitation, and stages a wijk file.
 */
async function platformAndAdmin(): Promise<void> {
	const check = async (call: PromiseLike<{ error: unknown }>, what: string) => {
		const { error } = await call;
		if (error) throw new Error(`${what}: ${JSON.stringify(error)}`);
	};
	const operator = await createUser({ label: 'operator' });
	await sql(`insert into public.platform_operators (user_id) values ('${operator.id}')`);
	const slug = `drill-${crypto.randomUUID().slice(0, 8)}`;
	const created = await operator.client.rpc('create_municipality', {
		p_name: `Drillgemeente ${slug}`,
		p_slug: slug,
		p_hosts: [`${slug}.localhost`],
		p_coordinator_phone: '010 000 00 00',
		p_mail_sender_name: null as unknown as string,
		p_payout_iban: 'NL91 ABNA 0417 1643 00',
		p_payout_account_holder: 'Gemeente Drill'
	});
	if (created.error) throw new Error(`create_municipality: ${created.error.message}`);
	const [{ id: municipality } = { id: '' }] = await sql<{ id: string }>(
		`select id from public.municipalities where slug = '${slug}'`
	);
	await check(
		operator.client.rpc('invite_municipality_admin', {
			p_municipality_id: municipality,
			p_email: uniqueEmail('drill-beheer')
		}),
		'invite_municipality_admin'
	);
	const admin = await personIn(municipality, 'beheer', 'municipality_admin');
	await check(
		admin.client.rpc('save_municipality_look', {
			p_primary: '#00548a',
			p_primary_dark: '#003a60',
			p_surface: '#ffffff',
			p_logo_base64: null as unknown as string,
			p_logo_type: null as unknown as string
		}),
		'save_municipality_look'
	);
	await check(
		admin.client.rpc('renew_security_txt', {
			p_contact: 'mailto:security@drill.example',
			p_policy_url: 'https://www.drill.example/melden',
			p_expires_on: dayFromNow(200)
		}),
		'renew_security_txt'
	);
	await check(
		admin.client.rpc('save_monitor_reference_figures', {
			p_year: 2015,
			p_figures: { carers_reached: 1583, shops_taking_part: 147 }
		}),
		'save_monitor_reference_figures'
	);
	await check(
		admin.client.rpc('invite_to_role', {
			p_email: uniqueEmail('drill-coordinator'),
			p_role: 'coordinator'
		}),
		'invite_to_role'
	);
	const square = [
		[
			[4.6, 51.8],
			[4.61, 51.8],
			[4.61, 51.81],
			[4.6, 51.81],
			[4.6, 51.8]
		]
	];
	const staged = await stageDistrictFile(
		admin.client as unknown as RequestClient,
		JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { naam: 'Centrum' },
					geometry: { type: 'Polygon', coordinates: square }
				}
			]
		})
	);
	if (!staged.ok) throw new Error(`stageDistrictFile: ${staged.problems.join(' ')}`);
}

/** The tables no flow of the app writes on a fresh install, each with the reason. */
export const EMPTY_BY_DESIGN: Record<string, string> = {
	'supabase_migrations.seed_files':
		"@supabase/lite's record of `lite db seed` runs; the app seeds through seedReferenceData",
	'auth.flow_state':
		'PKCE flow state, kept for OAuth providers and PKCE login links; the app has no provider and its mails carry token_hash links'
};

/** Tables without rows that are not empty by design: a new table the drill leaves empty. */
export const leftEmpty = (tables: TableFingerprint[]) =>
	tables.filter((t) => t.rows === 0 && !(t.table in EMPTY_BY_DESIGN)).map((t) => t.table);
