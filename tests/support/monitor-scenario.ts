// A municipality of its own (wijken Noord and Zuid) with known counts in all three areas, each
// with a cancelled, an undone and an expired case, for the monitor's figures. Dates are relative
// to today in Europe/Amsterdam; the period is [today − 40 days, today].
import { randomUUID } from 'node:crypto';
import { sql, type TestUser } from './factories.ts';
import {
	applicationArgs,
	bornYearsAgo,
	createMunicipality,
	createScheme,
	personIn,
	type TestMunicipality
} from './mantelzorg-factories.ts';

export interface MonitorScenario {
	m: TestMunicipality;
	admin: TestUser;
	caseworker: TestUser;
	boardMember: TestUser;
	carers: TestUser[];
	from: string;
	to: string;
	shopId: string;
	centreNorth: string;
	centreSouth: string;
	goalId: string;
}

async function one<T>(query: string): Promise<T> {
	const [row] = await sql<T>(query);
	if (!row) throw new Error(`no row: ${query.slice(0, 80)}`);
	return row;
}

async function rpc(user: TestUser, fn: string, args: Record<string, unknown>): Promise<unknown> {
	const { data, error } = await user.client.rpc(fn as never, args as never);
	if (error) throw new Error(`${fn}: ${error.message}`);
	return data;
}

export async function monitorScenario(): Promise<MonitorScenario> {
	const m = await createMunicipality();
	const amsterdamToday = async () =>
		(
			await one<{ today: string }>(
				`select to_char((now() at time zone 'Europe/Amsterdam')::date, 'YYYY-MM-DD') as today`
			)
		).today;
	const today = await amsterdamToday();
	const day = (offset: number) => `('${today}'::date + ${offset})`;
	const admin = await personIn(m.id, 'monitor-beheer', 'municipality_admin');
	// Four eyes: a batch is approved by another admin than its maker.
	const secondAdmin = await personIn(m.id, 'monitor-financien', 'municipality_admin');
	const caseworker = await personIn(m.id, 'monitor-consulent', 'caseworker', [m.north, m.south]);

	// ---- Mantelzorgwaardering -----------------------------------------------------------
	// Noord: carer A twice (two people cared for), young carer B (a Pluim); Zuid: carer C; one
	// rejected application. Budget € 10.000, cheques € 50, Pluimen € 25.
	await createScheme(m.id, { budgetCents: 1_000_000 });
	const [a, b, c, d] = await Promise.all(
		['carer-a', 'carer-b', 'carer-c', 'carer-d'].map((label) => personIn(m.id, label))
	);
	const carers = [a, b, c, d] as TestUser[];
	const apply = (carer: TestUser, o: Parameters<typeof applicationArgs>[0]) =>
		rpc(carer, 'submit_application', applicationArgs(o)) as Promise<string>;
	const approve = (id: string) =>
		rpc(caseworker, 'approve_application', { p_application_id: id }) as Promise<string>;
	const aFirst = await approve(
		await apply(a!, {
			firstName: 'Anna',
			lastName: 'Aalders',
			postcode: '1561 AB',
			recipientName: 'Moeder A'
		})
	);
	const aSecond = await approve(
		await apply(a!, {
			firstName: 'Anna',
			lastName: 'Aalders',
			postcode: '1561 AB',
			recipientName: 'Vader A'
		})
	);
	const bPluim = await approve(
		await apply(b!, {
			firstName: 'Bram',
			lastName: 'Bakker',
			birthDate: bornYearsAgo(17),
			postcode: '1561 AC'
		})
	);
	const cCheque = await approve(
		await apply(c!, { firstName: 'Cor', lastName: 'Claassen', postcode: '1562 AB' })
	);
	const rejected = await apply(d!, { firstName: 'Dirk', lastName: 'Dekker', postcode: '1562 AC' });
	await rpc(caseworker, 'reject_application', {
		p_application_id: rejected,
		p_reason: 'Te weinig uren.'
	});

	// An approved shop in Zuid with one staff member.
	const { id: shopId } = await one<{ id: string }>(
		`insert into public.shops (municipality_id, name, kvk_number, street_address, postcode, city, district_id, category, status)
		 values ('${m.id}', 'Winkel Zuid', '${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}', 'Dorpsstraat 1',
			'1562 AA', 'Zuid', '${m.south}', 'bakery_butcher', 'approved') returning id`
	);
	const staff = await personIn(m.id, 'monitor-winkel');
	await sql(
		`insert into public.memberships (user_id, municipality_id, role, shop_id) values ('${staff.id}', '${m.id}', 'shop_staff', '${shopId}')`
	);
	const codeOf = async (chequeId: string) =>
		(await one<{ code: string }>(`select code from public.cheques where id = '${chequeId}'`)).code;
	const redeem = async (chequeId: string, cents: number) => {
		const answer = (await rpc(staff, 'redeem_cheque', {
			p_shop_id: shopId,
			p_code: await codeOf(chequeId),
			p_amount_cents: cents,
			p_idempotency_key: randomUUID(),
			p_confirm_again: true
		})) as { ok: boolean; redemption_id?: string; reason?: string };
		if (!answer.ok) throw new Error(`redeem: ${answer.reason}`);
		return answer.redemption_id as string;
	};
	// Redeemed: A € 20 (Noord), C € 15 then, after a block and reissue, € 5 on the new cheque
	// (Zuid). B's € 10 is undone. All paid in one exported batch.
	await redeem(aFirst, 2000);
	const undone = await redeem(bPluim, 1000);
	await rpc(staff, 'undo_redemption', { p_redemption_id: undone });
	await redeem(cCheque, 1500);
	const reissued = (await rpc(admin, 'block_and_reissue_cheque', {
		p_cheque_id: cCheque
	})) as string;
	await redeem(reissued, 500);
	const batch = (await rpc(admin, 'create_reimbursement_batch', {
		p_shop_id: shopId,
		p_period_start: today,
		// Now, not at the start: run at midnight, the redemptions above fall on the next day (ci37).
		p_period_end: await amsterdamToday()
	})) as string;
	await rpc(secondAdmin, 'approve_reimbursement_batch', { p_batch_id: batch });
	await rpc(admin, 'export_reimbursement_batch', { p_batch_id: batch });
	// A's second cheque expired five days ago, unused (€ 50 in Noord).
	await sql(`update public.cheques set expires_on = ${day(-5)} where id = '${aSecond}'`);
	// "Voel je je gewaardeerd?": A yes, C no (on the reissued cheque).
	await rpc(a!, 'answer_appreciation_question', { p_cheque_id: aFirst, p_answer: 'yes' });
	await rpc(c!, 'answer_appreciation_question', { p_cheque_id: reissued, p_answer: 'no' });

	// ---- Buurthulp -----------------------------------------------------------------------
	// Noord: R1 matched (10 h) and done, R2 matched (20 h) then cancelled, R5 posted by the
	// coordinator for a resident without an account 10 days ago and never answered. Zuid: R3
	// cancelled, R4 expired yesterday.
	const resident = await personIn(m.id, 'monitor-inwoner');
	const coordinator = await personIn(m.id, 'monitor-coordinator', 'coordinator');
	const v1 = await personIn(m.id, 'monitor-vrijwilliger-1');
	const v2 = await personIn(m.id, 'monitor-vrijwilliger-2');
	await sql(
		`insert into public.volunteer_profiles (user_id, municipality_id, home_district_id, district_ids)
		 values ('${v1.id}', '${m.id}', '${m.north}', '{${m.north}}'), ('${v2.id}', '${m.id}', '${m.south}', '{${m.south}}')`
	);
	// V1's verification is valid; V2's lapsed yesterday.
	await sql(
		`insert into public.volunteer_verifications (volunteer_id, municipality_id, verified_at, met_on, vog_issued_on, expires_on)
		 values ('${v1.id}', '${m.id}', now() - interval '30 days', current_date - 30, current_date - 40, current_date + 300),
			('${v2.id}', '${m.id}', now() - interval '400 days', current_date - 400, current_date - 410, current_date - 1)`
	);
	const request = async (
		district: string,
		o: { onBehalf?: boolean; startsOn?: string; ageHours?: number } = {}
	) => {
		const { id } = await one<{ id: string }>(
			`insert into public.help_requests (municipality_id, district_id, requester_id, created_by, category, title,
				description, latitude, longitude, when_kind, starts_on, duration_minutes, created_at)
			 values ('${m.id}', '${district}', ${o.onBehalf ? 'null' : `'${resident.id}'`},
				'${o.onBehalf ? coordinator.id : resident.id}', 'groceries', 'Boodschappen doen', 'Hulp bij de boodschappen graag.',
				52.4, 4.8, ${o.startsOn ? `'date', ${o.startsOn}` : `'flexible', null`}, 60,
				now() - interval '${o.ageHours ?? 0} hours') returning id`
		);
		return id;
	};
	const respond = async (volunteer: TestUser, requestId: string) =>
		(
			await one<{ id: string }>(
				`insert into public.responses (municipality_id, request_id, volunteer_id, message)
				 values ('${m.id}', '${requestId}', '${volunteer.id}', 'Ik help graag') returning id`
			)
		).id;
	const r1 = await request(m.north, { ageHours: 10 });
	const r2 = await request(m.north, { ageHours: 20 });
	const r3 = await request(m.south);
	const r4 = await request(m.south, { startsOn: day(-1) });
	await request(m.north, { onBehalf: true, ageHours: 240 });
	const match1 = (await rpc(resident, 'accept_response', {
		p_response_id: await respond(v1, r1)
	})) as string;
	await respond(v2, r1);
	await rpc(resident, 'accept_response', { p_response_id: await respond(v1, r2) });
	await rpc(resident, 'complete_match', { p_match_id: match1 });
	await rpc(resident, 'cancel_help_request', { p_request_id: r2 });
	await rpc(resident, 'cancel_help_request', { p_request_id: r3 });
	await sql(`update public.help_requests set status = 'expired' where id = '${r4}'`);
	// "Hoe ging het?": the requester good, the volunteer okay.
	await sql(
		`insert into public.followups (municipality_id, match_id, respondent_id, side, answer, answered_at)
		 values ('${m.id}', '${match1}', '${resident.id}', 'requester', 'good', now()),
			('${m.id}', '${match1}', '${v1.id}', 'volunteer', 'okay', now())`
	);

	// ---- Buurthuizen ---------------------------------------------------------------------
	// Noord: a weekly activity serving a goal of 3 points, 5 dates in the period of which one
	// skipped, and a series that ended long before (expired). Zuid: a one-off, and a weekly
	// activity cancelled 16 days ago (3 dates held before, 3 called off).
	const centre = async (district: string, slug: string) =>
		(
			await one<{ id: string }>(
				`insert into public.community_centres (municipality_id, district_id, slug, name, street_address, postcode, city, latitude, longitude, is_demo)
				 values ('${m.id}', '${district}', '${slug}', 'Buurthuis ${slug}', 'Plein 1', '1561 AA', 'Stad', 52.4, 4.8, true) returning id`
			)
		).id;
	const centreNorth = await centre(m.north, 'noord-huis');
	const centreSouth = await centre(m.south, 'zuid-huis');
	const boardMember = await personIn(m.id, 'monitor-bestuur');
	await sql(
		`insert into public.memberships (user_id, municipality_id, role, community_centre_id)
		 values ('${boardMember.id}', '${m.id}', 'board_member', '${centreNorth}')`
	);
	const { id: goalId } = await one<{ id: string }>(
		`insert into public.social_goals (municipality_id, district_id, title, points)
		 values ('${m.id}', '${m.north}', 'Eenzaamheid verminderen', 3) returning id`
	);
	const activity = async (
		centreId: string,
		startOffset: number,
		o: { until?: number; goal?: string } = {}
	) => {
		const start = `((${day(startOffset)})::timestamp + time '10:00') at time zone 'Europe/Amsterdam'`;
		return (
			await one<{ id: string }>(
				`insert into public.activities (municipality_id, community_centre_id, district_id, title, category, recurrence,
					starts_at, ends_at, repeat_until, series_ends_at, social_goal_id, needs_registration)
				 values ('${m.id}', '${centreId}', '${m.north}', 'Koffie', 'koffieochtend',
					${o.until === undefined ? `'once'` : `'weekly'`}, ${start}, ${start} + interval '2 hours',
					${o.until === undefined ? 'null' : day(o.until)}, ${start}, ${o.goal ? `'${o.goal}'` : 'null'}, true)
				 returning id`
			)
		).id;
	};
	const a1 = await activity(centreNorth, -29, { until: 30, goal: goalId });
	await sql(
		`insert into public.activity_exceptions (municipality_id, activity_id, occurs_on) values ('${m.id}', '${a1}', ${day(-15)})`
	);
	await activity(centreNorth, -200, { until: -100, goal: goalId });
	const a2 = await activity(centreSouth, -10);
	const a3 = await activity(centreSouth, -36, { until: 30 });
	await sql(
		`update public.activities set cancelled_at = now() - interval '16 days' where id = '${a3}'`
	);
	// Registrations: two for A1 a week ago, one for the one-off; a third for A1 is undone.
	const register = (user: TestUser, activityId: string, centreId: string, offset: number) =>
		sql(
			`insert into public.activity_registrations (municipality_id, community_centre_id, activity_id, occurs_on, user_id)
			 values ('${m.id}', '${centreId}', '${activityId}', ${day(offset)}, '${user.id}')`
		);
	await register(resident, a1, centreNorth, -8);
	await register(v1, a1, centreNorth, -8);
	await register(v2, a2, centreSouth, -10);
	await register(a!, a1, centreNorth, -8);
	await rpc(a!, 'cancel_registration', {
		p_activity_id: a1,
		p_occurs_on: (await one<{ d: string }>(`select to_char(${day(-8)}, 'YYYY-MM-DD') as d`)).d
	});

	const { from, to } = await one<{ from: string; to: string }>(
		`select to_char(${day(-40)}, 'YYYY-MM-DD') as from, to_char(${day(0)}, 'YYYY-MM-DD') as to`
	);
	return {
		m,
		admin,
		caseworker,
		boardMember,
		carers,
		from,
		to,
		shopId,
		centreNorth,
		centreSouth,
		goalId
	};
}
