// Walks every table in public as an anonymous visitor, a fresh account, a coordinator and a
// municipality admin, tries select, insert (a copy under a new key), update and delete on a row
// that belongs to someone else, and compares what happened with the written matrix in
// tests/support/access-matrix.ts. A table that is not in the matrix fails.
// Then every role of another municipality tries the same, through supabase-js and through raw
// /rest/v1 calls: from another municipality nobody may do more than an anonymous visitor (issue 18).
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/database.types.ts';
import { ACCESS, ACTORS, allowed, type Actor, type Op } from '../../support/access-matrix.ts';
import { buurthulpScenario, type ScenarioRow } from '../../support/buurthulp-scenario.ts';
import { buurthuizenScenario } from '../../support/buurthuizen-scenario.ts';
import { mantelzorgScenario } from '../../support/mantelzorg-scenario.ts';
import { counterScenarioProbes } from '../../support/mantelzorg-counter-scenario.ts';
import { monitorProbes } from '../../support/monitor-probes.ts';
import { privacyScenarioProbes } from '../../support/privacy-scenario.ts';
import { anonClient, createUser, grantRole, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import { OTHER_ROLES, otherMunicipality, type OtherRole } from '../../support/tenancy.ts';
import { inject } from 'vitest';

type Client = SupabaseClient<Database>;

interface Probe extends Omit<ScenarioRow, 'reader'> {
	/** How to turn the row into a copy under a new key (insert probe), as the actor would send it. */
	copy: ((row: Record<string, unknown>, actorId: string | null) => Record<string, unknown>) | null;
}

let probes: Probe[];
let clients: Record<Actor, Client>;
let actorIds: Record<Actor, string | null>;
let grantee: string;
let others: Record<OtherRole, { id: string; client: Client; token: string }>;

const newId = (row: Record<string, unknown>) => ({ ...row, id: randomUUID() });

beforeAll(async () => {
	const scenario = await buurthulpScenario();
	const buurthuizen = await buurthuizenScenario();
	const stranger = await createUser({ label: 'vreemde' });
	const admin = await createUser({ label: 'beheerder' });
	await grantRole(admin.id, 'municipality_admin');
	const caseworker = await createUser({ label: 'consulent' });
	await grantRole(caseworker.id, 'caseworker');
	grantee = (await createUser({ label: 'nieuwe-rol' })).id;
	await sql(
		`insert into public.municipality_looks (municipality_id, primary_color, primary_dark_color, surface_color)
		 values ('${ZAANSTAD_ID}', '#00548a', '#003a60', '#f3f6f8') on conflict do nothing;
		 insert into public.municipality_payout_accounts (municipality_id, iban, account_holder)
		 values ('${ZAANSTAD_ID}', 'NL91ABNA0417164300', 'Gemeente Zaanstad') on conflict do nothing`
	);
	await sql(
		`insert into public.postcode_areas (municipality_id, postcode, latitude, longitude)
		 values ('${ZAANSTAD_ID}', 1599, 52.44, 4.82) on conflict do nothing;
		 insert into public.district_import_drafts (municipality_id, districts)
		 values ('${ZAANSTAD_ID}', '[]') on conflict do nothing`
	);
	const [draft] = await sql<{ id: string }>(
		`select id from public.district_import_drafts where municipality_id = '${ZAANSTAD_ID}'`
	);
	const [invitation] = await sql<{ id: string }>(
		`insert into public.role_invitations (municipality_id, email, role)
		 values ('${ZAANSTAD_ID}', 'uitgenodigd-${Date.now()}@buurtkracht.example', 'coordinator') returning id`
	);
	const operator = await createUser({ label: 'platformbeheerder' });
	await sql(`insert into public.platform_operators (user_id) values ('${operator.id}')`);
	actorIds = {
		anon: null,
		stranger: stranger.id,
		coordinator: scenario.coordinator.id,
		admin: admin.id
	};
	clients = {
		anon: anonClient(),
		stranger: stranger.client,
		coordinator: scenario.coordinator.client,
		admin: admin.client
	};
	const [membership] = await sql<{ id: string }>(
		`select id from public.memberships where user_id = '${caseworker.id}'`
	);
	const [district] = await sql<{ id: string }>(
		`select id from public.districts where municipality_id = '${ZAANSTAD_ID}' limit 1`
	);
	const [centre] = await sql<{ id: string }>(
		`select id from public.community_centres where municipality_id = '${ZAANSTAD_ID}' limit 1`
	);
	const [counter] = await sql<{ id: string }>(
		`insert into public.attempt_counters (bucket, key_hash, window_ends_at)
		 values ('sign_in', md5(random()::text) || md5(random()::text), now() + interval '15 minutes')
		 returning id`
	);
	await sql(
		`insert into public.public_cache_versions (municipality_id, bumped_by_xact)
		 values ('${ZAANSTAD_ID}', 0) on conflict (municipality_id) do nothing`
	);
	await sql(
		`insert into public.security_contacts (municipality_id, contact, expires_at)
		 values ('${ZAANSTAD_ID}', 'mailto:security@zaanstad.example', now() + interval '300 days')
		 on conflict (municipality_id) do nothing`
	);
	const keyed = new Set(['id']);
	const counterProbes = await counterScenarioProbes();
	const privacyProbes = await privacyScenarioProbes();
	const other = await otherMunicipality();
	others = {} as typeof others;
	for (const role of OTHER_ROLES) {
		const person = other.people[role];
		const { data } = await person.client.auth.getSession();
		others[role] = {
			id: person.id,
			client: person.client,
			token: data.session?.access_token as string
		};
	}
	probes = [
		...counterProbes,
		...(await monitorProbes()),
		...privacyProbes,
		...[...scenario.rows, ...buurthuizen.rows].map(({ table, key, id }) => ({
			table,
			key,
			id,
			copy: keyed.has(key) ? newId : null
		})),
		...(await mantelzorgScenario()).rows.map(({ table, key, id, copy }) => ({
			table,
			key,
			id,
			copy: copy ?? (keyed.has(key) ? newId : null)
		})),
		{
			table: 'municipalities',
			key: 'id',
			id: ZAANSTAD_ID,
			copy: (r) => ({ ...newId(r), slug: `x${Date.now()}` })
		},
		{
			table: 'municipality_hosts',
			key: 'host',
			id: 'zaanstad.localhost',
			copy: (r) => ({ ...r, host: `x${Date.now()}.localhost` })
		},
		{ table: 'municipality_looks', key: 'municipality_id', id: ZAANSTAD_ID, copy: null },
		{ table: 'municipality_payout_accounts', key: 'municipality_id', id: ZAANSTAD_ID, copy: null },
		{ table: 'role_invitations', key: 'id', id: invitation?.id as string, copy: newId },
		{ table: 'district_import_drafts', key: 'id', id: draft?.id as string, copy: null },
		{
			table: 'postcode_areas',
			key: 'postcode',
			id: '1599',
			copy: (r) => ({ ...r, postcode: 1598 })
		},
		{
			table: 'platform_operators',
			key: 'user_id',
			id: operator.id,
			copy: (r) => ({ ...r, user_id: grantee })
		},
		{
			table: 'districts',
			key: 'id',
			id: district?.id as string,
			copy: (r) => ({ ...newId(r), slug: `x${Date.now()}` })
		},
		{
			table: 'community_centres',
			key: 'id',
			id: centre?.id as string,
			copy: (r) => ({ ...newId(r), slug: `x${Date.now()}` })
		},
		{
			table: 'memberships',
			key: 'id',
			id: membership?.id as string,
			copy: (r, actorId) => ({ ...newId(r), user_id: grantee, granted_by: actorId })
		},
		{ table: 'profiles', key: 'id', id: scenario.resident.id, copy: null },
		{ table: 'profile_contacts', key: 'profile_id', id: scenario.resident.id, copy: null },
		{
			table: 'notification_kinds',
			key: 'kind',
			id: 'invitation',
			copy: (r) => ({ ...r, kind: `x_${Date.now()}` })
		},
		{ table: 'security_contacts', key: 'municipality_id', id: ZAANSTAD_ID, copy: null },
		{
			table: 'public_cache_versions',
			key: 'municipality_id',
			id: ZAANSTAD_ID,
			copy: (r) => ({ ...r, municipality_id: randomUUID() })
		},
		{
			table: 'attempt_counters',
			key: 'id',
			id: counter?.id as string,
			copy: (r) => ({ ...newId(r), key_hash: 'ab'.repeat(32) })
		},
		{
			table: 'scheduled_jobs',
			key: 'name',
			id: 'run_followups',
			copy: (r) => ({ ...r, name: `x_${Date.now()}` })
		}
	];
});

async function fingerprint(p: Probe) {
	const [row] = await sql<{ f: string }>(
		`select md5(t::text) as f from public.${p.table} t where t.${p.key}::text = '${p.id}'`
	);
	return row?.f ?? null;
}

/** The probe row as JSON (to copy it, and to put it back) and its fingerprint, in one query. */
async function snapshot(p: Probe) {
	const [row] = await sql<{ f: string; j: Record<string, unknown> }>(
		`select md5(t::text) as f, to_jsonb(t) - 'search' as j
		 from public.${p.table} t where t.${p.key}::text = '${p.id}'`
	);
	return { fingerprint: row?.f ?? null, json: row?.j ?? {} };
}

type Row = Record<string, unknown>;

/** The four operations on one row, as a caller would send them. */
interface Channel {
	select(p: Probe): Promise<Row[]>;
	insert(p: Probe, row: Row): Promise<Row[]>;
	update(p: Probe, patch: Row): Promise<Row[]>;
	remove(p: Probe): Promise<Row[]>;
}

// Untyped: the union of every table's row type is deeper than TypeScript follows.
const viaSupabaseJs = (typed: Client): Channel =>
	viaUntypedClient(typed as unknown as SupabaseClient);

const viaUntypedClient = (client: SupabaseClient): Channel => ({
	select: async (p) => (await client.from(p.table).select('*').eq(p.key, p.id)).data ?? [],
	insert: async (p, row) =>
		(
			await client
				.from(p.table)
				.insert(row as never)
				.select('*')
		).data ?? [],
	update: async (p, patch) =>
		(
			await client
				.from(p.table)
				.update(patch as never)
				.eq(p.key, p.id)
				.select('*')
		).data ?? [],
	remove: async (p) => (await client.from(p.table).delete().eq(p.key, p.id).select('*')).data ?? []
});

/** Plain HTTP to /rest/v1 with the publishable key and the caller's token, as curl would. */
function viaRawRest(token: string | null): Channel {
	const headers = {
		apikey: inject('publishableKey'),
		...(token ? { authorization: `Bearer ${token}` } : {}),
		'content-type': 'application/json',
		prefer: 'return=representation'
	};
	const url = (p: Probe, filtered = true) =>
		`${inject('supabaseUrl')}/rest/v1/${p.table}?select=*` +
		(filtered ? `&${p.key}=eq.${encodeURIComponent(p.id)}` : '');
	const rows = async (res: Response): Promise<Row[]> => {
		const body = await res.text();
		if (!res.ok) return [];
		const parsed = JSON.parse(body || '[]') as unknown;
		return Array.isArray(parsed) ? (parsed as Row[]) : [];
	};
	return {
		select: async (p) => rows(await fetch(url(p), { headers })),
		insert: async (p, row) =>
			rows(await fetch(url(p, false), { method: 'POST', headers, body: JSON.stringify(row) })),
		update: async (p, patch) =>
			rows(await fetch(url(p), { method: 'PATCH', headers, body: JSON.stringify(patch) })),
		remove: async (p) => rows(await fetch(url(p), { method: 'DELETE', headers }))
	};
}

/** What the caller could do to the probe row; each op undone where it succeeded, as maintenance. */
async function observe(channel: Channel, actorId: string | null, p: Probe): Promise<Op[]> {
	const done: Op[] = [];
	if ((await channel.select(p)).length > 0) done.push('select');
	// The probe row is as it was put back (reads and a copy under a new key leave it alone).
	const { fingerprint: before, json: backup } = await snapshot(p);

	if (p.copy) {
		const copy = p.copy(structuredClone(backup), actorId);
		if ((await channel.insert(p, copy)).length > 0) {
			done.push('insert');
			const key = copy[p.key] as string;
			await sql(`delete from public.${p.table} where ${p.key}::text = '${key}'`);
		} else {
			// A refused insert may still have written (a RETURNING refused by the read policy).
			const key = String(copy[p.key]).replaceAll("'", "''");
			const [left] = await sql<{ n: number }>(
				`select count(*)::int as n from public.${p.table} where ${p.key}::text = '${key}'`
			);
			if ((left?.n ?? 0) > 0) {
				done.push('insert');
				await sql(`delete from public.${p.table} where ${p.key}::text = '${key}'`);
			}
		}
	}

	const changed = await channel.update(p, { updated_at: '2000-01-01T00:00:00Z' });
	if (changed.length > 0 || (await fingerprint(p)) !== before) done.push('update');

	const deleted = await channel.remove(p);
	if (deleted.length > 0 || (await fingerprint(p)) === null) {
		done.push('delete');
		// Put the row back exactly as it was, for the next actor.
		const json = JSON.stringify(backup).replaceAll("'", "''");
		await sql(
			`insert into public.${p.table} select * from jsonb_populate_record(null::public.${p.table}, '${json}'::jsonb)`
		);
	}
	return done;
}

/** Every difference between what the caller could do and what `expected` allows. */
async function differencesFor(
	channel: Channel,
	actorId: string | null,
	expected: (table: Probe['table'], op: Op) => boolean
): Promise<string[]> {
	const differences: string[] = [];
	for (const p of probes) {
		const done = await observe(channel, actorId, p);
		for (const op of ['select', 'insert', 'update', 'delete'] as Op[]) {
			if (done.includes(op) !== expected(p.table, op)) {
				differences.push(`${p.table}: ${op} ${done.includes(op) ? 'succeeded' : 'was refused'}`);
			}
		}
	}
	return differences;
}

describe('the access matrix', () => {
	it('lists exactly the tables in public, and there is a probe row for each', async () => {
		const tables = await sql<{ relname: string }>(
			`select c.relname from pg_class c
			 where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by 1`
		);
		expect(Object.keys(ACCESS).sort()).toEqual(tables.map((t) => t.relname));
		expect(probes.map((p) => p.table).sort()).toEqual(tables.map((t) => t.relname));
		for (const p of probes) expect(await fingerprint(p), `${p.table} probe row`).not.toBeNull();
	});

	it.each(ACTORS)(
		'holds for %s on every table',
		async (actor) => {
			const differences = await differencesFor(
				viaSupabaseJs(clients[actor]),
				actorIds[actor],
				(t, op) => allowed(t, actor, op)
			);
			expect(differences).toEqual([]);
			// Four tries on every table: about 25 s when the shared machine is busy.
		},
		120_000
	);
});

describe('the access matrix from another municipality', () => {
	// What an anonymous visitor may do (read what is public) is all any role of another
	// municipality may do with these rows.
	it.each(OTHER_ROLES)(
		'gives its %s no more than a visitor, through supabase-js',
		async (role) => {
			const differences = await differencesFor(
				viaSupabaseJs(others[role].client),
				others[role].id,
				(t, op) => allowed(t, 'anon', op)
			);
			expect(differences).toEqual([]);
		},
		120_000
	);

	it.each(OTHER_ROLES)(
		'gives its %s no more than a visitor, through raw /rest/v1',
		async (role) => {
			const differences = await differencesFor(
				viaRawRest(others[role].token),
				others[role].id,
				(t, op) => allowed(t, 'anon', op)
			);
			expect(differences).toEqual([]);
		},
		120_000
	);
});
