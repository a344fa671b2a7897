// Safety and follow-up: reports, the coordinator's queue, hiding content, blocking accounts (each
// action logged with who and why), and "hoe ging het?" with escalation to coordinators.
import { describe, expect, it } from 'vitest';
import {
	anonClient,
	createUser,
	grantRole,
	sql,
	waitForMail,
	ZAANSTAD_ID,
	type TestUser
} from '../../support/factories.ts';
import {
	createVolunteer,
	districtId,
	postRequest,
	react
} from '../../support/buurthulp-factories.ts';
import { deliverAll, serviceClient, TEST_ORIGIN } from '../../support/background.ts';

const unique = () =>
	Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
		''
	);

async function coordinator() {
	const user = await createUser({ label: 'coordinator' });
	await grantRole(user.id, 'coordinator');
	return user;
}

async function report(reporter: TestUser, targetType: string, targetId: string) {
	const { data, error } = await reporter.client
		.from('reports')
		.insert({
			municipality_id: ZAANSTAD_ID,
			reporter_id: reporter.id,
			target_type: targetType,
			target_id: targetId,
			reason: 'Dit lijkt op reclame, niet op een hulpvraag.'
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	return data!.id;
}

async function boardIds(query: string) {
	const { data, error } = await anonClient().rpc('search_help_requests', { p_query: query });
	expect(error).toBeNull();
	return (data as { items: { id: string }[] }).items.map((i) => i.id);
}

async function match() {
	const resident = await createUser({ label: 'inwoner' });
	const volunteer = await createVolunteer();
	const requestId = await postRequest(resident.client, resident.id);
	const responseId = await react(volunteer, requestId);
	const { data: matchId, error } = await resident.client.rpc('accept_response', {
		p_response_id: responseId
	});
	expect(error).toBeNull();
	return { resident, volunteer, requestId, matchId: matchId as string };
}

async function moderationLog(targetId: string) {
	return sql<{ actor_id: string; action: string; target_type: string; reason: string }>(
		`select actor_id, action, target_type, reason from public.moderation_actions
		 where target_id = '${targetId}' order by created_at`
	);
}

describe('reports', () => {
	it('lets anyone signed in report a request, an offer and a message', async () => {
		const { resident, volunteer, matchId } = await match();
		const reporter = await createUser({ label: 'melder' });
		const { data: offer, error: offerError } = await volunteer.client
			.from('help_offers')
			.insert({
				municipality_id: ZAANSTAD_ID,
				volunteer_id: volunteer.id,
				district_id: await districtId('wormerveer'),
				category: 'odd_jobs',
				title: 'Ik help met kleine klussen',
				description: 'Lampen ophangen, een kastje in elkaar zetten, dat soort dingen.'
			})
			.select('id')
			.single();
		expect(offerError).toBeNull();
		const { data: message } = await volunteer.client
			.from('match_messages')
			.insert({
				municipality_id: ZAANSTAD_ID,
				match_id: matchId,
				sender_id: volunteer.id,
				body: 'Hoi!'
			})
			.select('id')
			.single();

		// A matched request is no longer public: the reporter reports an open one, as they would
		// find it on the board.
		const openRequestId = await postRequest(resident.client, resident.id);
		const ids = [
			await report(reporter, 'help_request', openRequestId),
			await report(reporter, 'help_offer', offer!.id),
			// A message can only be reported by someone who can read it: the other side of the match.
			await report(resident, 'match_message', message!.id)
		];
		const rows = await sql<{ status: string }>(
			`select status from public.reports where id in ('${ids.join("','")}')`
		);
		expect(rows.map((r) => r.status)).toEqual(['open', 'open', 'open']);
	});

	it('refuses anonymous reports and reports in someone else’s name', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const other = await createUser({ label: 'ander' });
		const requestId = await postRequest(resident.client, resident.id);
		const asOther = await other.client.from('reports').insert({
			municipality_id: ZAANSTAD_ID,
			reporter_id: resident.id,
			target_type: 'help_request',
			target_id: requestId,
			reason: 'Namens iemand anders melden.'
		});
		expect(asOther.error).not.toBeNull();
		const anon = await anonClient().from('reports').insert({
			municipality_id: ZAANSTAD_ID,
			reporter_id: resident.id,
			target_type: 'help_request',
			target_id: requestId,
			reason: 'Anoniem melden gaat niet.'
		});
		expect(anon.error).not.toBeNull();
	});

	it('shows a report to its reporter and coordinators, not to other people', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const reporter = await createUser({ label: 'melder' });
		const stranger = await createUser({ label: 'vreemde' });
		const coord = await coordinator();
		const requestId = await postRequest(resident.client, resident.id);
		const reportId = await report(reporter, 'help_request', requestId);

		const own = await reporter.client.from('reports').select('id').eq('id', reportId);
		expect(own.data).toEqual([{ id: reportId }]);
		for (const client of [stranger.client, resident.client, anonClient()]) {
			const { data } = await client.from('reports').select('id').eq('id', reportId);
			expect(data ?? []).toEqual([]);
		}
		const { data: page, error } = await coord.client.rpc('coordination_page');
		expect(error).toBeNull();
		const queue = (page as { reports: { id: string; target_id: string }[] }).reports;
		expect(queue).toContainEqual(expect.objectContaining({ id: reportId, target_id: requestId }));
		const notCoordinator = await stranger.client.rpc('coordination_page');
		expect(notCoordinator.error?.message).toContain('forbidden');
	});
});

describe('moderation', () => {
	it('lets a coordinator hide a reported request, gone from the board, and logs who and why', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const reporter = await createUser({ label: 'melder' });
		const coord = await coordinator();
		const word = unique();
		const requestId = await postRequest(resident.client, resident.id, {
			title: `Hulp gezocht ${word}`
		});
		const reportId = await report(reporter, 'help_request', requestId);
		expect(await boardIds(word)).toEqual([requestId]);

		const { error } = await coord.client.rpc('hide_content', {
			p_target_type: 'help_request',
			p_target_id: requestId,
			p_reason: 'Reclame, geen hulpvraag.'
		});
		expect(error).toBeNull();

		expect(await boardIds(word)).toEqual([]);
		const seenByOther = await reporter.client
			.from('help_requests')
			.select('id')
			.eq('id', requestId);
		expect(seenByOther.data).toEqual([]);
		const [handled] = await sql<{ status: string; handled_by: string }>(
			`select status, handled_by from public.reports where id = '${reportId}'`
		);
		expect(handled).toEqual({ status: 'content_hidden', handled_by: coord.id });
		expect(await moderationLog(requestId)).toEqual([
			{
				actor_id: coord.id,
				action: 'hide',
				target_type: 'help_request',
				reason: 'Reclame, geen hulpvraag.'
			}
		]);
	});

	it('refuses hiding without a reason, and by anyone who is not a coordinator', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const coord = await coordinator();
		const word = unique();
		const requestId = await postRequest(resident.client, resident.id, {
			title: `Hulp gezocht ${word}`
		});

		const noReason = await coord.client.rpc('hide_content', {
			p_target_type: 'help_request',
			p_target_id: requestId,
			p_reason: '  '
		});
		expect(noReason.error?.message).toContain('reason_required');
		const byResident = await resident.client.rpc('hide_content', {
			p_target_type: 'help_request',
			p_target_id: requestId,
			p_reason: 'Ik wil hem zelf verbergen.'
		});
		expect(byResident.error?.message).toContain('forbidden');
		const byAnon = await anonClient().rpc('hide_content', {
			p_target_type: 'help_request',
			p_target_id: requestId,
			p_reason: 'Anoniem verbergen.'
		});
		expect(byAnon.error).not.toBeNull();

		expect(await boardIds(word)).toEqual([requestId]);
		expect(await moderationLog(requestId)).toEqual([]);
	});

	it('blocks an account: it can no longer post or react, and the block is logged', async () => {
		const coord = await coordinator();
		const resident = await createUser({ label: 'inwoner' });
		const blocked = await createVolunteer({ label: 'geblokkeerd' });
		const requestId = await postRequest(resident.client, resident.id);
		// Before the block both work.
		await postRequest(blocked.client, blocked.id);

		const { error } = await coord.client.rpc('block_account', {
			p_user_id: blocked.id,
			p_reason: 'Herhaaldelijk ongepaste berichten.'
		});
		expect(error).toBeNull();

		await expect(postRequest(blocked.client, blocked.id)).rejects.toMatchObject({
			message: expect.stringContaining('row-level security')
		});
		await expect(react(blocked, requestId)).rejects.toMatchObject({
			message: expect.stringContaining('row-level security')
		});
		const stillOthers = await createVolunteer();
		await expect(react(stillOthers, requestId)).resolves.toBeTruthy();
		expect(await moderationLog(blocked.id)).toEqual([
			{
				actor_id: coord.id,
				action: 'block',
				target_type: 'account',
				reason: 'Herhaaldelijk ongepaste berichten.'
			}
		]);
	});

	it('refuses blocking without a reason, and by anyone who is not a coordinator', async () => {
		const coord = await coordinator();
		const user = await createUser({ label: 'inwoner' });
		const other = await createUser({ label: 'ander' });
		const noReason = await coord.client.rpc('block_account', { p_user_id: user.id, p_reason: '' });
		expect(noReason.error?.message).toContain('reason_required');
		const byUser = await other.client.rpc('block_account', {
			p_user_id: user.id,
			p_reason: 'Ik vind hem vervelend.'
		});
		expect(byUser.error?.message).toContain('forbidden');
		const [blocks] = await sql<{ n: number }>(
			`select count(*)::int as n from public.account_blocks where user_id = '${user.id}'`
		);
		expect(blocks?.n).toBe(0);
		expect(await moderationLog(user.id)).toEqual([]);
	});

	it('logs a dismissed report and keeps the content visible', async () => {
		const coord = await coordinator();
		const resident = await createUser({ label: 'inwoner' });
		const reporter = await createUser({ label: 'melder' });
		const word = unique();
		const requestId = await postRequest(resident.client, resident.id, {
			title: `Hulp gezocht ${word}`
		});
		const reportId = await report(reporter, 'help_request', requestId);

		const byReporter = await reporter.client.rpc('dismiss_report', {
			p_report_id: reportId,
			p_reason: 'Niets aan de hand.'
		});
		expect(byReporter.error?.message).toContain('forbidden');
		const { error } = await coord.client.rpc('dismiss_report', {
			p_report_id: reportId,
			p_reason: 'Gewone hulpvraag.'
		});
		expect(error).toBeNull();
		expect(await boardIds(word)).toEqual([requestId]);
		expect(await moderationLog(reportId)).toEqual([
			{
				actor_id: coord.id,
				action: 'dismiss_report',
				target_type: 'report',
				reason: 'Gewone hulpvraag.'
			}
		]);
	});
});

describe('hoe ging het?', () => {
	async function pastMatch(opts: { vulnerable?: boolean } = {}) {
		const pair = await match();
		await sql(
			`update public.help_requests set starts_on = current_date - 5, is_vulnerable = ${opts.vulnerable ?? false}
			 where id = '${pair.requestId}'`
		);
		const { error } = await serviceClient().rpc('run_followups');
		expect(error).toBeNull();
		const followups = await sql<{ id: string; side: string; respondent_id: string }>(
			`select id, side, respondent_id from public.followups where match_id = '${pair.matchId}'
			 order by side`
		);
		return { ...pair, followups };
	}

	const escalations = (matchId: string) =>
		sql<{ recipient_id: string; reason: string }>(
			`select recipient_id, payload->>'reason' as reason from public.notification_outbox
			 where kind = 'escalation' and payload->>'match_id' = '${matchId}'`
		);

	it('asks both sides a few days after the planned date, once', async () => {
		const { resident, volunteer, matchId, followups } = await pastMatch();
		expect(followups.map((f) => [f.side, f.respondent_id])).toEqual([
			['requester', resident.id],
			['volunteer', volunteer.id]
		]);
		await serviceClient().rpc('run_followups');
		const [again] = await sql<{ n: number }>(
			`select count(*)::int as n from public.followups where match_id = '${matchId}'`
		);
		expect(again?.n).toBe(2);

		await deliverAll();
		for (const person of [resident, volunteer]) {
			const mail = await waitForMail(person.email, 'Hoe ging het?');
			expect(mail.text).toContain(`${TEST_ORIGIN}/hulp/match/${matchId}`);
		}
	});

	it('does not ask about a match whose date is not yet 3 days past', async () => {
		const { matchId } = await match();
		await serviceClient().rpc('run_followups');
		const rows = await sql(`select 1 from public.followups where match_id = '${matchId}'`);
		expect(rows).toEqual([]);
	});

	it('sends a bad answer from the requester to the coordinators at once', async () => {
		const coord = await coordinator();
		const { resident, matchId, followups } = await pastMatch();
		const mine = followups.find((f) => f.side === 'requester')!;

		const { error } = await resident.client.rpc('answer_followup', {
			p_followup_id: mine.id,
			p_answer: 'bad',
			p_comment: 'De vrijwilliger kwam niet opdagen.'
		});
		expect(error).toBeNull();
		const [row] = await sql<{ escalated: boolean }>(
			`select escalated_at is not null as escalated from public.followups where id = '${mine.id}'`
		);
		expect(row?.escalated).toBe(true);
		expect(await escalations(matchId)).toContainEqual({
			recipient_id: coord.id,
			reason: 'bad_answer'
		});

		await deliverAll();
		const mail = await waitForMail(coord.email, 'Een hulpafspraak heeft aandacht nodig');
		expect(mail.text).toContain(`${TEST_ORIGIN}/hulp/coordinatie`);
		// The comment stays in the app, where only coordinators read it.
		expect(mail.text).not.toContain('niet opdagen');
		const { data: visible } = await coord.client
			.from('followups')
			.select('answer, comment')
			.eq('id', mine.id)
			.single();
		expect(visible).toEqual({ answer: 'bad', comment: 'De vrijwilliger kwam niet opdagen.' });
	});

	it('does not escalate a good answer', async () => {
		const { resident, matchId, followups } = await pastMatch({ vulnerable: true });
		const mine = followups.find((f) => f.side === 'requester')!;
		const { error } = await resident.client.rpc('answer_followup', {
			p_followup_id: mine.id,
			p_answer: 'good'
		});
		expect(error).toBeNull();
		await sql(
			`update public.followups set created_at = now() - interval '5 days' where id = '${mine.id}'`
		);
		await serviceClient().rpc('run_followups');
		expect(await escalations(matchId)).toEqual([]);
	});

	it('escalates no answer from a vulnerable requester after 4 more days', async () => {
		const coord = await coordinator();
		const { matchId, followups } = await pastMatch({ vulnerable: true });
		const mine = followups.find((f) => f.side === 'requester')!;

		await serviceClient().rpc('run_followups');
		expect(await escalations(matchId)).toEqual([]);
		await sql(
			`update public.followups set created_at = now() - interval '5 days' where match_id = '${matchId}'`
		);
		await serviceClient().rpc('run_followups');
		expect(await escalations(matchId)).toContainEqual({
			recipient_id: coord.id,
			reason: 'no_answer'
		});
		// Once: a later run does not tell the coordinators again.
		const before = (await escalations(matchId)).length;
		await serviceClient().rpc('run_followups');
		expect(await escalations(matchId)).toHaveLength(before);
		const [row] = await sql<{ escalated: boolean }>(
			`select escalated_at is not null as escalated from public.followups where id = '${mine.id}'`
		);
		expect(row?.escalated).toBe(true);
	});

	it('lets only the respondent answer, once, with a known answer', async () => {
		const { resident, volunteer, followups } = await pastMatch();
		const mine = followups.find((f) => f.side === 'requester')!;
		const byOther = await volunteer.client.rpc('answer_followup', {
			p_followup_id: mine.id,
			p_answer: 'good'
		});
		expect(byOther.error?.message).toContain('forbidden');
		const unknown = await resident.client.rpc('answer_followup', {
			p_followup_id: mine.id,
			p_answer: 'super'
		});
		expect(unknown.error?.message).toContain('invalid_answer');
		const first = await resident.client.rpc('answer_followup', {
			p_followup_id: mine.id,
			p_answer: 'okay'
		});
		expect(first.error).toBeNull();
		const second = await resident.client.rpc('answer_followup', {
			p_followup_id: mine.id,
			p_answer: 'bad'
		});
		expect(second.error?.message).toContain('already_answered');
	});

	it('lets only the service role run the follow-ups', async () => {
		const user = await createUser({ label: 'inwoner' });
		for (const client of [user.client, anonClient()]) {
			const { error } = await client.rpc('run_followups');
			expect(error?.message).toMatch(/permission denied/);
		}
	});
});
