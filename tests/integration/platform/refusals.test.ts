// Issue 16.11: a refusal or a malformed call is a 4xx, on the embedded Supabase and on hosted
// PostgREST alike, never a 5xx.
// 1. Every function in public raises only SQLSTATEs that both map to a 4xx (README, Known
//    differences): read from the catalog, so a new function or a new refusal is checked without
//    touching this file.
// 2. Each of those SQLSTATEs answers a 4xx here, through real refusals of real functions.
// 3. Every function granted to authenticated or anon answers a 4xx (or a 2xx), never a 5xx, when
//    one argument has the wrong type: as a signed-in account and signed out.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogFunctions } from '../../support/catalog-functions.ts';
import { createUser, sql, type TestUser } from '../../support/factories.ts';
import {
	applicationArgs,
	createMunicipality,
	createScheme,
	personIn
} from '../../support/mantelzorg-factories.ts';
import { createShop, createStaff, shopAdmin } from '../../support/mantelzorg-shop-factories.ts';
import { createCheque, newKey } from '../../support/mantelzorg-counter-factories.ts';
import { createBoardMember, centre, postActivity } from '../../support/buurthuizen-factories.ts';
import { dayFromNow } from '../../support/days.ts';

/** SQLSTATEs that the embedded Supabase and PostgREST both answer with a 4xx. */
const BOTH_4XX = /^(42501|22[0-9A-Z]{3}|PT4\d\d|23505)$/;

const fns = (await catalogFunctions())
	.filter((f) => f.language === 'plpgsql' || f.language === 'sql')
	.map((f) => ({
		...f,
		signature: f.identity,
		granted_to: [f.authenticated && 'authenticated', f.anon && 'anon'].filter(
			(role): role is string => Boolean(role)
		)
	}));

/** Every RAISE EXCEPTION in a function body, with the SQLSTATE it uses ('P0001' when none). */
function raises(source: string): string[] {
	const codes: string[] = [];
	const body = source.replace(/--[^\n]*/g, '');
	for (const m of body.matchAll(/raise\s+(exception|sqlstate)\b([^;]*);/gi)) {
		const [, kind, rest = ''] = m;
		if (kind?.toLowerCase() === 'sqlstate') {
			codes.push(/'([^']+)'/.exec(rest)?.[1] ?? '?');
			continue;
		}
		codes.push(/errcode\s*=\s*'([^']+)'/i.exec(rest)?.[1] ?? 'P0001');
	}
	return codes;
}

describe('refusals', () => {
	it('every function raises only SQLSTATEs that are a 4xx on both APIs', () => {
		expect(fns.length).toBeGreaterThan(100);
		const wrong = fns.flatMap((fn) =>
			raises(fn.source)
				.filter((code) => !BOTH_4XX.test(code))
				.map((code) => `${fn.name}(${fn.signature}): ${code}`)
		);
		expect(wrong).toEqual([]);
	});

	it('finds the raises it checks (the reader of the catalog works)', () => {
		const approve = fns.find((f) => f.name === 'approve_application');
		expect(raises(approve?.source ?? '')).toEqual(expect.arrayContaining(['42501', 'PT409']));
	});
});

// ---------------------------------------------------------------------------------------------

let headers: Record<string, string>;
let expiredInvitation: string;
const anonHeaders = () => ({
	apikey: inject('publishableKey'),
	'content-type': 'application/json'
});

async function call(name: string, body: unknown, as: Record<string, string> = headers) {
	const res = await fetch(`${inject('supabaseUrl')}/rest/v1/rpc/${name}`, {
		method: 'POST',
		headers: as,
		body: JSON.stringify(body)
	});
	const text = await res.text();
	return { status: res.status, text };
}

beforeAll(async () => {
	const user = await createUser({ label: 'verkeerd-type' });
	const { data } = await user.client.auth.getSession();
	headers = { ...anonHeaders(), authorization: `Bearer ${data.session?.access_token}` };
	// An invitation of the seeded demo shop that expired yesterday: accepting it is a PT409.
	[{ id: expiredInvitation } = { id: '' }] = await sql<{ id: string }>(
		`insert into public.shop_staff_invitations (municipality_id, shop_id, email, expires_at)
		 values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-00000000a001',
			'${user.email}', now() - interval '1 day') returning id`
	);
});

describe('each SQLSTATE in use answers a 4xx here', () => {
	it.for([
		['42501, signed in', 'approve_application', () => ({ p_application_id: randomUUID() }), 403],
		['42501, signed out', 'approve_application', () => ({ p_application_id: randomUUID() }), 401],
		['PT404', 'accept_shop_invitation', () => ({ p_invitation_id: randomUUID() }), 404],
		['PT409', 'accept_shop_invitation', () => ({ p_invitation_id: expiredInvitation }), 409],
		['22001', 'community_centre_map', () => ({ p_postcode: '1'.repeat(5000) }), 400],
		['22023', 'community_centre_map', () => ({ p_latitude: 123, p_longitude: 4 }), 400]
	] as const)('%s', async ([, name, body, status]) => {
		const res = await call(name, body(), status === 401 ? anonHeaders() : headers);
		expect(res.status, res.text).toBe(status);
	});
});

describe('the refusals issue 16 found answering 500 are 4xx now', () => {
	const as = async (user: TestUser) => {
		const { data } = await user.client.auth.getSession();
		return { ...anonHeaders(), authorization: `Bearer ${data.session?.access_token}` };
	};

	it('approving twice, deciding an unknown shop, removing unknown staff', async () => {
		const m = await createMunicipality();
		await createScheme(m.id);
		const caseworker = await personIn(m.id, 'consulent', 'caseworker', [m.north]);
		const carer = await personIn(m.id, 'mantelzorger');
		const { data: id } = await carer.client.rpc('submit_application', applicationArgs());
		const cw = await as(caseworker);
		expect((await call('approve_application', { p_application_id: id }, cw)).status).toBe(200);
		expect((await call('approve_application', { p_application_id: id }, cw)).status).toBe(409);
		const admin = await as(await shopAdmin());
		const decide = { p_shop_id: randomUUID(), p_status: 'approved' };
		expect((await call('decide_shop', decide, admin)).status).toBe(404);
		expect(
			(await call('remove_shop_staff', { p_membership_id: randomUUID() }, headers)).status
		).toBe(404);
	});

	it('undoing an unknown or batched redemption; batch functions on unknown batches', async () => {
		const shop = await createShop({ input: { p_name: 'Weigerwinkel' } });
		const staff = await createStaff(shop);
		const cheque = await createCheque();
		const { data } = await staff.client.rpc('redeem_cheque', {
			p_shop_id: shop.id,
			p_code: cheque.code,
			p_amount_cents: 100,
			p_idempotency_key: newKey()
		});
		const redemption = (data as { redemption_id: string }).redemption_id;
		const st = await as(staff);
		expect((await call('undo_redemption', { p_redemption_id: randomUUID() }, st)).status).toBe(404);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
			new Date()
		);
		const admin = await as(await shopAdmin());
		const batch = await call(
			'create_reimbursement_batch',
			{ p_shop_id: shop.id, p_period_start: today, p_period_end: today },
			admin
		);
		expect(batch.status).toBe(200);
		expect((await call('undo_redemption', { p_redemption_id: redemption }, st)).status).toBe(409);
		for (const fn of ['approve_reimbursement_batch', 'export_reimbursement_batch']) {
			expect((await call(fn, { p_batch_id: randomUUID() }, admin)).status, fn).toBe(404);
		}
		const empty = await call(
			'create_reimbursement_batch',
			{ p_shop_id: shop.id, p_period_start: today, p_period_end: today },
			admin
		);
		expect(empty.status).toBe(409);
	});

	it("the board functions on another buurthuis's activity", async () => {
		const lorzie = await centre('de-lorzie');
		const theirs = await postActivity((await createBoardMember('de-lorzie')).client, lorzie.id, {
			weeklyUntil: dayFromNow(40)
		});
		const other = await as(await createBoardMember('a3', 'bestuur-a3'));
		for (const [fn, body] of [
			['cancel_activity', { p_activity_id: theirs, p_reason: 'x' }],
			['copy_activity', { p_activity_id: theirs }],
			['skip_activity_date', { p_activity_id: theirs, p_occurs_on: '2030-01-01' }]
		] as const) {
			expect((await call(fn, body, other)).status, fn).toBe(404);
		}
	});
});

// ---------------------------------------------------------------------------------------------

/** A value a page could plausibly send, so the other arguments do not end the call early. */
function ordinary(type: string): unknown {
	if (type.endsWith('[]')) return [ordinary(type.slice(0, -2))];
	if (type === 'uuid') return randomUUID();
	if (/^(integer|bigint|smallint|numeric|double precision|real)$/.test(type)) return 1;
	if (type === 'boolean') return false;
	if (type === 'date') return '2027-12-01';
	if (type.startsWith('timestamp')) return '2027-12-01T10:00:00Z';
	if (type === 'jsonb' || type === 'json') return {};
	return 'hulp';
}

/** What a careless or hostile caller sends instead; null when every value is acceptable. */
function wrong(type: string): unknown {
	if (type.endsWith('[]')) return { not: 'an array' };
	if (type === 'boolean') return 'ja';
	if (type === 'uuid') return { id: 1 };
	if (/^(integer|bigint|smallint)$/.test(type)) return 'veel';
	if (/^(numeric|double precision|real)$/.test(type)) return [1];
	if (type === 'date' || type.startsWith('timestamp') || type.startsWith('time')) return { day: 1 };
	if (type === 'jsonb' || type === 'json') return null;
	return { text: ['not', 'text'] };
}

const granted = fns.filter((f) => f.granted_to.length > 0);

describe('a wrong-typed argument is a 4xx for every function granted to the API roles', () => {
	it('lists the granted functions from the catalog', () => {
		expect(granted.map((f) => f.name)).toEqual(
			expect.arrayContaining(['redeem_cheque', 'submit_application', 'list_activity_occurrences'])
		);
	});

	it.for(granted)('$name($signature)', async (fn) => {
		const ordinaryArgs = Object.fromEntries(fn.params.map((p) => [p.name, ordinary(p.type)]));
		const roles = fn.granted_to.map((role) => (role === 'anon' ? anonHeaders() : headers));
		// The ordinary call first (a function without arguments gets only this one), then each
		// argument wrong in turn.
		const calls: { label: string; body: Record<string, unknown> }[] = [
			{ label: 'ordinary arguments', body: ordinaryArgs },
			...fn.params.flatMap((p) => {
				const value = wrong(p.type);
				return value === null
					? []
					: [
							{
								label: `${p.name}: ${JSON.stringify(value)}`,
								body: { ...ordinaryArgs, [p.name]: value }
							}
						];
			})
		];
		for (const { label, body } of calls) {
			for (const as of roles) {
				const res = await call(fn.name, body, as);
				expect(res.status, `${fn.name}(${label}) → ${res.text}`).toBeLessThan(500);
			}
		}
	});
});
