// Walks every table in public as an anonymous visitor, a fresh account, a coordinator and a
// municipality admin, tries select, insert (a copy under a new key), update and delete on a row
// that belongs to someone else, and compares what happened with the written matrix in
// tests/support/access-matrix.ts. A table that is not in the matrix fails.
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
import { anonClient, createUser, grantRole, sql, ZAANSTAD_ID } from '../../support/factories.ts';

type Client = SupabaseClient<Database>;

interface Probe extends Omit<ScenarioRow, 'reader'> {
	/** How to turn the row into a copy under a new key (insert probe), as the actor would send it. */
	copy: ((row: Record<string, unknown>, actorId: string | null) => Record<string, unknown>) | null;
}

let probes: Probe[];
let clients: Record<Actor, Client>;
let actorIds: Record<Actor, string | null>;
let grantee: string;

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
	const keyed = new Set(['id']);
	const counterProbes = await counterScenarioProbes();
	probes = [
		...counterProbes,
		...(await monitorProbes()),
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

async function rowAsJson(p: Probe) {
	const [row] = await sql<{ j: Record<string, unknown> }>(
		`select to_jsonb(t) - 'search' as j from public.${p.table} t where t.${p.key}::text = '${p.id}'`
	);
	return row?.j ?? {};
}

/** What the actor could do to the probe row; each op undone where it succeeded, as maintenance. */
async function observe(actor: Actor, p: Probe): Promise<Op[]> {
	const client = clients[actor];
	const done: Op[] = [];
	const read = await client.from(p.table).select('*').eq(p.key, p.id);
	if ((read.data ?? []).length > 0) done.push('select');

	if (p.copy) {
		const copy = p.copy(await rowAsJson(p), actorIds[actor]);
		const inserted = await client
			.from(p.table)
			.insert(copy as never)
			.select('*');
		if ((inserted.data ?? []).length > 0) {
			done.push('insert');
			const key = copy[p.key] as string;
			await sql(`delete from public.${p.table} where ${p.key}::text = '${key}'`);
		}
	}

	const before = await fingerprint(p);
	const backup = await rowAsJson(p);
	const changed = await client
		.from(p.table)
		.update({ updated_at: '2000-01-01T00:00:00Z' } as never)
		.eq(p.key, p.id)
		.select('*');
	if ((changed.data ?? []).length > 0 || (await fingerprint(p)) !== before) done.push('update');

	const deleted = await client.from(p.table).delete().eq(p.key, p.id).select('*');
	if ((deleted.data ?? []).length > 0 || (await fingerprint(p)) === null) {
		done.push('delete');
		// Put the row back exactly as it was, for the next actor.
		const json = JSON.stringify(backup).replaceAll("'", "''");
		await sql(
			`insert into public.${p.table} select * from jsonb_populate_record(null::public.${p.table}, '${json}'::jsonb)`
		);
	}
	return done;
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

	it.each(ACTORS)('holds for %s on every table', async (actor) => {
		const differences: string[] = [];
		for (const p of probes) {
			const done = await observe(actor, p);
			for (const op of ['select', 'insert', 'update', 'delete'] as Op[]) {
				const expected = allowed(p.table, actor, op);
				if (done.includes(op) !== expected) {
					differences.push(`${p.table}: ${op} ${done.includes(op) ? 'succeeded' : 'was refused'}`);
				}
			}
		}
		expect(differences).toEqual([]);
	});
});
