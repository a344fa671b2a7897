// Issue 18, "every function checks the municipality, not only the role": every function an account
// can call through the API is called by every role of another municipality, with the ids (and a
// cheque code, an e-mail address) of Zaanstad's rows from the access-matrix scenarios. Afterwards
// no row of Zaanstad may have changed or appeared, and the answer may name nothing of Zaanstad's
// that an anonymous visitor's answer to the same call does not name. The functions come from the
// catalog, so a new one is swept without touching this file.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buurthulpScenario } from '../../support/buurthulp-scenario.ts';
import { buurthuizenScenario } from '../../support/buurthuizen-scenario.ts';
import { mantelzorgScenario } from '../../support/mantelzorg-scenario.ts';
import { counterScenarioProbes } from '../../support/mantelzorg-counter-scenario.ts';
import { createCheque } from '../../support/mantelzorg-counter-factories.ts';
import { catalogFunctions, type CatalogParam } from '../../support/catalog-functions.ts';
import { sql, ZAANSTAD_ID } from '../../support/factories.ts';
import { OTHER_ROLES, otherMunicipality, type OtherRole } from '../../support/tenancy.ts';
import { ACCESS } from '../../support/access-matrix.ts';
import { budget } from '../../support/budget.ts';

// Helpers with polymorphic parameters (assert_max_items) cannot be called with JSON.
const fns = (await catalogFunctions()).filter(
	(f) => !f.returnsTrigger && f.authenticated && !f.polymorphic
);

// A change to Zaanstad's rows that is not a leak: the sign-up form's "this address already has an
// account" mail goes to the address's owner, in their own municipality, for visitors too (once an
// hour per account).
const MAY_CHANGE: Record<string, string> = { request_account_exists_mail: 'notification_outbox' };

/** Which of Zaanstad's rows a uuid parameter names, by its name (and the function's). */
function tableFor(fn: string, param: string): string | null {
	const byName: Record<string, string> = {
		p_request_id: 'help_requests',
		p_application_id: 'applications',
		p_activity_id: 'activities',
		p_centre_id: 'community_centres',
		p_community_centre_id: 'community_centres',
		p_shop_id: 'shops',
		p_cheque_id: 'cheques',
		p_batch_id: 'reimbursement_batches',
		p_match_id: 'matches',
		p_response_id: 'responses',
		p_report_id: 'reports',
		p_followup_id: 'followups',
		p_redemption_id: 'redemptions',
		p_district_id: 'districts',
		p_from: 'districts',
		p_into: 'districts',
		p_draft_id: 'district_import_drafts',
		p_membership_id: 'memberships',
		p_volunteer_id: 'volunteer_profiles',
		p_user_id: 'profiles',
		p_profile_id: 'profiles',
		p_recipient_id: 'profiles',
		p_target_id: 'help_requests',
		p_municipality_id: 'municipalities',
		p_check_id: 'callback_checks',
		p_offer_id: 'help_offers',
		p_goal_id: 'social_goals'
	};
	if (param === 'p_invitation_id') {
		if (fn.includes('shop')) return 'shop_staff_invitations';
		if (fn.includes('role')) return 'role_invitations';
		return 'help_invitations';
	}
	return byName[param] ?? null;
}

/** One of Zaanstad's probe rows per table, and some of its secrets. */
const ids = new Map<string, string>();
let chequeCode: string;
let residentEmail: string;
let secrets: { table: string; value: string }[];
let others: Record<OtherRole, { token: string; shopId: string; centreId: string }>;
let anonHeaders: Record<string, string>;
let homeCoordinatorToken: string;
let otherId: string;
/** What Zaanstad shows every visitor of its own site: names and titles of its public rows. */
let zaanstadPublic: { table: string; value: string }[];
const publicFns = fns.filter((f) => f.anon);
let requestId: string;

const SKIP_TABLES = new Set(['attempt_counters', 'audit_log']);
let tablesWithMunicipality: string[];
let probeRows: { table: string; key: string; id: string }[];

/** A digest of Zaanstad's rows: every table with a municipality, and the probe rows of the rest. */
async function zaanstadDigest(): Promise<Record<string, string>> {
	const parts = [
		...tablesWithMunicipality.map(
			(t) =>
				`select '${t}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d
				 from public.${t} x where x.municipality_id = '${ZAANSTAD_ID}'`
		),
		...probeRows
			.filter((p) => !tablesWithMunicipality.includes(p.table))
			.map(
				(p) =>
					`select '${p.table}:${p.id}' as t, coalesce(md5(x::text), 'gone') as d
					 from (select 1) one left join public.${p.table} x on x.${p.key}::text = '${p.id}'`
			)
	];
	const rows = await sql<{ t: string; d: string }>(parts.join('\nunion all\n'));
	return Object.fromEntries(rows.map((r) => [r.t, r.d]));
}

function ordinary(
	fn: string,
	p: CatalogParam,
	own: { shopId: string; centreId: string } | null
): unknown {
	if (p.type === 'uuid') {
		if (own && p.name === 'p_shop_id') return own.shopId;
		if (own && (p.name === 'p_centre_id' || p.name === 'p_community_centre_id'))
			return own.centreId;
		const table = tableFor(fn, p.name);
		return (table && ids.get(table)) ?? randomUUID();
	}
	if (p.type === 'uuid[]') return [...ids.values()];
	if (p.name === 'p_code') return chequeCode;
	if (p.name === 'p_email') return residentEmail;
	if (p.name === 'p_target_type') return 'help_request';
	if (p.name === 'p_role') return 'coordinator';
	if (p.name === 'p_status') return 'approved';
	if (p.type.endsWith('[]')) return [];
	if (/^(integer|bigint|smallint|numeric|double precision|real)$/.test(p.type)) return 100;
	if (p.type === 'boolean') return true;
	if (p.type === 'date') return new Date().toISOString().slice(0, 10);
	if (p.type.startsWith('timestamp')) return new Date().toISOString();
	if (p.type === 'jsonb' || p.type === 'json') return {};
	return 'Gewoon een tekst';
}

async function call(headers: Record<string, string>, name: string, body: unknown) {
	const res = await fetch(`${inject('supabaseUrl')}/rest/v1/rpc/${name}`, {
		method: 'POST',
		headers: { ...headers, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	return { status: res.status, text: await res.text() };
}

const named = (text: string, passed: Set<string>) =>
	secrets.filter((s) => !passed.has(s.value) && text.includes(s.value));

beforeAll(async () => {
	const buurthulp = await buurthulpScenario();
	const buurthuizen = await buurthuizenScenario();
	const mantelzorg = await mantelzorgScenario();
	const counter = await counterScenarioProbes();
	const cheque = await createCheque();
	chequeCode = cheque.code;
	homeCoordinatorToken = (await buurthulp.coordinator.client.auth.getSession()).data.session
		?.access_token as string;
	residentEmail = buurthulp.resident.email;
	probeRows = [
		...buurthulp.rows,
		...buurthuizen.rows,
		...mantelzorg.rows,
		...counter,
		{ table: 'cheques', key: 'id', id: cheque.id }
	].map(({ table, key, id }) => ({ table, key, id }));
	for (const p of probeRows) if (p.key === 'id' && !ids.has(p.table)) ids.set(p.table, p.id);
	ids.set('municipalities', ZAANSTAD_ID);
	requestId = ids.get('help_requests') as string;
	ids.set('profiles', buurthulp.resident.id);
	const one = async (table: string) =>
		(
			await sql<{ id: string }>(
				`select id from public.${table} where municipality_id = '${ZAANSTAD_ID}' order by created_at limit 1`
			)
		)[0]?.id;
	for (const table of ['districts', 'community_centres', 'memberships']) {
		const id = await one(table);
		if (id && !ids.has(table)) ids.set(table, id);
	}
	tablesWithMunicipality = (
		await sql<{ table_name: string }>(
			`select c.table_name from information_schema.columns c
			 join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace and k.relkind = 'r'
			 where c.table_schema = 'public' and c.column_name = 'municipality_id' order by 1`
		)
	)
		.map((r) => r.table_name)
		.filter((t) => !SKIP_TABLES.has(t));

	// What an answer may not name: the text of Zaanstad's rows that no visitor may read, and their ids.
	secrets = [];
	for (const p of probeRows) {
		if ((ACCESS as Record<string, { anon?: string[] }>)[p.table]?.anon?.includes('select'))
			continue;
		const [row] = await sql<{ j: Record<string, unknown> }>(
			`select to_jsonb(t) - 'search' as j from public.${p.table} t where t.${p.key}::text = '${p.id}'`
		);
		for (const [column, value] of Object.entries(row?.j ?? {})) {
			if (typeof value !== 'string' || column.endsWith('_at') || column === 'municipality_id')
				continue;
			// Words of a fixed list (statuses, kinds) say nothing about the row; names, titles,
			// addresses, codes, e-mail addresses and ids do.
			// Dates and times are shared by every row of the same day.
			if (/^[a-z_]+$/.test(value) || value.length < 6 || /^\d{4}-\d\d-\d\d/.test(value)) continue;
			secrets.push({ table: `${p.table}.${column}`, value });
		}
	}
	secrets.push({ table: 'cheques.code', value: chequeCode });

	anonHeaders = { apikey: inject('publishableKey') };
	const other = await otherMunicipality();
	otherId = other.id;
	zaanstadPublic = (
		await sql<{ t: string; v: string }>(
			`select 'community_centres' as t, name as v from public.community_centres where municipality_id = '${ZAANSTAD_ID}'
			 union all select 'districts', name from public.districts where municipality_id = '${ZAANSTAD_ID}'
			 union all select 'activities', title from public.activities where municipality_id = '${ZAANSTAD_ID}'
			 union all select 'help_requests', title from public.help_requests where municipality_id = '${ZAANSTAD_ID}'
			 union all select 'help_offers', title from public.help_offers where municipality_id = '${ZAANSTAD_ID}'
			 union all select 'shops', name from public.shops where municipality_id = '${ZAANSTAD_ID}'
			 union all select 'social_goals', title from public.social_goals where municipality_id = '${ZAANSTAD_ID}'`
		)
	)
		.filter((r) => r.v.length >= 6)
		.map((r) => ({ table: r.t, value: r.v }));
	others = {} as typeof others;
	for (const role of OTHER_ROLES) {
		const { data } = await other.people[role].client.auth.getSession();
		others[role] = {
			token: data.session?.access_token as string,
			shopId: other.shopId,
			centreId: other.centreId
		};
	}
}, budget(300_000));

describe('every function an account can call, from another municipality', () => {
	it('lists the functions from the catalog', () => {
		expect(fns.length).toBeGreaterThan(60);
		expect(fns.map((f) => f.name)).toContain('redeem_cheque');
		expect(secrets.length).toBeGreaterThan(20);
	});

	it('would see a leak and a change: the controls, with Zaanstad’s own coordinator', async () => {
		const own = await call(
			{ ...anonHeaders, authorization: `Bearer ${homeCoordinatorToken}` },
			'coordination_request_page',
			{ p_request_id: requestId }
		);
		expect(own.status).toBe(200);
		expect(named(own.text, new Set([requestId])).map((s) => s.table)).toContain(
			'help_requests.title'
		);
		const before = await zaanstadDigest();
		await sql(`update public.help_requests set updated_at = now() where id = '${requestId}'`);
		const after = await zaanstadDigest();
		expect(after.help_requests).not.toBe(before.help_requests);
	});

	it.for(fns)('$name($signature)', { timeout: budget(240_000) }, async (fn) => {
		const problems: string[] = [];
		// Zaanstad's rows are compared once around all of the function's calls, not around each:
		// the digest reads every row of Zaanstad's, and taken after every call it was most of this
		// file's time. Nothing else writes meanwhile (the integration files run one at a time); a
		// change is then reported with every call that could have made it.
		const before = await zaanstadDigest();
		const calls: string[] = [];
		const leaks: { label: string; body: Record<string, unknown>; leaked: typeof secrets }[] = [];
		for (const own of [false, true]) {
			if (
				own &&
				!fn.params.some((p) =>
					['p_shop_id', 'p_centre_id', 'p_community_centre_id'].includes(p.name)
				)
			)
				continue;
			for (const role of OTHER_ROLES) {
				const actor = others[role];
				const body = Object.fromEntries(
					fn.params.map((p) => [p.name, ordinary(fn.name, p, own ? actor : null)])
				);
				const passed = new Set(
					Object.values(body)
						.flatMap((v) => (Array.isArray(v) ? v : [v]))
						.map(String)
				);
				const answer = await call(
					{ ...anonHeaders, authorization: `Bearer ${actor.token}` },
					fn.name,
					body
				);
				const label = `${role}${own ? ' (own shop/buurthuis)' : ''} → ${answer.status}`;
				calls.push(label);
				if (answer.status >= 500) problems.push(`${label}: ${answer.text.slice(0, 160)}`);
				const leaked = named(answer.text, passed);
				if (leaked.length) leaks.push({ label, body, leaked });
			}
		}
		const after = await zaanstadDigest();
		const changed = Object.keys(after).filter(
			(t) => after[t] !== before[t] && MAY_CHANGE[fn.name] !== t
		);
		if (changed.length) problems.push(`changed ${changed.join(', ')} (calls: ${calls.join('; ')})`);
		// A name in the answer is a leak unless a visitor's call with the same arguments shows it too.
		// The visitors' calls come after the comparison: what they may change is not the roles' doing.
		for (const { label, body, leaked } of leaks) {
			const visitor = fn.anon ? await call(anonHeaders, fn.name, body) : { text: '' };
			const more = leaked.filter((s) => !visitor.text.includes(s.value));
			if (more.length)
				problems.push(`${label}: names ${[...new Set(more.map((s) => s.table))].join(', ')}`);
		}
		expect(problems).toEqual([]);
	});
});

describe('every public function, on another municipality’s site', () => {
	// A visitor of the other municipality's host (the app sends its id as x-municipality) asks each
	// function anonymous visitors may call: the answer names nothing of Zaanstad's, public or not.
	it('has Zaanstad’s public names to look for', () => {
		expect(publicFns.length).toBeGreaterThan(10);
		expect(zaanstadPublic.length).toBeGreaterThan(20);
	});

	it.for(publicFns)('$name($signature)', { timeout: budget(120_000) }, async (fn) => {
		// A page of the other site passes its own municipality where a function asks for one.
		const body = Object.fromEntries(
			fn.params.map((p) => [
				p.name,
				p.name === 'p_municipality_id' ? otherId : ordinary(fn.name, p, null)
			])
		);
		const passed = new Set(
			Object.values(body)
				.flatMap((v) => (Array.isArray(v) ? v : [v]))
				.map(String)
		);
		const answer = await call({ ...anonHeaders, 'x-municipality': otherId }, fn.name, body);
		const names = [...zaanstadPublic, ...secrets].filter(
			(s) => !passed.has(s.value) && answer.text.includes(s.value)
		);
		expect([...new Set(names.map((s) => s.table))], answer.text.slice(0, 300)).toEqual([]);
	});
});
