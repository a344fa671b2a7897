// Issue 16, four eyes on money: whoever enters an application does not approve it; cheque codes
// are the carer's alone (consulenten and admins see that a cheque exists and its balance); a
// payout batch is approved by another admin than its maker and exported only once approved; every
// step is in the audit log with who did it. And 16.12: no column wider than the page.
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
import { createShop, createStaff } from '../../support/mantelzorg-shop-factories.ts';
import { createCheque, newKey } from '../../support/mantelzorg-counter-factories.ts';

type Client = SupabaseClient<Database>;

let m: TestMunicipality;
let enterer: TestUser;
let colleague: TestUser;
let admin: TestUser;
let secondAdmin: TestUser;

const enter = async (by: TestUser, firstName = 'Gerrit') => {
	const { data, error } = await by.client.rpc('enter_application_for_carer', {
		...applicationArgs({ firstName }),
		p_district_id: m.north
	});
	if (error) throw error;
	return data as string;
};

/** The status of a raw call through the Data API, as an attacker with this account gets it. */
async function rawStatus(client: Client | null, path: string, body?: unknown) {
	const token = client ? (await client.auth.getSession()).data.session?.access_token : null;
	const res = await fetch(`${inject('supabaseUrl')}/rest/v1/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: {
			apikey: inject('publishableKey'),
			...(token ? { authorization: `Bearer ${token}` } : {}),
			'content-type': 'application/json'
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: res.status, body: (await res.json()) as unknown };
}

const actorsOf = async (entityId: string, action: string) =>
	(
		await sql<{ actor_id: string }>(
			`select actor_id from public.audit_log where entity_id = '${entityId}' and action = '${action}'`
		)
	).map((r) => r.actor_id);

beforeAll(async () => {
	m = await createMunicipality();
	await createScheme(m.id);
	enterer = await personIn(m.id, 'consulent', 'caseworker', [m.north]);
	colleague = await personIn(m.id, 'consulent-2', 'caseworker', [m.north]);
	admin = await personIn(m.id, 'beheer', 'municipality_admin');
	secondAdmin = await personIn(m.id, 'financien', 'municipality_admin');
});

describe('applications', () => {
	it('whoever entered an application cannot approve it; another consulent can (403, then 200)', async () => {
		const id = await enter(enterer);
		const own = await rawStatus(enterer.client, 'rpc/approve_application', {
			p_application_id: id
		});
		expect(own.status).toBe(403);
		expect(own.body).toMatchObject({ message: 'entered_by_you' });
		const file = await enterer.client.rpc('application_file', { p_application_id: id });
		expect(file.data).toMatchObject({
			application: { entered_by_me: true, approval_refusal: 'entered_by_you' }
		});
		// Rejecting creates no money: the enterer may.
		const other = await enter(enterer, 'Greet');
		expect(
			(
				await enterer.client.rpc('reject_application', {
					p_application_id: other,
					p_reason: 'Zorgt minder dan 8 uur per week.'
				})
			).error
		).toBeNull();

		const approved = await colleague.client.rpc('approve_application', { p_application_id: id });
		expect(approved.error).toBeNull();
		expect(await actorsOf(id, 'mantelzorg.application_approved')).toEqual([colleague.id]);
		expect(await actorsOf(id, 'mantelzorg.application_submitted')).toEqual([enterer.id]);
	});

	it('the admin approves what a consulent entered, and sees the whole queue', async () => {
		const id = await enter(enterer, 'Henk');
		const queue = await admin.client.rpc('caseworker_queue');
		expect(
			(queue.data as { applications: { id: string }[] }).applications.map((a) => a.id)
		).toContain(id);
		expect((await admin.client.rpc('approve_application', { p_application_id: id })).error).toBe(
			null
		);
	});
});

describe('cheque codes', () => {
	let chequeId: string;
	let code: string;
	let carer: TestUser;

	beforeAll(async () => {
		carer = await personIn(m.id, 'mantelzorger');
		const submitted = await carer.client.rpc('submit_application', applicationArgs());
		if (submitted.error) throw submitted.error;
		const approved = await enterer.client.rpc('approve_application', {
			p_application_id: submitted.data as string
		});
		if (approved.error) throw approved.error;
		chequeId = approved.data as string;
		[{ code } = { code: '' }] = await sql<{ code: string }>(
			`select code from public.cheques where id = '${chequeId}'`
		);
	});

	it('are read by the carer only; consulenten and admins see the cheque and its balance', async () => {
		const own = await carer.client.from('cheques').select('code').eq('id', chequeId);
		expect(own.data).toEqual([{ code }]);
		for (const reader of [enterer, colleague, admin]) {
			const direct = await reader.client.from('cheques').select('code').eq('id', chequeId);
			expect(direct.data ?? []).toEqual([]);
			const raw = await rawStatus(reader.client, `cheques?select=code&id=eq.${chequeId}`);
			expect(raw.body).toEqual([]);
		}
		const applicationId = (
			await sql<{ application_id: string }>(
				`select application_id from public.cheques where id = '${chequeId}'`
			)
		)[0]?.application_id as string;
		for (const reader of [enterer, admin]) {
			const file = await reader.client.rpc('application_file', {
				p_application_id: applicationId
			});
			expect(file.data).toMatchObject({ cheques: [{ id: chequeId, remaining_cents: 5000 }] });
			expect(JSON.stringify(file.data)).not.toContain(code);
		}
		const queue = await admin.client.rpc('letter_queue');
		expect(JSON.stringify(queue.data)).not.toContain(code);
	});
});

describe('payout batches', () => {
	it('are approved by another admin than their maker, exported once approved, each step logged', async () => {
		const shop = await createShop({ input: { p_name: 'Vier Ogen Winkel' } });
		const staff = await createStaff(shop);
		const cheque = await createCheque({ valueCents: 2000 });
		const redeemed = await staff.client.rpc('redeem_cheque', {
			p_shop_id: shop.id,
			p_code: cheque.code,
			p_amount_cents: 1500,
			p_idempotency_key: newKey()
		});
		expect(redeemed.data).toMatchObject({ ok: true });
		// The shop and its redemption are Zaanstad's: the batch is made by Zaanstad admins.
		const maker = await personIn(
			'00000000-0000-4000-8000-000000000001',
			'maker',
			'municipality_admin'
		);
		const checker = await personIn(
			'00000000-0000-4000-8000-000000000001',
			'controleur',
			'municipality_admin'
		);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
			new Date()
		);
		const created = await maker.client.rpc('create_reimbursement_batch', {
			p_shop_id: shop.id,
			p_period_start: today,
			p_period_end: today
		});
		expect(created.error).toBeNull();
		const batchId = created.data as string;

		const early = await rawStatus(checker.client, 'rpc/export_reimbursement_batch', {
			p_batch_id: batchId
		});
		expect(early).toMatchObject({ status: 409, body: { message: 'batch_not_approved' } });
		const byMaker = await rawStatus(maker.client, 'rpc/approve_reimbursement_batch', {
			p_batch_id: batchId
		});
		expect(byMaker).toMatchObject({ status: 403, body: { message: 'batch_made_by_you' } });
		const page = await maker.client.rpc('reimbursement_admin_page');
		expect(
			(page.data as { batches: { id: string; created_by_me: boolean }[] }).batches.find(
				(b) => b.id === batchId
			)
		).toMatchObject({ created_by_me: true });

		expect(
			(await checker.client.rpc('approve_reimbursement_batch', { p_batch_id: batchId })).error
		).toBeNull();
		const twice = await rawStatus(checker.client, 'rpc/approve_reimbursement_batch', {
			p_batch_id: batchId
		});
		expect(twice.status).toBe(409);
		expect(
			(await maker.client.rpc('export_reimbursement_batch', { p_batch_id: batchId })).error
		).toBeNull();

		expect(await actorsOf(batchId, 'mantelzorg.batch_created')).toEqual([maker.id]);
		expect(await actorsOf(batchId, 'mantelzorg.batch_approved')).toEqual([checker.id]);
		expect(await actorsOf(batchId, 'mantelzorg.batch_paid_out')).toEqual([maker.id]);
		// The log is append-only, for its readers too.
		await checker.client.from('audit_log').delete().eq('entity_id', batchId);
		expect(await actorsOf(batchId, 'mantelzorg.batch_created')).toEqual([maker.id]);
	});

	it('/beheer counts the admins, so a lone admin is told why approving cannot happen', async () => {
		const lone = await createMunicipality();
		const only = await personIn(lone.id, 'enige-beheerder', 'municipality_admin');
		const page = await only.client.rpc('four_eyes_page');
		expect(page.data).toMatchObject({ admin_count: 1 });
		const ours = await admin.client.rpc('four_eyes_page');
		expect(ours.data).toMatchObject({ admin_count: 2 });
		void secondAdmin;
	});
});

describe('no column wider than the page (16.12)', () => {
	it('public shop rows and the carer’s receipts carry no account ids', async () => {
		const shop = await createShop({ input: { p_name: 'Smalle Kolommen' } });
		const staff = await createStaff(shop);
		for (const client of [anonClient(), colleague.client]) {
			const rows = await client.from('shops').select('*').eq('id', shop.id);
			expect(JSON.stringify(rows.data ?? [])).not.toContain(shop.owner.id);
		}
		const list = await anonClient().rpc('approved_shops', {});
		const listed = (list.data as { shops: Record<string, unknown>[] }).shops.find(
			(s) => s.id === shop.id
		);
		expect(listed).toBeDefined();
		expect(Object.keys(listed ?? {})).not.toContain('owner_user_id');
		expect(JSON.stringify(list.data)).not.toContain(shop.owner.id);

		const carer = await personIn('00000000-0000-4000-8000-000000000001', 'bonnetje');
		const cheque = await createCheque({ carerUserId: carer.id });
		await staff.client.rpc('redeem_cheque', {
			p_shop_id: shop.id,
			p_code: cheque.code,
			p_amount_cents: 700,
			p_idempotency_key: newKey()
		});
		expect((await carer.client.from('redemptions').select('*')).data ?? []).toEqual([]);
		const receipts = await carer.client.rpc('cheque_receipts', { p_cheque_id: cheque.id });
		expect(receipts.data).toMatchObject([{ amount_cents: 700, shop_name: 'Smalle Kolommen' }]);
		expect(JSON.stringify(receipts.data)).not.toContain(staff.id);
	});

	it('pages that answer only board members and admins are not granted to anon', async () => {
		const [activity] = await sql<{ id: string; community_centre_id: string }>(
			'select id, community_centre_id from public.activities limit 1'
		);
		for (const [fn, body] of [
			['activity_registrations_page', { p_activity_id: activity?.id }],
			['activity_board_page', { p_activity_id: activity?.id }],
			['centre_board_page', { p_centre_id: activity?.community_centre_id }]
		] as const) {
			const res = await rawStatus(null, `rpc/${fn}`, body);
			expect(res.status, fn).toBeGreaterThanOrEqual(400);
			expect(res.status, fn).toBeLessThan(500);
		}
	});
});
