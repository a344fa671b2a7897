// Notification mails: the database writes the outbox, the worker (as service_role) sends each one
// once to the harness mailbox. Runs the real worker, mailer and templates; nothing is mocked.
import { describe, expect, it } from 'vitest';
import {
	anonClient,
	createUser,
	grantRole,
	sql,
	waitForMail,
	ZAANSTAD_ID
} from '../../support/factories.ts';
import { createVolunteer, postRequest, react } from '../../support/buurthulp-factories.ts';
import { deliverAll, mailsTo, serviceClient, TEST_ORIGIN } from '../../support/background.ts';
import { deliverPendingNotifications } from '../../../src/lib/server/notifications/worker.ts';

const unique = () => Math.random().toString(36).slice(2, 8);

async function matchedPair() {
	const resident = await createUser({ label: 'inwoner', displayName: 'Greet Inwoner' });
	const volunteer = await createVolunteer({ label: 'vrijwilliger' });
	const title = `Hulp bij de boodschappen ${unique()}`;
	const requestId = await postRequest(resident.client, resident.id, { title });
	const responseId = await react(volunteer, requestId, 'Mijn nummer is 06-12345678, bel maar.');
	return { resident, volunteer, title, requestId, responseId };
}

const count = async (to: string, subject: string) =>
	(await mailsTo(to)).filter((m) => m.subject === subject).length;

describe('notification mails', () => {
	it('tells the requester about a new reaction, in Dutch, without the volunteer’s details', async () => {
		const { resident, volunteer, title, requestId } = await matchedPair();
		await deliverAll();

		const mail = await waitForMail(resident.email, 'Iemand wil je helpen');
		expect(mail.text).toContain('Beste Greet Inwoner,');
		expect(mail.text).toContain(`“${title}”`);
		expect(mail.text).toContain(`${TEST_ORIGIN}/hulp/vraag/${requestId}`);
		expect(mail.html).toContain('lang="nl"');
		expect(mail.html).toContain(`href="${TEST_ORIGIN}/hulp/vraag/${requestId}?uit=mail#reacties"`);
		const stored = (await mailsTo(resident.email)).find((m) => m.subject === mail.subject);
		expect(stored?.from).toBe('noreply@buurtkracht.example');
		for (const part of [mail.text, mail.html]) {
			expect(part).not.toContain('06-12345678');
			expect(part).not.toContain(volunteer.email);
			expect(part).not.toContain('token');
		}
		// The volunteer only got their sign-up mail, no notification.
		const toVolunteer = await mailsTo(volunteer.email);
		expect(toVolunteer.filter((m) => m.from === 'noreply@buurtkracht.example')).toEqual([]);
	});

	it('tells the volunteer when their reaction is accepted', async () => {
		const { resident, volunteer, title, responseId } = await matchedPair();
		const { data: matchId, error } = await resident.client.rpc('accept_response', {
			p_response_id: responseId
		});
		expect(error).toBeNull();
		await deliverAll();

		const mail = await waitForMail(volunteer.email, 'Je hulp is aangenomen');
		expect(mail.text).toContain(`je reactie op “${title}” is aangenomen`);
		expect(mail.text).toContain(`${TEST_ORIGIN}/hulp/match/${matchId}`);
		expect(mail.text).not.toContain(resident.email);
	});

	it('tells the other side of a match about a new message, without the message itself', async () => {
		const { resident, volunteer, responseId } = await matchedPair();
		const { data: matchId } = await resident.client.rpc('accept_response', {
			p_response_id: responseId
		});
		expect(matchId).toBeTruthy();

		const sent = await volunteer.client.from('match_messages').insert({
			municipality_id: ZAANSTAD_ID,
			match_id: matchId as string,
			sender_id: volunteer.id,
			body: 'Ik kom dinsdag om tien uur, mijn adres is Dorpsstraat 1.'
		});
		expect(sent.error).toBeNull();
		await deliverAll();
		const toResident = await waitForMail(resident.email, 'Je hebt een nieuw bericht');
		expect(toResident.text).toContain(`${TEST_ORIGIN}/hulp/match/${matchId}`);
		expect(toResident.text).not.toContain('Dorpsstraat');
		expect(toResident.html).not.toContain('Dorpsstraat');

		const reply = await resident.client.from('match_messages').insert({
			municipality_id: ZAANSTAD_ID,
			match_id: matchId as string,
			sender_id: resident.id,
			body: 'Prima, tot dinsdag!'
		});
		expect(reply.error).toBeNull();
		await deliverAll();
		const toVolunteer = await waitForMail(volunteer.email, 'Je hebt een nieuw bericht');
		expect(toVolunteer.text).not.toContain('tot dinsdag');
		// Each side got exactly one message mail: the sender is not told about their own message.
		expect(await count(resident.email, 'Je hebt een nieuw bericht')).toBe(1);
		expect(await count(volunteer.email, 'Je hebt een nieuw bericht')).toBe(1);
	});

	it('tells the volunteer about a bedankje, without its words', async () => {
		const { resident, volunteer, responseId } = await matchedPair();
		const { data: matchId } = await resident.client.rpc('accept_response', {
			p_response_id: responseId
		});
		const done = await resident.client.rpc('complete_match', {
			p_match_id: matchId as string,
			p_thanks: 'Heel erg bedankt voor de boodschappen!'
		});
		expect(done.error).toBeNull();
		await deliverAll();

		const mail = await waitForMail(volunteer.email, 'Je hebt een bedankje gekregen');
		expect(mail.text).toContain(`${TEST_ORIGIN}/hulp/match/${matchId}`);
		expect(mail.text).not.toContain('boodschappen!');
	});

	it('tells the author when a coordinator hides their request, and nobody when it is shown again', async () => {
		const { resident, title, requestId } = await matchedPair();
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const hide = (p_hide: boolean) =>
			coordinator.client.rpc('hide_content', {
				p_target_type: 'help_request',
				p_target_id: requestId,
				p_reason: 'Dit is reclame voor een bedrijf.',
				p_hide
			});
		expect((await hide(true)).error).toBeNull();
		expect((await hide(false)).error).toBeNull();
		await deliverAll();

		const mail = await waitForMail(resident.email, 'Je hulpvraag is verborgen');
		expect(mail.text).toContain(`“${title}”`);
		expect(mail.text).toContain(`${TEST_ORIGIN}/hulp/mijn`);
		expect(mail.text).not.toContain('reclame');
		expect(await count(resident.email, 'Je hulpvraag is verborgen')).toBe(1);
	});

	it('tells a volunteer a coordinator invited them', async () => {
		const resident = await createUser({ label: 'inwoner' });
		const coordinator = await createUser({ label: 'coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const volunteer = await createVolunteer();
		const requestId = await postRequest(resident.client, resident.id);

		const { error } = await coordinator.client.rpc('invite_volunteer', {
			p_request_id: requestId,
			p_volunteer_id: volunteer.id
		});
		expect(error).toBeNull();
		await deliverAll();
		const mail = await waitForMail(volunteer.email, 'Wil je iemand helpen?');
		expect(mail.text).toContain(`${TEST_ORIGIN}/hulp/vraag/${requestId}`);
	});

	it('sends nothing twice when the worker runs again', async () => {
		const { resident } = await matchedPair();
		expect(await deliverAll()).toBeGreaterThan(0);
		await waitForMail(resident.email, 'Iemand wil je helpen');

		expect(await deliverAll()).toBe(0);
		await new Promise((r) => setTimeout(r, 300));
		expect(await count(resident.email, 'Iemand wil je helpen')).toBe(1);
		const [row] = await sql<{ sent: boolean; attempts: number }>(
			`select sent_at is not null as sent, attempts from public.notification_outbox
			 where recipient_id = '${resident.id}' and kind = 'response_received'`
		);
		expect(row).toEqual({ sent: true, attempts: 1 });
	});

	it('puts a notification back for a later retry when sending fails', async () => {
		const { resident } = await matchedPair();
		const broken = {
			sendMail: async () => {
				throw new Error('SMTP is down');
			}
		};
		const result = await deliverPendingNotifications(serviceClient(), broken, {
			origin: TEST_ORIGIN,
			limit: 100
		});
		expect(result.failed).toBeGreaterThan(0);
		const where = `recipient_id = '${resident.id}' and kind = 'response_received'`;
		const [failed] = await sql<{ sent: boolean; attempts: number; waits: boolean; error: string }>(
			`select sent_at is not null as sent, attempts, next_attempt_at > now() as waits,
			   last_error as error from public.notification_outbox where ${where}`
		);
		expect(failed).toEqual({ sent: false, attempts: 1, waits: true, error: 'SMTP is down' });

		// Not retried before its time; sent once its time has come.
		await deliverAll();
		expect(await count(resident.email, 'Iemand wil je helpen')).toBe(0);
		await sql(
			`update public.notification_outbox set next_attempt_at = now() - interval '1 second' where ${where}`
		);
		await deliverAll();
		await waitForMail(resident.email, 'Iemand wil je helpen');
	});

	it('lets only the service role claim notifications or mark them failed', async () => {
		const user = await createUser({ label: 'inwoner' });
		for (const client of [user.client, anonClient()]) {
			const claim = await client.rpc('claim_notifications', { p_limit: 10 });
			expect(claim.error?.message).toMatch(/permission denied/);
			expect(claim.data).toBeNull();
			const failed = await client.rpc('notification_failed', {
				p_id: '00000000-0000-4000-8000-000000000000',
				p_error: 'x'
			});
			expect(failed.error?.message).toMatch(/permission denied/);
		}
		const asService = await serviceClient().rpc('claim_notifications', { p_limit: 0 });
		expect(asService.error).toBeNull();
	});

	it('shows people only their own notifications', async () => {
		const { resident, volunteer } = await matchedPair();
		const own = await resident.client.from('notification_outbox').select('kind');
		expect(own.data?.map((n) => n.kind)).toContain('response_received');
		const others = await volunteer.client
			.from('notification_outbox')
			.select('id')
			.eq('recipient_id', resident.id);
		expect(others.data).toEqual([]);
	});
});
