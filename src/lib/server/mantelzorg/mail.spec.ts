import { describe, expect, it } from 'vitest';
import { mailKinds } from './mail';

const content = (kind: string, payload: unknown) => {
	const definition = mailKinds[kind];
	const parsed = definition?.payload.safeParse(payload);
	return parsed?.success ? definition?.content(parsed.data) : null;
};

describe('Mantelzorgwaardering mails', () => {
	it('say when a Pluim expires, in Dutch, and link to the carer’s page', () => {
		const mail = content('cheque_expiry_reminder', {
			cheque_id: '44444444-4444-4444-8444-444444444444',
			expires_on: '2027-03-31',
			kind: 'pluim'
		});
		expect(mail?.subject).toBe('Je Pluim is bijna verlopen');
		expect(mail?.paragraphs[0]).toBe('Je Pluim is geldig tot en met 31 maart 2027.');
		expect(mail?.action.path).toBe('/mantelzorg/mijn');
	});

	it('confirm an application, by post for a carer without an account', () => {
		const id = '44444444-4444-4444-8444-444444444444';
		const own = content('application_received', {
			application_id: id,
			year: 2026,
			has_account: true,
			entered_by_caseworker: false
		});
		expect(own?.subject).toBe('We hebben je aanvraag voor de mantelzorgwaardering 2026 ontvangen');
		expect(own?.action.path).toBe('/mantelzorg/mijn');
		const entered = content('application_received', {
			application_id: id,
			year: 2026,
			has_account: false,
			entered_by_caseworker: true
		});
		expect(entered?.paragraphs.join(' ')).toMatch(/consulent .* ingevoerd.*per post/);
		expect(entered?.action.path).toBe('/mantelzorg');
		expect(content('application_received', { application_id: id, year: 2026 })).toBeNull();
	});

	it('tell approval from rejection, without the reason', () => {
		const id = '44444444-4444-4444-8444-444444444444';
		expect(
			content('application_decided', { application_id: id, decision: 'approved' })?.subject
		).toBe('Je mantelzorgwaardering is toegekend');
		const rejected = content('application_decided', { application_id: id, decision: 'rejected' });
		expect(rejected?.paragraphs.join(' ')).toMatch(/niet goedgekeurd/);
		expect(content('application_decided', { application_id: id, decision: 'maybe' })).toBeNull();
	});
});
