import { describe, expect, it } from 'vitest';
import { MAIL_KINDS } from './registry';
import { renderNotification } from './templates';

const ORIGIN = 'https://buurtkracht.example';
// Every field some kind needs, so each kind can render from the same payload.
const ids = {
	request_id: '11111111-1111-4111-8111-111111111111',
	match_id: '22222222-2222-4222-8222-222222222222',
	target_type: 'help_request',
	activity_id: '33333333-3333-4333-8333-333333333333',
	occurs_on: '2027-03-30',
	starts_at: '2027-03-31T13:00:00Z',
	ends_at: '2027-03-31T15:00:00Z',
	// Mantelzorgwaardering
	application_id: '33333333-3333-4333-8333-333333333333',
	decision: 'approved',
	cheque_id: '44444444-4444-4444-8444-444444444444',
	expires_on: '2027-03-31',
	shop_id: '55555555-5555-4555-8555-555555555555',
	invitation_id: '66666666-6666-4666-8666-666666666666',
	shop_name: 'Bakkerij Het Molentje',
	year: 2026,
	has_account: true,
	entered_by_caseworker: false,
	// Buurthulp's mails about new requests
	category: 'groceries',
	district_name: 'Rosmolenwijk',
	when_kind: 'date',
	starts_on: '2027-03-30',
	unsubscribe: '77777777-7777-4777-8777-777777777777',
	digest: 'weekly',
	items: [
		{
			id: '88888888-8888-4888-8888-888888888888',
			title: 'Boodschappen',
			category: 'groceries',
			district_name: 'Rosmolenwijk',
			when_kind: 'flexible',
			starts_on: null
		}
	],
	// Platform
	role: 'municipality_admin',
	municipality_name: 'Zaanstad'
};

describe('renderNotification', () => {
	it.each([...MAIL_KINDS.keys()])(
		'renders %s with a subject, a link and the shared footer',
		(kind) => {
			const mail = renderNotification(
				{ kind, payload: { ...ids, title: 'Boodschappen' }, displayName: 'Greet' },
				ORIGIN
			);
			expect(mail?.subject).toBeTruthy();
			expect(mail?.text).toMatch(/^Beste Greet,/);
			// Every kind links to a page of the app (Buurthulp's to /hulp/…, the account's to /inloggen).
			expect(mail?.text).toMatch(new RegExp(`${ORIGIN}/[a-z]`));
			expect(mail?.text).toContain('automatisch verstuurd');
			expect(mail?.html).toMatch(new RegExp(`href="${ORIGIN}/[a-z]`));
		}
	);

	it('gives the mails about new requests a one-click unsubscribe, and no other mail', () => {
		for (const kind of ['request_urgent', 'request_digest']) {
			const mail = renderNotification(
				{ kind, payload: { ...ids, title: 'Boodschappen' }, displayName: 'Greet' },
				ORIGIN
			);
			const link = `${ORIGIN}/hulp/meldingen/afmelden/${ids.unsubscribe}`;
			expect(mail?.headers).toEqual({
				'List-Unsubscribe': `<${link}>`,
				'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
			});
			expect(mail?.text).toContain(`Meld je af: ${link}`);
			expect(mail?.html).toContain(`href="${link}"`);
			expect(mail?.text).toContain('Rosmolenwijk');
		}
		const other = renderNotification(
			{ kind: 'response_received', payload: ids, displayName: 'Greet' },
			ORIGIN
		);
		expect(other?.headers).toBeUndefined();
		expect(other?.text).not.toContain('afmelden');
	});

	it('escapes the title in the HTML', () => {
		const mail = renderNotification(
			{
				kind: 'response_received',
				payload: { ...ids, title: '<b>Hoi</b> & zo' },
				displayName: null
			},
			ORIGIN
		);
		expect(mail?.html).toContain('&#60;b&#62;Hoi&#60;/b&#62; &#38; zo');
		expect(mail?.html).not.toContain('<b>');
		expect(mail?.text).toMatch(/^Hallo,/);
	});

	it('refuses an unknown kind, a missing id and an id that is not a uuid', () => {
		const render = (kind: string, payload: unknown) =>
			renderNotification({ kind, payload, displayName: null }, ORIGIN);
		expect(render('spam', ids)).toBeNull();
		expect(render('message_received', {})).toBeNull();
		expect(render('response_received', { request_id: '../../uitloggen' })).toBeNull();
	});
});
