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
