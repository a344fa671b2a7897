// The volunteers' and coordinators' Buurthulp page functions: one call per page, coordinator data
// only for coordinators, the right "Voor jou" status, and no contact details on public profiles.
import { describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole, sql, ZAANSTAD_ID } from '../../support/factories.ts';
import {
	createVolunteer,
	districtId,
	postRequest,
	react
} from '../../support/buurthulp-factories.ts';

const asText = (value: unknown) => JSON.stringify(value);

async function matchFor(volunteer: Awaited<ReturnType<typeof createVolunteer>>) {
	const resident = await createUser({ label: 'inwoner' });
	const requestId = await postRequest(resident.client, resident.id);
	const responseId = await react(volunteer, requestId);
	const { data, error } = await resident.client.rpc('accept_response', {
		p_response_id: responseId
	});
	if (error) throw error;
	return { resident, requestId, matchId: data as string };
}

describe('save_volunteer_profile and volunteer_profile_page', () => {
	it('creates and then updates my own volunteer profile', async () => {
		const user = await createUser({ label: 'nieuw' });
		const wormerveer = await districtId('wormerveer');
		const krommenie = await districtId('krommenie');
		const before = await user.client.rpc('volunteer_profile_page');
		expect(before.error).toBeNull();
		expect((before.data as { profile: unknown }).profile).toBeNull();
		expect((before.data as { districts: unknown[] }).districts.length).toBeGreaterThan(5);

		const args = {
			p_home_district_id: wormerveer,
			p_categories: ['groceries', 'garden'],
			p_district_ids: [wormerveer, krommenie],
			p_radius_km: 5,
			p_availability_mask: 0b111,
			p_max_active_matches: 3,
			p_is_paused: false,
			p_about: 'Ik heb een auto.'
		};
		expect((await user.client.rpc('save_volunteer_profile', args)).error).toBeNull();
		expect(
			(await user.client.rpc('save_volunteer_profile', { ...args, p_is_paused: true })).error
		).toBeNull();

		const after = await user.client.rpc('volunteer_profile_page');
		const profile = (after.data as { profile: Record<string, unknown> }).profile;
		expect(profile).toMatchObject({
			home_district_id: wormerveer,
			categories: ['groceries', 'garden'],
			radius_km: 5,
			availability_mask: 7,
			is_paused: true,
			about: 'Ik heb een auto.'
		});
		expect(after.data).toMatchObject({ active: 0, helped: 0 });
	});

	it('refuses a wijk of another municipality and anonymous visitors', async () => {
		const user = await createUser({ label: 'nieuw' });
		const { error } = await user.client.rpc('save_volunteer_profile', {
			p_home_district_id: '00000000-0000-4000-8000-00000000dead',
			p_categories: [],
			p_district_ids: [],
			p_radius_km: 3,
			p_availability_mask: 7,
			p_max_active_matches: 3,
			p_is_paused: false,
			p_about: ''
		});
		expect(error?.message).toMatch(/district_not_found/);
		const anon = await anonClient().rpc('volunteer_profile_page');
		expect(anon.error).not.toBeNull();
	});
});

describe('voor_jou_page', () => {
	it('explains why there are no suggestions: no profile, paused, at capacity', async () => {
		const nobody = await createUser({ label: 'geenprofiel' });
		const none = await nobody.client.rpc('voor_jou_page', {});
		expect(none.error).toBeNull();
		expect(none.data).toMatchObject({ status: 'no_profile', items: [], invitations: [] });

		const paused = await createVolunteer({ paused: true });
		const p = await paused.client.rpc('voor_jou_page', {});
		expect(p.data).toMatchObject({ status: 'paused', items: [] });

		const full = await createVolunteer({ maxActive: 1 });
		await matchFor(full);
		const f = await full.client.rpc('voor_jou_page', {});
		expect(f.data).toMatchObject({ status: 'at_capacity', active: 1, max: 1, items: [] });
	});

	it('lists ranked requests with my wijken, and the open requests I was invited to', async () => {
		const volunteer = await createVolunteer({ district: 'wormerveer' });
		const resident = await createUser({ label: 'inwoner' });
		const title = `Voor jou ${Date.now()}`;
		const requestId = await postRequest(resident.client, resident.id, { title });
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		expect(
			(
				await coordinator.client.rpc('invite_volunteer', {
					p_request_id: requestId,
					p_volunteer_id: volunteer.id
				})
			).error
		).toBeNull();

		const { data, error } = await volunteer.client.rpc('voor_jou_page', {});
		expect(error).toBeNull();
		const page = data as {
			status: string;
			my_district_ids: string[];
			items: { id: string; district_id: string }[];
			invitations: { request_id: string }[];
		};
		expect(page.status).toBe('ok');
		expect(page.my_district_ids).toContain(await districtId('wormerveer'));
		expect(page.items.map((i) => i.id)).toContain(requestId);
		expect(page.invitations.map((i) => i.request_id)).toContain(requestId);

		// Once reacted to, the request is neither suggested nor an open invitation.
		await react(volunteer, requestId);
		const again = (await volunteer.client.rpc('voor_jou_page', {})).data as typeof page;
		expect(again.items.map((i) => i.id)).not.toContain(requestId);
		expect(again.invitations.map((i) => i.request_id)).not.toContain(requestId);
	});
});

describe('volunteer_public_page', () => {
	it('shows categories, wijken, the helped count and open offers, never contact details', async () => {
		const volunteer = await createVolunteer({ categories: ['garden'] });
		await sql(
			`update public.profiles set display_name = 'Vera Vrijwilliger' where id = '${volunteer.id}'`
		);
		await volunteer.client
			.from('profile_contacts')
			.update({ phone: '06 1111 2222', street_address: 'Geheimstraat 9' })
			.eq('profile_id', volunteer.id);
		const { resident, matchId } = await matchFor(volunteer);
		expect(
			(await resident.client.rpc('complete_match', { p_match_id: matchId, p_thanks: 'Dank!' }))
				.error
		).toBeNull();
		await volunteer.client.from('help_offers').insert({
			municipality_id: ZAANSTAD_ID,
			volunteer_id: volunteer.id,
			district_id: await districtId('wormerveer'),
			category: 'garden',
			title: 'Ik help in de tuin',
			description: 'Snoeien, harken en onkruid wieden.',
			when_text: 'zaterdag'
		});

		const anon = await anonClient().rpc('volunteer_public_page', { p_volunteer_id: volunteer.id });
		expect(anon.error).toBeNull();
		expect(anon.data).toMatchObject({
			display_name: 'Vera',
			categories: ['garden'],
			districts: ['Wormerveer'],
			helped: 1
		});
		expect((anon.data as { offers: unknown[] }).offers).toHaveLength(1);
		const text = asText(anon.data);
		expect(text).not.toContain('06 1111 2222');
		expect(text).not.toContain('Geheimstraat');
		expect(text).not.toContain(volunteer.email);
		expect(text).not.toContain('Vrijwilliger"');

		const neighbour = await createUser({ label: 'buur' });
		const signedIn = await neighbour.client.rpc('volunteer_public_page', {
			p_volunteer_id: volunteer.id
		});
		expect(signedIn.data).toMatchObject({ display_name: 'Vera Vrijwilliger' });
		expect(asText(signedIn.data)).not.toContain('06 1111 2222');

		const offers = await anonClient().rpc('offers_board_page', {});
		expect(offers.error).toBeNull();
		expect(asText(offers.data)).not.toContain('06 1111 2222');
	});

	it('is null for someone without a volunteer profile', async () => {
		const user = await createUser({ label: 'geenvrijwilliger' });
		const { data, error } = await anonClient().rpc('volunteer_public_page', {
			p_volunteer_id: user.id
		});
		expect(error).toBeNull();
		expect(data).toBeNull();
	});
});

describe('report_content', () => {
	it('reports visible content and refuses ids the reporter cannot see', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const requestId = await postRequest(resident.client, resident.id);
		const reporter = await createUser({ label: 'melder' });
		const target = await reporter.client.rpc('report_target_page', {
			p_target_type: 'help_request',
			p_target_id: requestId
		});
		expect(target.data).toMatchObject({ type: 'help_request', id: requestId });
		const ok = await reporter.client.rpc('report_content', {
			p_target_type: 'help_request',
			p_target_id: requestId,
			p_reason: 'Oplichting: vraagt om geld'
		});
		expect(ok.error).toBeNull();

		const missing = await reporter.client.rpc('report_content', {
			p_target_type: 'match_message',
			p_target_id: '00000000-0000-4000-8000-00000000beef',
			p_reason: 'Bestaat niet'
		});
		expect(missing.error?.message).toMatch(/not_found/);
	});
});

describe('coordinator pages', () => {
	it('refuse people who are not coordinators', async () => {
		const volunteer = await createVolunteer();
		const resident = await createUser({ label: 'inwoner' });
		const requestId = await postRequest(resident.client, resident.id);
		const dash = await volunteer.client.rpc('coordination_page');
		expect(dash.error?.message).toMatch(/forbidden/);
		expect(dash.data).toBeNull();
		const req = await volunteer.client.rpc('coordination_request_page', {
			p_request_id: requestId
		});
		expect(req.error?.message).toMatch(/forbidden/);
		const anon = await anonClient().rpc('coordination_page');
		expect(anon.error).not.toBeNull();
	});

	it('give coordinators reports, the log, load, follow-ups and requests without reactions', async () => {
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const resident = await createUser({ label: 'inwoner' });
		const requestId = await postRequest(resident.client, resident.id, { title: 'Oude vraag hier' });
		await sql(
			`update public.help_requests set created_at = now() - interval '5 days' where id = '${requestId}'`
		);
		const reporter = await createUser({ label: 'melder' });
		await reporter.client.rpc('report_content', {
			p_target_type: 'help_request',
			p_target_id: requestId,
			p_reason: 'Geen echte hulpvraag'
		});
		const busy = await createVolunteer({ maxActive: 1 });
		const { matchId } = await matchFor(busy);
		await sql(
			`insert into public.followups (municipality_id, match_id, respondent_id, side, answer, answered_at)
			 values ('${ZAANSTAD_ID}', '${matchId}', '${busy.id}', 'volunteer', 'bad', now())`
		);

		const { data, error } = await coordinator.client.rpc('coordination_page');
		expect(error).toBeNull();
		const page = data as {
			reports: { id: string; target_id: string; target: { author_id: string } }[];
			load: { volunteer_id: string }[];
			followups: { match_id: string }[];
			unanswered: { id: string }[];
			log: { action: string; actor_name: string; reason: string }[];
		};
		const report = page.reports.find((r) => r.target_id === requestId);
		expect(report?.target.author_id).toBe(resident.id);
		expect(page.load.map((v) => v.volunteer_id)).toContain(busy.id);
		expect(page.followups.map((f) => f.match_id)).toContain(matchId);
		expect(page.unanswered.map((r) => r.id)).toContain(requestId);

		const hidden = await coordinator.client.rpc('hide_content', {
			p_target_type: 'help_request',
			p_target_id: requestId,
			p_reason: 'Reclame'
		});
		expect(hidden.error).toBeNull();
		const after = (await coordinator.client.rpc('coordination_page')).data as typeof page;
		expect(after.reports.map((r) => r.target_id)).not.toContain(requestId);
		expect(after.log[0]).toMatchObject({ action: 'hide', reason: 'Reclame' });
		expect(after.log[0]?.actor_name).toBeTruthy();
		// No contact details anywhere on the dashboard.
		expect(asText(after)).not.toMatch(/phone|street_address|@buurtkracht/);
	});

	it('suggests volunteers for a request with the reasons, and marks invitations', async () => {
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		// Earlier tests leave many volunteers in this wijk with the same top score; ties go by name,
		// so this one's name keeps it among the ten suggestions whatever ran before.
		const volunteer = await createVolunteer({
			categories: ['garden'],
			district: 'wormerveer',
			displayName: 'Aaltje Aanvang'
		});
		const resident = await createUser({ label: 'inwoner' });
		const requestId = await postRequest(resident.client, resident.id, { category: 'garden' });
		const first = await coordinator.client.rpc('coordination_request_page', {
			p_request_id: requestId
		});
		expect(first.error).toBeNull();
		const page = first.data as {
			request: { id: string };
			suggestions: {
				volunteer_id: string;
				category_fit: boolean;
				in_district: boolean;
				invited: boolean;
			}[];
		};
		expect(page.request.id).toBe(requestId);
		const mine = page.suggestions.find((s) => s.volunteer_id === volunteer.id);
		expect(mine).toMatchObject({ category_fit: true, in_district: true, invited: false });

		await coordinator.client.rpc('invite_volunteer', {
			p_request_id: requestId,
			p_volunteer_id: volunteer.id
		});
		const second = (
			await coordinator.client.rpc('coordination_request_page', { p_request_id: requestId })
		).data as typeof page & { invited: { volunteer_id: string }[] };
		expect(second.suggestions.find((s) => s.volunteer_id === volunteer.id)?.invited).toBe(true);
		expect(second.invited.map((i) => i.volunteer_id)).toContain(volunteer.id);
	});
});
