// One row in every Buurthulp table, from a real flow: a resident's request with a private
// address, an offer, a reaction that became a match with a message, a bedankje and a follow-up, an
// invitation, a dismissed report (logged), a blocked account and a notification. Used by the
// tests that walk every table as strangers and as each role.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { createUser, grantRole, sql, ZAANSTAD_ID, type TestUser } from './factories.ts';
import { createVolunteer, districtId, isoDate, react } from './buurthulp-factories.ts';

export type Table = keyof Database['public']['Tables'];

export interface ScenarioRow {
	table: Table;
	key: string;
	id: string;
	/** Someone who may read this row, as the positive control. */
	reader: SupabaseClient<Database>;
}

export interface Scenario {
	resident: TestUser;
	volunteer: TestUser;
	coordinator: TestUser;
	blocked: TestUser;
	rows: ScenarioRow[];
}

async function only<T>(query: PromiseLike<{ data: T[] | null; error: unknown }>): Promise<T> {
	const { data, error } = await query;
	if (error) throw error;
	if (data?.length !== 1) throw new Error(`expected one row, got ${data?.length}`);
	return data[0] as T;
}

async function check<T>(call: PromiseLike<{ data: T; error: unknown }>): Promise<T> {
	const { data, error } = await call;
	if (error) throw error;
	return data;
}

export async function buurthulpScenario(): Promise<Scenario> {
	const resident = await createUser({ label: 'inwoner' });
	const volunteer = await createVolunteer({ label: 'vrijwilliger' });
	const coordinator = await createUser({ label: 'coordinator' });
	await grantRole(coordinator.id, 'coordinator');
	const blocked = await createUser({ label: 'geblokkeerd' });

	const post = async (title: string) =>
		(await check(
			resident.client.rpc('post_help_request', {
				p_district_id: await districtId('krommenie'),
				p_category: 'odd_jobs',
				p_title: title,
				p_description: 'Een klusje in huis waar ik hulp bij nodig heb.',
				p_postcode_area: '1561',
				p_when_kind: 'date',
				p_starts_on: isoDate(2),
				p_ends_on: null as unknown as string,
				p_day_part: 'any',
				p_duration_minutes: 60,
				p_recurrence: 'once',
				p_street_address: 'Padlaan 3'
			})
		)) as string;
	const requestId = await post('Schilderij ophangen');
	const invitedRequestId = await post('Kast in elkaar zetten');

	const offer = await only(
		volunteer.client
			.from('help_offers')
			.insert({
				municipality_id: ZAANSTAD_ID,
				volunteer_id: volunteer.id,
				district_id: await districtId('krommenie'),
				category: 'odd_jobs',
				title: 'Kleine klussen in huis',
				description: 'Ik hang lampen en schilderijen op.'
			})
			.select('id')
	);
	const responseId = await react(volunteer, requestId);
	const matchId = (await check(
		resident.client.rpc('accept_response', { p_response_id: responseId })
	)) as string;
	const message = await only(
		volunteer.client
			.from('match_messages')
			.insert({
				match_id: matchId,
				municipality_id: ZAANSTAD_ID,
				sender_id: volunteer.id,
				body: 'Ik kom dinsdag.'
			})
			.select('id')
	);
	await check(resident.client.rpc('complete_match', { p_match_id: matchId, p_thanks: 'Dank!' }));
	// The scheduler would ask this a few days later; as maintenance, ask it now.
	const [followup] = await sql<{ id: string }>(
		`insert into public.followups (municipality_id, match_id, respondent_id, side)
		 values ('${ZAANSTAD_ID}', '${matchId}', '${resident.id}', 'requester') returning id`
	);
	await check(
		coordinator.client.rpc('invite_volunteer', {
			p_request_id: invitedRequestId,
			p_volunteer_id: volunteer.id
		})
	);
	// "Deze keer klaar" is for help that comes back; this match is one-off, so as maintenance.
	const [occurrence] = await sql<{ id: string }>(
		`insert into public.match_occurrences (municipality_id, match_id, occurred_on)
		 values ('${ZAANSTAD_ID}', '${matchId}', current_date) returning id`
	);
	const [invitation] = await sql<{ id: string }>(
		`select id from public.help_invitations where request_id = '${invitedRequestId}'`
	);
	const reportId = (await check(
		resident.client.rpc('report_content', {
			p_target_type: 'help_offer',
			p_target_id: offer.id,
			p_reason: 'Dit lijkt me reclame.'
		})
	)) as string;
	await check(
		coordinator.client.rpc('dismiss_report', { p_report_id: reportId, p_reason: 'Gewoon aanbod' })
	);
	const [action] = await sql<{ id: string }>(
		`select id from public.moderation_actions where target_id = '${reportId}'`
	);
	await check(
		coordinator.client.rpc('block_account', { p_user_id: blocked.id, p_reason: 'Vraagt om geld' })
	);
	// The volunteer asks to be verified and the coordinator verifies them (met today, VOG of today).
	await check(volunteer.client.rpc('request_volunteer_verification'));
	await check(
		coordinator.client.rpc('verify_volunteer', {
			p_volunteer_id: volunteer.id,
			p_met_on: isoDate(0),
			p_vog_issued_on: isoDate(0)
		})
	);
	// The volunteer asks for mails about new requests; the invited request was mailed to them (as
	// the scheduler's send_request_digests records it).
	await check(volunteer.client.rpc('set_request_alerts', { p_urgent: true, p_digest: 'daily' }));
	await sql(
		`insert into public.request_alert_deliveries (user_id, request_id, municipality_id, kind)
		 values ('${volunteer.id}', '${invitedRequestId}', '${ZAANSTAD_ID}', 'digest')`
	);
	const [notification] = await sql<{ id: string }>(
		`select id from public.notification_outbox where recipient_id = '${resident.id}' limit 1`
	);

	const rows: ScenarioRow[] = [
		{ table: 'volunteer_profiles', key: 'user_id', id: volunteer.id, reader: volunteer.client },
		{ table: 'help_requests', key: 'id', id: requestId, reader: resident.client },
		{ table: 'help_request_contacts', key: 'request_id', id: requestId, reader: resident.client },
		{ table: 'help_offers', key: 'id', id: offer.id, reader: volunteer.client },
		{ table: 'responses', key: 'id', id: responseId, reader: volunteer.client },
		{ table: 'matches', key: 'id', id: matchId, reader: resident.client },
		{ table: 'match_messages', key: 'id', id: message.id, reader: resident.client },
		{ table: 'thanks', key: 'match_id', id: matchId, reader: volunteer.client },
		{
			table: 'match_occurrences',
			key: 'id',
			id: occurrence?.id as string,
			reader: resident.client
		},
		{ table: 'followups', key: 'id', id: followup?.id as string, reader: resident.client },
		{
			table: 'help_invitations',
			key: 'id',
			id: invitation?.id as string,
			reader: volunteer.client
		},
		{ table: 'reports', key: 'id', id: reportId, reader: resident.client },
		{
			table: 'moderation_actions',
			key: 'id',
			id: action?.id as string,
			reader: coordinator.client
		},
		{
			table: 'volunteer_verifications',
			key: 'volunteer_id',
			id: volunteer.id,
			reader: volunteer.client
		},
		{ table: 'request_alerts', key: 'user_id', id: volunteer.id, reader: volunteer.client },
		{
			table: 'request_alert_deliveries',
			key: 'user_id',
			id: volunteer.id,
			reader: volunteer.client
		},
		{ table: 'account_blocks', key: 'user_id', id: blocked.id, reader: blocked.client },
		{
			table: 'notification_outbox',
			key: 'id',
			id: notification?.id as string,
			reader: resident.client
		}
	];
	return { resident, volunteer, coordinator, blocked, rows };
}
