// Who sees what of Mantelzorgwaardering, straight through the API (supabase-js and raw /rest/v1
// with the publishable key): a carer only their own applications and cheques, a consulent only
// their wijken, nobody anything of another municipality, nobody writes around the functions; and
// the audit log is append-only, even for admins.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../../src/lib/database.types.ts';
import { anonClient, sql, type TestUser } from '../../support/factories.ts';
import {
	applicationArgs,
	createMunicipality,
	createScheme,
	personIn,
	type TestMunicipality
} from '../../support/mantelzorg-factories.ts';

type Client = SupabaseClient<Database>;

let m: TestMunicipality;
let carer: TestUser;
let otherCarer: TestUser;
let caseworker: TestUser;
let southCaseworker: TestUser;
let admin: TestUser;
let foreignAdmin: TestUser;
let foreignCaseworker: TestUser;
let applicationId: string;
let chequeId: string;

beforeAll(async () => {
	m = await createMunicipality();
	await createScheme(m.id);
	caseworker = await personIn(m.id, 'consulent', 'caseworker', [m.north]);
	southCaseworker = await personIn(m.id, 'consulent-zuid', 'caseworker', [m.south]);
	admin = await personIn(m.id, 'beheer', 'municipality_admin');
	carer = await personIn(m.id, 'mantelzorger');
	otherCarer = await personIn(m.id, 'andere-mantelzorger');
	const other = await createMunicipality();
	await createScheme(other.id);
	foreignAdmin = await personIn(other.id, 'beheer-elders', 'municipality_admin');
	// A caseworker elsewhere, even with a wijk of this municipality written into their list.
	foreignCaseworker = await personIn(other.id, 'consulent-elders', 'caseworker', [other.north]);
	await sql(
		`insert into public.caseworker_districts (municipality_id, user_id, district_id)
		 values ('${m.id}', '${foreignCaseworker.id}', '${m.north}')`
	);
	const { data, error } = await carer.client.rpc('submit_application', applicationArgs());
	if (error) throw error;
	applicationId = data as string;
	const approved = await caseworker.client.rpc('approve_application', {
		p_application_id: applicationId
	});
	if (approved.error) throw approved.error;
	chequeId = approved.data as string;
});

const ids = async (client: Client, table: 'applications' | 'cheques', id: string) =>
	((await client.from(table).select('id').eq('id', id)).data ?? []).map((r) => r.id);

async function raw(client: Client | null, path: string, init: RequestInit = {}) {
	const token = client ? (await client.auth.getSession()).data.session?.access_token : null;
	const key = inject('publishableKey');
	return fetch(`${inject('supabaseUrl')}/rest/v1/${path}`, {
		...init,
		headers: {
			apikey: key,
			Authorization: `Bearer ${token ?? key}`,
			'Content-Type': 'application/json',
			Prefer: 'return=representation',
			...(init.headers ?? {})
		}
	});
}

describe('reading', () => {
	it('the carer, their consulent and the admin see the application; only the carer the cheque', async () => {
		for (const client of [carer.client, caseworker.client, admin.client]) {
			expect(await ids(client, 'applications', applicationId)).toEqual([applicationId]);
		}
		expect(await ids(carer.client, 'cheques', chequeId)).toEqual([chequeId]);
		// Four eyes: consulenten and admins see a cheque's balance in the file, never its code.
		for (const client of [caseworker.client, admin.client]) {
			expect(await ids(client, 'cheques', chequeId)).toEqual([]);
		}
	});

	it('another carer, a consulent of another wijk or municipality, another admin and anon see nothing', async () => {
		for (const client of [
			otherCarer.client,
			southCaseworker.client,
			foreignCaseworker.client,
			foreignAdmin.client,
			anonClient()
		]) {
			expect(await ids(client, 'applications', applicationId)).toEqual([]);
			expect(await ids(client, 'cheques', chequeId)).toEqual([]);
		}
		for (const client of [otherCarer.client, null]) {
			for (const table of ['applications', 'cheques', 'callback_checks', 'audit_log']) {
				const res = await raw(client, `${table}?select=*`);
				const rows = res.ok ? ((await res.json()) as unknown[]) : [];
				expect(rows, table).toEqual([]);
			}
		}
		const page = await otherCarer.client.rpc('my_carer_page');
		expect(page.data).toMatchObject({ applications: [], cheques: [] });
	});

	it('the consulent’s queue and file hold only their wijken; others are refused', async () => {
		const queue = await caseworker.client.rpc('caseworker_queue');
		expect(
			(queue.data as { applications: { id: string }[] }).applications.map((a) => a.id)
		).toContain(applicationId);
		const south = await southCaseworker.client.rpc('caseworker_queue');
		expect((south.data as { applications: unknown[] }).applications).toEqual([]);
		for (const client of [southCaseworker.client, foreignCaseworker.client, otherCarer.client]) {
			const file = await client.rpc('application_file', { p_application_id: applicationId });
			expect(file.error?.message).toMatch(/forbidden/);
		}
		const file = await caseworker.client.rpc('application_file', {
			p_application_id: applicationId
		});
		expect(file.error).toBeNull();
		// Who looked is logged.
		const [viewed] = await sql<{ actor_id: string }>(
			`select actor_id from public.audit_log
			 where entity_id = '${applicationId}' and action = 'mantelzorg.application_viewed'`
		);
		expect(viewed?.actor_id).toBe(caseworker.id);
		expect((await carer.client.rpc('caseworker_queue')).error?.message).toMatch(/forbidden/);
		expect((await anonClient().rpc('caseworker_queue')).error).not.toBeNull();
	});

	it('only admins read the letter queue, the sample and the audit log of their municipality', async () => {
		for (const client of [carer.client, caseworker.client, foreignAdmin.client]) {
			expect((await client.rpc('letter_queue')).data ?? []).toEqual([]);
			const log = await client.from('audit_log').select('id').eq('municipality_id', m.id);
			expect(log.data ?? []).toEqual([]);
		}
		expect((await carer.client.rpc('letter_queue')).error?.message).toMatch(/forbidden/);
		const log = await admin.client.from('audit_log').select('action').eq('municipality_id', m.id);
		expect((log.data ?? []).length).toBeGreaterThan(0);
	});
});

describe('writing around the functions', () => {
	it('nobody inserts, updates or deletes applications or cheques directly', async () => {
		const [row] = await sql<Record<string, unknown>>(
			`select to_jsonb(a) - 'id' - 'status' as j from public.applications a where id = '${applicationId}'`
		);
		for (const client of [carer.client, caseworker.client, admin.client]) {
			const insert = await client
				.from('applications')
				.insert({ ...(row?.j as object), status: 'approved' } as never)
				.select('id');
			expect(insert.data ?? []).toEqual([]);
			const update = await client
				.from('cheques')
				.update({ remaining_cents: 100000, value_cents: 100000 })
				.eq('id', chequeId)
				.select('id');
			expect(update.data ?? []).toEqual([]);
			const approve = await client
				.from('applications')
				.update({ status: 'rejected' })
				.eq('id', applicationId)
				.select('id');
			expect(approve.data ?? []).toEqual([]);
			const remove = await client.from('cheques').delete().eq('id', chequeId).select('id');
			expect(remove.data ?? []).toEqual([]);
		}
		const res = await raw(carer.client, `cheques?id=eq.${chequeId}`, {
			method: 'PATCH',
			body: JSON.stringify({ remaining_cents: 99999, status: 'active' })
		});
		expect(res.ok ? ((await res.json()) as unknown[]) : []).toEqual([]);
		const [after] = await sql<{ remaining_cents: number; status: string }>(
			`select remaining_cents, status from public.cheques where id = '${chequeId}'`
		);
		expect(after).toEqual({ remaining_cents: 5000, status: 'active' });
	});

	it('the carer cannot decide, ask, reissue or draw samples; an admin of elsewhere cannot either', async () => {
		const calls = [
			() => carer.client.rpc('approve_application', { p_application_id: applicationId }),
			() =>
				carer.client.rpc('reject_application', {
					p_application_id: applicationId,
					p_reason: 'Zelf afgewezen'
				}),
			() =>
				carer.client.rpc('ask_question', { p_application_id: applicationId, p_question: 'Nee?' }),
			() => carer.client.rpc('block_and_reissue_cheque', { p_cheque_id: chequeId }),
			() => foreignAdmin.client.rpc('block_and_reissue_cheque', { p_cheque_id: chequeId }),
			() => carer.client.rpc('draw_callback_sample', { p_size: 5 }),
			() =>
				southCaseworker.client.rpc('enter_application_for_carer', {
					...applicationArgs(),
					p_district_id: m.north
				})
		];
		for (const call of calls) expect((await call()).error?.message).toMatch(/forbidden/);
	});

	it('a carer cannot assign themself a wijk, nor write a scheme', async () => {
		const wijk = await carer.client
			.from('caseworker_districts')
			.insert({ municipality_id: m.id, user_id: carer.id, district_id: m.north })
			.select('id');
		expect(wijk.data ?? []).toEqual([]);
		const scheme = await carer.client
			.from('schemes')
			.update({ cheque_value_cents: 100000 })
			.eq('municipality_id', m.id)
			.select('id');
		expect(scheme.data ?? []).toEqual([]);
		const foreign = await foreignAdmin.client
			.from('schemes')
			.update({ cheque_value_cents: 100000 })
			.eq('municipality_id', m.id)
			.select('id');
		expect(foreign.data ?? []).toEqual([]);
	});

	it('the maintenance jobs and internal helpers are refused to the API roles', async () => {
		for (const client of [carer.client, admin.client, anonClient()]) {
			for (const fn of [
				'remind_expiring_cheques',
				'purge_expired_applications',
				'generate_cheque_code'
			] as const) {
				expect((await client.rpc(fn)).error, fn).not.toBeNull();
			}
			const log = await client.rpc(
				'log_audit' as never,
				{
					p_municipality_id: m.id,
					p_action: 'mantelzorg.fake',
					p_entity_type: 'application',
					p_entity_id: applicationId
				} as never
			);
			expect(log.error).not.toBeNull();
		}
	});
});

describe('the audit log', () => {
	it('is append-only: an admin cannot change or delete an entry, nor can the database owner', async () => {
		const [entry] = await sql<{ id: string; action: string }>(
			`select id, action from public.audit_log where municipality_id = '${m.id}' order by created_at limit 1`
		);
		const update = await admin.client
			.from('audit_log')
			.update({ action: 'mantelzorg.nothing_happened' })
			.eq('id', entry?.id as string)
			.select('id');
		expect(update.data ?? []).toEqual([]);
		const remove = await admin.client
			.from('audit_log')
			.delete()
			.eq('id', entry?.id as string)
			.select('id');
		expect(remove.data ?? []).toEqual([]);
		const insert = await admin.client
			.from('audit_log')
			.insert({
				municipality_id: m.id,
				action: 'mantelzorg.invented',
				entity_type: 'application'
			})
			.select('id');
		expect(insert.data ?? []).toEqual([]);
		await expect(
			sql(`update public.audit_log set action = 'x.y' where id = '${entry?.id}'`)
		).rejects.toThrow();
		await expect(sql(`delete from public.audit_log where id = '${entry?.id}'`)).rejects.toThrow();
		const [guard] = await sql<{ n: number }>(
			`select count(*)::int as n from pg_trigger where tgrelid = 'public.audit_log'::regclass
			 and tgname in ('audit_log_append_only', 'audit_log_no_truncate')`
		);
		expect(guard?.n).toBe(2);
		const [still] = await sql<{ action: string }>(
			`select action from public.audit_log where id = '${entry?.id}'`
		);
		expect(still?.action).toBe(entry?.action);
	});
});
