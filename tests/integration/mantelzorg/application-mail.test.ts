// The confirmation mail on applying (16.7), through the real worker, mailer and harness mailbox:
// to the carer's account when they apply themself or a consulent links their account, to the
// address the consulent typed for a carer without an account, and to nobody without an address.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql, waitForMail } from '../../support/factories.ts';
import {
	applicationArgs,
	createMunicipality,
	createScheme,
	personIn
} from '../../support/mantelzorg-factories.ts';
import { deliverAll, mailsTo } from '../../support/background.ts';

const SUBJECT = 'We hebben je aanvraag voor de mantelzorgwaardering';

async function setting() {
	const m = await createMunicipality();
	const schemeId = await createScheme(m.id);
	const [scheme] = await sql<{ year: number }>(
		`select year from public.schemes where id = '${schemeId}'`
	);
	const caseworker = await personIn(m.id, 'consulent', 'caseworker', [m.north]);
	return { m, year: scheme?.year as number, caseworker };
}

describe('the confirmation mail on applying', () => {
	it('goes to the carer who applied, once, with a link to their page and nothing about the care', async () => {
		const { m, year } = await setting();
		const carer = await personIn(m.id, 'mantelzorger');
		const args = applicationArgs();
		const { data: id, error } = await carer.client.rpc('submit_application', args);
		expect(error).toBeNull();
		await deliverAll();

		const mail = await waitForMail(carer.email, SUBJECT);
		expect(mail.subject).toBe(`${SUBJECT} ${year} ontvangen`);
		expect(mail.text).toContain('Bedankt voor je aanvraag');
		expect(mail.text).toContain('/mantelzorg/mijn');
		for (const part of [mail.text, mail.html]) {
			expect(part).not.toContain(args.p_care_recipient_name);
			expect(part).not.toContain(id as string);
		}
		await deliverAll();
		expect((await mailsTo(carer.email)).filter((x) => x.subject.startsWith(SUBJECT))).toHaveLength(
			1
		);
	});

	it('goes to the address a consulent typed for a carer without an account, saying the rest comes by post', async () => {
		const { m, caseworker } = await setting();
		const email = `zonder-account-${randomUUID().slice(0, 8)}@example.test`;
		const { error } = await caseworker.client.rpc('enter_application_for_carer', {
			...applicationArgs(),
			p_district_id: m.north,
			p_carer_email: email
		});
		expect(error).toBeNull();
		await deliverAll();

		const mail = await waitForMail(email, SUBJECT);
		expect(mail.text).toContain('Hallo,');
		expect(mail.text).toContain('heeft je aanvraag voor de mantelzorgwaardering');
		expect(mail.text).toContain('Het besluit krijg je per post.');
		expect(mail.text).not.toContain('/mantelzorg/mijn');
	});

	it('goes to the linked account when the consulent typed the address of one, and nowhere without one', async () => {
		const { m, caseworker } = await setting();
		const carer = await personIn(m.id, 'mantelzorger-gekoppeld');
		const linked = await caseworker.client.rpc('enter_application_for_carer', {
			...applicationArgs({ recipientName: 'Opa Gekoppeld' }),
			p_district_id: m.north,
			p_carer_email: carer.email.toUpperCase()
		});
		expect(linked.error).toBeNull();
		const without = await caseworker.client.rpc('enter_application_for_carer', {
			...applicationArgs({ recipientName: 'Oma Zonder' }),
			p_district_id: m.north
		});
		expect(without.error).toBeNull();
		const rows = await sql<{ recipient_id: string | null; recipient_email: string | null }>(
			`select o.recipient_id, o.recipient_email from public.notification_outbox o
			 where o.kind = 'application_received' and o.payload ->> 'application_id' in
				('${linked.data as string}', '${without.data as string}')`
		);
		expect(rows).toEqual([{ recipient_id: carer.id, recipient_email: null }]);
		await deliverAll();
		const mail = await waitForMail(carer.email, SUBJECT);
		expect(mail.text).toContain('Een consulent van het sociaal wijkteam heeft je aanvraag');
		expect(mail.text).toContain('/mantelzorg/mijn');
	});
});
