// Editing a hulpvraag: only its poster (or a coordinator for a resident without an account), only
// while it is open and not hidden, and only the fields of the form.
import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../../src/lib/database.types.ts';
import { anonClient, createUser, grantRole, sql } from '../../support/factories.ts';
import { createVolunteer, districtId, isoDate, react } from '../../support/buurthulp-factories.ts';

type Client = SupabaseClient<Database>;

const form = async (overrides: Partial<Record<string, unknown>> = {}) => ({
	p_district_id: await districtId('koog-aan-de-zaan'),
	p_category: 'computer_help',
	p_title: 'Hulp met mijn nieuwe telefoon',
	p_description: 'Ik krijg mijn e-mail niet op mijn nieuwe telefoon.',
	p_postcode_area: '1541',
	p_when_kind: 'date',
	p_starts_on: isoDate(3),
	p_ends_on: null as unknown as string,
	p_day_part: 'evening',
	p_duration_minutes: 60,
	p_recurrence: 'once',
	p_street_address: 'Hoogstraat 5',
	...overrides
});

async function post(client: Client, extra: Record<string, unknown> = {}): Promise<string> {
	const { data, error } = await client.rpc('post_help_request', {
		...(await form()),
		...extra
	} as Database['public']['Functions']['post_help_request']['Args']);
	if (error) throw error;
	return data as string;
}

const update = async (client: Client, requestId: string, overrides = {}) =>
	client.rpc('update_help_request', {
		p_request_id: requestId,
		...(await form(overrides))
	} as Database['public']['Functions']['update_help_request']['Args']);

describe('update_help_request', () => {
	it('changes what the poster wrote, the wijk point and the private address, nothing else', async () => {
		const resident = await createUser({ label: 'wijziger' });
		const requestId = await post(resident.client);
		const page = await resident.client.rpc('help_request_edit_page', { p_request_id: requestId });
		expect(page.data).toMatchObject({
			editable: true,
			request: { title: 'Hulp met mijn nieuwe telefoon', street_address: 'Hoogstraat 5' }
		});

		const { error } = await update(resident.client, requestId, {
			p_district_id: await districtId('zaandam-zuid'),
			p_title: 'Hulp met mijn nieuwe tablet',
			p_postcode_area: '1506',
			p_when_kind: 'range',
			p_starts_on: isoDate(2),
			p_ends_on: isoDate(9),
			p_street_address: 'Hemkade 20'
		});
		expect(error).toBeNull();
		const [row] = await sql<Record<string, unknown>>(
			`select r.title, r.status, r.hidden_at, r.when_kind, r.postcode_area, r.requester_id,
				r.latitude = round(d.latitude::numeric, 2)::float8 as on_wijk_point, c.street_address
			 from public.help_requests r join public.districts d on d.id = r.district_id
			 left join public.help_request_contacts c on c.request_id = r.id
			 where r.id = '${requestId}' and d.slug = 'zaandam-zuid'`
		);
		expect(row).toMatchObject({
			title: 'Hulp met mijn nieuwe tablet',
			status: 'open',
			hidden_at: null,
			when_kind: 'range',
			postcode_area: '1506',
			requester_id: resident.id,
			on_wijk_point: true,
			street_address: 'Hemkade 20'
		});
		// The public page shows the new text, still without the address.
		const shown = await anonClient().rpc('help_request_page', { p_request_id: requestId });
		expect(JSON.stringify(shown.data)).toContain('Hulp met mijn nieuwe tablet');
		expect(JSON.stringify(shown.data)).not.toContain('Hemkade');
	});

	it('is refused to strangers, to the volunteer who reacted, and to anonymous visitors', async () => {
		const resident = await createUser({ label: 'eigenaar' });
		const requestId = await post(resident.client);
		const volunteer = await createVolunteer();
		await react(volunteer, requestId);
		const stranger = await createUser({ label: 'vreemde' });
		for (const client of [stranger.client, volunteer.client, anonClient()]) {
			const page = await client.rpc('help_request_edit_page', { p_request_id: requestId });
			expect(page.data ?? null).toBeNull();
			const { error } = await update(client, requestId, { p_title: 'Overgenomen hulpvraag' });
			expect(error).not.toBeNull();
		}
		const [row] = await sql<{ title: string }>(
			`select title from public.help_requests where id = '${requestId}'`
		);
		expect(row?.title).toBe('Hulp met mijn nieuwe telefoon');
	});

	it('lets a coordinator edit for a resident without an account, not a resident’s own words', async () => {
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const onBehalf = await post(coordinator.client, {
			p_on_behalf: true,
			p_resident_name: 'Mevrouw De Vries',
			p_resident_phone: '075 612 3456'
		});
		expect(
			(await update(coordinator.client, onBehalf, { p_title: 'Mail op de tablet' })).error
		).toBeNull();
		const [contact] = await sql<{ resident_name: string; phone: string }>(
			`select resident_name, phone from public.help_request_contacts where request_id = '${onBehalf}'`
		);
		expect(contact).toEqual({ resident_name: 'Mevrouw De Vries', phone: '075 612 3456' });

		const resident = await createUser({ label: 'zelf' });
		const own = await post(resident.client);
		const refused = await update(coordinator.client, own, { p_title: 'Door de coördinator' });
		expect(refused.error?.message).toContain('forbidden');
	});

	it('refuses a matched, a hidden request and a blocked poster, with a reason for the page', async () => {
		const resident = await createUser({ label: 'gekoppeld' });
		const matched = await post(resident.client);
		const volunteer = await createVolunteer();
		await resident.client.rpc('accept_response', {
			p_response_id: await react(volunteer, matched)
		});
		expect(
			(await resident.client.rpc('help_request_edit_page', { p_request_id: matched })).data
		).toMatchObject({ editable: false, reason: 'not_open' });
		expect((await update(resident.client, matched)).error?.message).toContain('request_not_open');

		const hidden = await post(resident.client);
		await sql(`update public.help_requests set hidden_at = now() where id = '${hidden}'`);
		expect(
			(await resident.client.rpc('help_request_edit_page', { p_request_id: hidden })).data
		).toMatchObject({ editable: false, reason: 'hidden' });
		expect((await update(resident.client, hidden)).error?.message).toContain('request_hidden');
		const [still] = await sql<{ hidden: boolean }>(
			`select hidden_at is not null as hidden from public.help_requests where id = '${hidden}'`
		);
		expect(still?.hidden).toBe(true);

		const open = await post(resident.client);
		await sql(
			`insert into public.account_blocks (user_id, municipality_id, reason)
			 select id, municipality_id, 'test' from public.profiles where id = '${resident.id}'`
		);
		expect((await update(resident.client, open)).error?.message).toContain('account_blocked');
	});
});
