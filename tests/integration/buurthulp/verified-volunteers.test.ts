// Verified volunteers (issue 20 point 4): a coordinator records meeting the volunteer and the
// VOG's date (never the VOG), the verification lapses, requests for a vulnerable person are
// offered to, take reactions from and are accepted for verified volunteers only, and only the
// volunteer's own municipality's coordinators can verify or see it.
import { describe, expect, it } from 'vitest';
import { createVolunteer, isoDate, postRequest, react } from '../../support/buurthulp-factories.ts';
import { createUser, grantRole, sql } from '../../support/factories.ts';
import { createMunicipality, personIn } from '../../support/mantelzorg-factories.ts';
import { serviceClient } from '../../support/background.ts';

async function coordinator() {
	const c = await createUser({ label: 'coordinator' });
	await grantRole(c.id, 'coordinator');
	return c;
}

const suggestedIds = async (client: Awaited<ReturnType<typeof createUser>>['client']) => {
	const { data, error } = await client.rpc('suggest_requests_for_me', { p_limit: 50 });
	expect(error).toBeNull();
	return ((data as { items: { id: string }[] }).items ?? []).map((i) => i.id);
};

describe('verifying a volunteer', () => {
	it('is asked by the volunteer, done by a coordinator of their municipality, and lapses', async () => {
		const volunteer = await createVolunteer();
		const coord = await coordinator();
		expect((await volunteer.client.rpc('request_volunteer_verification')).data).toEqual({
			ok: true
		});
		const waiting = await coord.client.rpc('volunteer_verifications_page');
		expect(waiting.error).toBeNull();
		const listed = (waiting.data as { volunteers: { volunteer_id: string; list: string }[] })
			.volunteers;
		expect(listed.find((v) => v.volunteer_id === volunteer.id)?.list).toBe('waiting');

		// Dates in the future or a VOG older than the period are refused as answers, not errors.
		const future = await coord.client.rpc('verify_volunteer', {
			p_volunteer_id: volunteer.id,
			p_met_on: isoDate(3),
			p_vog_issued_on: isoDate(0)
		});
		expect(future.data).toEqual({ ok: false, reason: 'invalid_met_on' });
		const old = await coord.client.rpc('verify_volunteer', {
			p_volunteer_id: volunteer.id,
			p_met_on: isoDate(0),
			p_vog_issued_on: isoDate(-4 * 366)
		});
		expect(old.data).toEqual({ ok: false, reason: 'invalid_vog_issued_on' });

		// The volunteer cannot verify themselves; a coordinator elsewhere cannot either.
		const self = await volunteer.client.rpc('verify_volunteer', {
			p_volunteer_id: volunteer.id,
			p_met_on: isoDate(0),
			p_vog_issued_on: isoDate(0)
		});
		expect(self.error?.code).toBe('42501');
		const elsewhere = await createMunicipality();
		const otherCoordinator = await personIn(elsewhere.id, 'ander-coordinator', 'coordinator');
		const foreign = await otherCoordinator.client.rpc('verify_volunteer', {
			p_volunteer_id: volunteer.id,
			p_met_on: isoDate(0),
			p_vog_issued_on: isoDate(0)
		});
		expect(foreign.error?.code).toBe('42501');
		const seen = await otherCoordinator.client
			.from('volunteer_verifications')
			.select('volunteer_id')
			.eq('volunteer_id', volunteer.id);
		expect(seen.data).toEqual([]);
		// Nobody writes the table directly.
		const direct = await volunteer.client.from('volunteer_verifications').upsert({
			volunteer_id: volunteer.id,
			municipality_id: '00000000-0000-4000-8000-000000000001',
			verified_at: new Date().toISOString(),
			met_on: isoDate(0),
			vog_issued_on: isoDate(0),
			expires_on: isoDate(3000)
		});
		expect(direct.error).not.toBeNull();

		const ok = await coord.client.rpc('verify_volunteer', {
			p_volunteer_id: volunteer.id,
			p_met_on: isoDate(-2),
			p_vog_issued_on: isoDate(-30)
		});
		expect(ok.data).toMatchObject({ ok: true, expires_on: expect.any(String) });
		const [row] = await sql<{ months: number; verified: boolean; logged: number }>(
			`select (extract(year from age(v.expires_on, current_date)) * 12 + extract(month from age(v.expires_on, current_date)))::int as months,
				public.is_verified_volunteer(v.volunteer_id) as verified,
				(select count(*)::int from public.processing_log l where l.data_subject_id = v.volunteer_id and l.name = 'volunteer.verified') as logged
			 from public.volunteer_verifications v where v.volunteer_id = '${volunteer.id}'`
		);
		expect(row).toEqual({ months: 36, verified: true, logged: 1 });
		// The volunteer sees their own verification.
		const own = await volunteer.client
			.from('volunteer_verifications')
			.select('met_on, vog_issued_on')
			.eq('volunteer_id', volunteer.id)
			.single();
		expect(own.data).toEqual({ met_on: isoDate(-2), vog_issued_on: isoDate(-30) });

		// Past its end date it no longer counts, and the volunteer waits again.
		await sql(
			`update public.volunteer_verifications set expires_on = current_date - 1 where volunteer_id = '${volunteer.id}'`
		);
		const [lapsed] = await sql<{ verified: boolean }>(
			`select public.is_verified_volunteer('${volunteer.id}') as verified`
		);
		expect(lapsed?.verified).toBe(false);
	});
});

describe('a request for a vulnerable person', () => {
	it('is offered to, takes reactions from and is accepted for verified volunteers only', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const requestId = await postRequest(resident.client, resident.id, { startsOn: isoDate(1) });
		await sql(`update public.help_requests set is_vulnerable = true where id = '${requestId}'`);
		const unverified = await createVolunteer();
		const verified = await createVolunteer();
		const coord = await coordinator();
		await coord.client.rpc('verify_volunteer', {
			p_volunteer_id: verified.id,
			p_met_on: isoDate(0),
			p_vog_issued_on: isoDate(0)
		});

		expect(await suggestedIds(unverified.client)).not.toContain(requestId);
		expect(await suggestedIds(verified.client)).toContain(requestId);
		await expect(react(unverified, requestId)).rejects.toBeTruthy();
		const responseId = await react(verified, requestId);

		// The coordinator suggests and invites verified volunteers only.
		const suggestions = await coord.client.rpc('suggest_volunteers_for_request', {
			p_request_id: requestId,
			p_limit: 50
		});
		const ids = (suggestions.data as { volunteer_id: string }[]).map((s) => s.volunteer_id);
		expect(ids).not.toContain(unverified.id);
		const invite = await coord.client.rpc('invite_volunteer', {
			p_request_id: requestId,
			p_volunteer_id: unverified.id
		});
		expect(invite.error?.message).toContain('volunteer_not_verified');

		// A verification withdrawn after the reaction: the reaction can no longer be accepted.
		const withdrawn = await coord.client.rpc('withdraw_volunteer_verification', {
			p_volunteer_id: verified.id
		});
		expect(withdrawn.data).toEqual({ ok: true });
		const refused = await resident.client.rpc('accept_response', { p_response_id: responseId });
		expect(refused.error?.message).toContain('volunteer_not_verified');
		await coord.client.rpc('verify_volunteer', {
			p_volunteer_id: verified.id,
			p_met_on: isoDate(0),
			p_vog_issued_on: isoDate(0)
		});
		const accepted = await resident.client.rpc('accept_response', { p_response_id: responseId });
		expect(accepted.error).toBeNull();
	});
});

describe('the verification’s mails and period', () => {
	const outbox = (volunteerId: string, kind: string) =>
		sql<{ n: number }>(
			`select count(*)::int as n from public.notification_outbox
			 where recipient_id = '${volunteerId}' and kind = '${kind}'`
		).then((rows) => rows[0]?.n);

	it('tells the volunteer once when verified and once a month before it lapses', async () => {
		const volunteer = await createVolunteer();
		const coord = await coordinator();
		const verified = await coord.client.rpc('verify_volunteer', {
			p_volunteer_id: volunteer.id,
			p_met_on: isoDate(0),
			p_vog_issued_on: isoDate(-10)
		});
		expect(verified.data).toMatchObject({ ok: true });
		expect(await outbox(volunteer.id, 'volunteer_verified')).toBe(1);

		// Not yet due: nothing. Twenty days before the end: told once, however often the job runs.
		const service = serviceClient();
		await service.rpc('remind_lapsing_verifications');
		expect(await outbox(volunteer.id, 'verification_lapsing')).toBe(0);
		await sql(
			`update public.volunteer_verifications set expires_on = current_date + 20
			 where volunteer_id = '${volunteer.id}'`
		);
		const first = await service.rpc('remind_lapsing_verifications');
		expect(first.data).toBeGreaterThanOrEqual(1);
		await service.rpc('remind_lapsing_verifications');
		expect(await outbox(volunteer.id, 'verification_lapsing')).toBe(1);

		// Only the scheduler runs the job.
		const asVolunteer = await volunteer.client.rpc('remind_lapsing_verifications');
		expect(asVolunteer.error).not.toBeNull();
	});

	it('lasts as long as the admin of the municipality sets, 6 to 120 months, and no one else can', async () => {
		const elsewhere = await createMunicipality();
		const admin = await personIn(elsewhere.id, 'beheer-controle', 'municipality_admin');
		const coord = await personIn(elsewhere.id, 'coord-controle', 'coordinator');
		const months = () =>
			sql<{ m: number }>(
				`select volunteer_verification_months as m from public.municipalities where id = '${elsewhere.id}'`
			).then((rows) => rows[0]?.m);

		expect(
			(await admin.client.rpc('set_volunteer_verification_months', { p_months: 5 })).data
		).toEqual({ ok: false, reason: 'months_out_of_range' });
		expect(
			(await admin.client.rpc('set_volunteer_verification_months', { p_months: 24 })).data
		).toEqual({ ok: true });
		expect(await months()).toBe(24);

		const refused = await coord.client.rpc('set_volunteer_verification_months', { p_months: 12 });
		expect(refused.error?.code).toBe('42501');
		// A Zaanstad admin changes Zaanstad's period only, never this municipality's.
		const zaanstadAdmin = await createUser({ label: 'beheer-zaanstad' });
		await grantRole(zaanstadAdmin.id, 'municipality_admin');
		const before = await sql<{ m: number }>(
			`select volunteer_verification_months as m from public.municipalities where slug = 'zaanstad'`
		);
		await zaanstadAdmin.client.rpc('set_volunteer_verification_months', {
			p_months: before[0]!.m
		});
		expect(await months()).toBe(24);
		const direct = await admin.client
			.from('municipalities')
			.update({ volunteer_verification_months: 6 })
			.eq('id', elsewhere.id)
			.select('id');
		expect(direct.data ?? []).toEqual([]);
		expect(await months()).toBe(24);
	});
});
