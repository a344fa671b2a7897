// What the pages hide, the API hides too: each case here went through /rest/v1 with the
// publishable key and a fresh account before it was fixed (issue "Hardening").
import { describe, expect, inject, it } from 'vitest';
import { serviceClient } from '../../support/background.ts';
import {
	anonClient,
	createUser,
	sql,
	ZAANSTAD_ID,
	type TestUser
} from '../../support/factories.ts';
import {
	createVolunteer,
	districtId,
	postRequest,
	react,
	requestArgs
} from '../../support/buurthulp-factories.ts';

/** A raw PostgREST call as the given user (or anonymous), as an attacker would send it. */
async function rest(path: string, user?: TestUser, init: RequestInit = {}) {
	const session = user ? (await user.client.auth.getSession()).data.session : null;
	const headers = new Headers(init.headers);
	headers.set('apikey', inject('publishableKey'));
	if (session) headers.set('authorization', `Bearer ${session.access_token}`);
	if (init.body) headers.set('content-type', 'application/json');
	return fetch(`${inject('supabaseUrl')}/rest/v1/${path}`, { ...init, headers });
}

async function vulnerableOpenRequest() {
	const resident = await createUser({ label: 'inwoner', displayName: 'Greet Kwetsbaar' });
	const requestId = await postRequest(resident.client, resident.id);
	await sql(`update public.help_requests set is_vulnerable = true where id = '${requestId}'`);
	return { resident, requestId };
}

async function matched() {
	const resident = await createUser({ label: 'inwoner' });
	const volunteer = await createVolunteer();
	await sql(
		`update public.profile_contacts set phone = '0612345678', street_address = 'Geheimstraat 1',
		 postcode = '1521 AB', city = 'Wormerveer' where profile_id = '${volunteer.id}'`
	);
	const requestId = await postRequest(resident.client, resident.id);
	const responseId = await react(volunteer, requestId);
	const { data: matchId, error } = await resident.client.rpc('accept_response', {
		p_response_id: responseId
	});
	if (error) throw error;
	return { resident, volunteer, requestId, matchId: matchId as string };
}

describe('help requests hold more than the board shows', () => {
	it('a stranger cannot list vulnerable requests with the requester’s name through the table', async () => {
		const { requestId } = await vulnerableOpenRequest();
		const stranger = await createUser({ label: 'nieuwsgierig' });
		const res = await rest(
			`help_requests?select=id,is_vulnerable,profiles!help_requests_requester_id_fkey(display_name)&is_vulnerable=is.true&id=eq.${requestId}`,
			stranger
		);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual([]);
	});

	it('the stranger still finds the request on the board, without those fields, reacts once verified and reports it', async () => {
		const { requestId } = await vulnerableOpenRequest();
		const stranger = await createVolunteer({ label: 'vreemde' });
		const board = await stranger.client.rpc('search_help_requests', { p_limit: 100 });
		expect(board.error).toBeNull();
		const item = (board.data as { items: Record<string, unknown>[] }).items.find(
			(i) => i.id === requestId
		);
		expect(item).toBeDefined();
		expect(item).not.toHaveProperty('is_vulnerable');
		expect(item).not.toHaveProperty('requester_id');
		// A request for a vulnerable person takes reactions from verified volunteers only (issue 20).
		await expect(react(stranger, requestId)).rejects.toThrow();
		await sql(
			`insert into public.volunteer_verifications (volunteer_id, municipality_id, verified_at, met_on, vog_issued_on, expires_on)
			 values ('${stranger.id}', '${ZAANSTAD_ID}', now(), current_date, current_date, current_date + 365)`
		);
		await expect(react(stranger, requestId)).resolves.toBeTruthy();
		const report = await stranger.client.rpc('report_content', {
			p_target_type: 'help_request',
			p_target_id: requestId,
			p_reason: 'Dit lijkt me geen echte vraag.'
		});
		expect(report.error).toBeNull();
	});
});

describe('contact details during a match', () => {
	it('the resident reads the volunteer’s phone on the match page but not their address from the table', async () => {
		const { resident, volunteer, matchId } = await matched();
		const page = await resident.client.rpc('help_match_page', { p_match_id: matchId });
		expect(page.error).toBeNull();
		expect((page.data as { contact: { phone: string } }).contact.phone).toBe('0612345678');
		const res = await rest(`profile_contacts?profile_id=eq.${volunteer.id}`, resident);
		expect(await res.json()).toEqual([]);
	});

	it('the volunteer still reads the resident’s contact details, as the match page shows them', async () => {
		const { resident, volunteer } = await matched();
		const { data } = await volunteer.client
			.from('profile_contacts')
			.select('profile_id')
			.eq('profile_id', resident.id);
		expect(data).toEqual([{ profile_id: resident.id }]);
	});
});

describe('direct table writes obey the functions’ rules', () => {
	it('a report about a message of someone else’s match is refused', async () => {
		const { resident, matchId } = await matched();
		const { data: message } = await resident.client
			.from('match_messages')
			.insert({
				municipality_id: ZAANSTAD_ID,
				match_id: matchId,
				sender_id: resident.id,
				body: 'Tot dinsdag!'
			})
			.select('id')
			.single();
		const outsider = await createUser({ label: 'buitenstaander' });
		const res = await rest('reports', outsider, {
			method: 'POST',
			body: JSON.stringify({
				municipality_id: ZAANSTAD_ID,
				reporter_id: outsider.id,
				target_type: 'match_message',
				target_id: message?.id,
				reason: 'Ik wil weten wat hier staat.'
			})
		});
		expect(res.status).toBeGreaterThanOrEqual(400);
		const stored = await sql(`select 1 from public.reports where reporter_id = '${outsider.id}'`);
		expect(stored).toEqual([]);
	});

	it('an offer dated 2099 is stored with the time it was posted', async () => {
		const volunteer = await createVolunteer({ label: 'aanbieder' });
		const res = await rest('help_offers', volunteer, {
			method: 'POST',
			headers: { prefer: 'return=representation' },
			body: JSON.stringify({
				municipality_id: ZAANSTAD_ID,
				volunteer_id: volunteer.id,
				district_id: await districtId('wormerveer'),
				category: 'garden',
				title: 'Tuinhulp op zaterdag',
				description: 'Ik help graag in de tuin, op zaterdagochtend.',
				created_at: '2099-01-01T00:00:00Z'
			})
		});
		expect(res.status).toBe(201);
		const [row] = (await res.json()) as { created_at: string }[];
		expect(new Date(row?.created_at ?? 0).getFullYear()).toBeLessThan(2099);
		expect(Math.abs(Date.now() - new Date(row?.created_at ?? 0).getTime())).toBeLessThan(600_000);
	});

	it('a volunteer profile with 20,000 wijken, or one unknown wijk, is refused', async () => {
		const volunteer = await createVolunteer({ label: 'veelwijken' });
		const many = Array.from({ length: 20_000 }, () => crypto.randomUUID());
		const big = await rest(`volunteer_profiles?user_id=eq.${volunteer.id}`, volunteer, {
			method: 'PATCH',
			body: JSON.stringify({ district_ids: many })
		});
		expect(big.status).toBeGreaterThanOrEqual(400);
		const one = await volunteer.client
			.from('volunteer_profiles')
			.update({ district_ids: [crypto.randomUUID()] })
			.eq('user_id', volunteer.id);
		expect(one.error).not.toBeNull();
		const [row] = await sql<{ n: number }>(
			`select cardinality(district_ids) as n from public.volunteer_profiles where user_id = '${volunteer.id}'`
		);
		expect(row?.n).toBe(1);
	});
});

describe('maintenance functions', () => {
	it('expire_help_requests and another volunteer’s active_match_count answer no account', async () => {
		const { volunteer } = await matched();
		const someone = await createUser({ label: 'iemand' });
		for (const client of [someone.client, anonClient()]) {
			expect((await client.rpc('expire_help_requests')).error).not.toBeNull();
			const count = await rest('rpc/active_match_count', someone, {
				method: 'POST',
				body: JSON.stringify({ p_volunteer_id: volunteer.id })
			});
			expect(count.status).toBeGreaterThanOrEqual(400);
		}
		expect((await serviceClient().rpc('expire_help_requests')).error).toBeNull();
	});
});

describe('oversized arguments are refused before any work', () => {
	it('a search of 10,000 words gets a clean error, and the API answers afterwards', async () => {
		const res = await rest('rpc/search_help_requests', undefined, {
			method: 'POST',
			body: JSON.stringify({ p_query: 'x '.repeat(10_000) })
		});
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(await res.text()).toMatch(/too_long/);
		const many = await rest('rpc/search_help_requests', undefined, {
			method: 'POST',
			body: JSON.stringify({ p_query: 'a b c d e f g h i j k l m n o p q r s t u v w' })
		});
		expect(await many.text()).toMatch(/search_too_long/);
		const after = await anonClient().rpc('search_help_requests', { p_query: 'boodschappen' });
		expect(after.error).toBeNull();
	});

	it('a title of 100,000 characters is refused by post_help_request', async () => {
		const resident = await createUser({ label: 'lang' });
		const { error } = await resident.client.rpc(
			'post_help_request',
			requestArgs(await districtId('wormerveer'), { p_title: 'x'.repeat(100_000) })
		);
		expect(error?.message).toMatch(/too_long: title/);
	});
});
