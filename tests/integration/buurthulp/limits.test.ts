// Limits a user notices: posting and reacting are rate-limited with a clear Dutch message, a
// request whose date has passed stops being offered (on read at once, by the scheduled job later),
// and a text search counts up to 500 matches, listed newest first.
import { describe, expect, it } from 'vitest';
import { helpErrorMessage } from '../../../src/lib/server/buurthulp/errors.ts';
import { anonClient, createUser, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import {
	createVolunteer,
	districtId,
	isoDate,
	postRequest,
	react,
	requestArgs
} from '../../support/buurthulp-factories.ts';
import { serviceClient } from '../../support/background.ts';

describe('rate limits', () => {
	it('stop the 11th request within an hour, with a message that says how many and when', async () => {
		const resident = await createUser({ label: 'veelposter' });
		const wijk = await districtId('zaandijk');
		const post = (n: number) =>
			resident.client.rpc(
				'post_help_request',
				requestArgs(wijk, { p_title: `Samen koffie drinken ${n}` })
			);
		for (let n = 1; n <= 10; n++) {
			const { error } = await post(n);
			expect(error, `request ${n}`).toBeNull();
		}
		const eleventh = await post(11);
		expect(eleventh.error).not.toBeNull();
		expect(helpErrorMessage(eleventh.error, 'help_requests')).toBe(
			'Je hebt in korte tijd veel hulpvragen geplaatst. Dat kan hoogstens 10 keer per uur. Probeer het later opnieuw.'
		);
		const [{ n }] = (await sql<{ n: number }>(
			`select count(*)::int as n from public.help_requests where created_by = '${resident.id}'`
		)) as [{ n: number }];
		expect(n).toBe(10);
	});

	it('stop the 21st reaction within an hour', async () => {
		const volunteer = await createVolunteer({ label: 'snelle-reageerder' });
		const residents = await Promise.all([createUser(), createUser(), createUser()]);
		const requests: string[] = [];
		for (const resident of residents) {
			for (let i = 0; i < 7; i++) requests.push(await postRequest(resident.client, resident.id));
		}
		for (const requestId of requests.slice(0, 20)) await react(volunteer, requestId);
		const last = await volunteer.client.from('responses').insert({
			municipality_id: '00000000-0000-4000-8000-000000000001',
			request_id: requests[20] as string,
			volunteer_id: volunteer.id,
			message: 'Ik help ook hier graag.'
		});
		expect(last.error).not.toBeNull();
		expect(helpErrorMessage(last.error, 'responses')).toContain(
			'Je hebt in korte tijd op veel hulpvragen gereageerd. Dat kan hoogstens 20 keer per uur.'
		);
	});
});

describe('requests past their date', () => {
	it('leave the board and Voor jou at once, and the scheduled job marks them expired', async () => {
		const resident = await createUser({ label: 'verlopen' });
		const volunteer = await createVolunteer({ district: 'westzaan', categories: ['garden'] });
		const title = `Heg knippen ${Date.now()}`;
		const requestId = await postRequest(resident.client, resident.id, {
			title,
			category: 'garden',
			district: 'westzaan',
			startsOn: isoDate(1)
		});
		const onBoard = async () =>
			(
				(await anonClient().rpc('search_help_requests', { p_query: title.split(' ')[2] })).data as {
					items: { id: string }[];
				}
			).items.map((i) => i.id);
		const inVoorJou = async () =>
			(
				(await volunteer.client.rpc('suggest_requests_for_me', { p_limit: 50 })).data as {
					items: { id: string }[];
				}
			).items.map((i) => i.id);
		expect(await onBoard()).toContain(requestId);
		expect(await inVoorJou()).toContain(requestId);

		// The date passes (as maintenance: no form accepts a past date).
		await sql(
			`update public.help_requests set starts_on = current_date - 1 where id = '${requestId}'`
		);
		expect(await onBoard()).not.toContain(requestId);
		expect(await inVoorJou()).not.toContain(requestId);
		const page = await resident.client.rpc('help_request_page', { p_request_id: requestId });
		expect((page.data as { request: { status: string } }).request.status).toBe('expired');
		const [before] = await sql<{ status: string }>(
			`select status from public.help_requests where id = '${requestId}'`
		);
		expect(before?.status).toBe('open');

		const expired = await serviceClient().rpc('expire_help_requests');
		expect(expired.error).toBeNull();
		expect(expired.data).toBeGreaterThanOrEqual(1);
		const [after] = await sql<{ status: string }>(
			`select status from public.help_requests where id = '${requestId}'`
		);
		expect(after?.status).toBe('expired');
	});
});

describe('text search on the board', () => {
	it('lists matches newest first and counts up to 500, saying there are more', async () => {
		const resident = await createUser({ label: 'zoeker' });
		const word = `kruiwagen${Date.now()}`;
		const search = (query: string, offset = 0) =>
			anonClient().rpc('search_help_requests', { p_query: query, p_limit: 20, p_offset: offset });
		await sql(`
			insert into public.help_requests (municipality_id, district_id, requester_id, created_by,
				category, title, description, latitude, longitude, when_kind, duration_minutes, created_at)
			select '${ZAANSTAD_ID}', (select id from public.districts where slug = 'westzaan'),
				'${resident.id}', '${resident.id}', 'garden', 'Tuinhulp ' || g,
				'Wie leent mij een ${word} voor de tuin?', 0, 0, 'flexible', 60,
				now() - interval '2 hours' - g * interval '1 minute'
			from generate_series(1, 510) g`);

		const first = (await search(word)).data as {
			total: number;
			more: boolean;
			items: { title: string }[];
		};
		expect(first).toMatchObject({ total: 500, more: true });
		expect(first.items.map((i) => i.title).slice(0, 3)).toEqual([
			'Tuinhulp 1',
			'Tuinhulp 2',
			'Tuinhulp 3'
		]);
		const second = (await search(word, 20)).data as { items: { title: string }[] };
		expect(second.items[0]?.title).toBe('Tuinhulp 21');

		// A sharper search gets an exact count again.
		const sharp = (await search(`${word} "Tuinhulp 7"`)).data as { total: number; more: boolean };
		expect(sharp).toMatchObject({ total: 1, more: false });
	});
});
