// Verified volunteers (issue 20 point 4): the volunteer asks, the coordinator of their municipality
// records the meeting and the VOG's date, or withdraws it. SQL decides who may (29_buurthulp_trust.sql)
// and logs every read and change; this module turns its answers into page data and Dutch sentences.
import { z } from 'zod';
import type { VerificationForm } from '#lib/schemas/buurthulp/verification';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';

const date = z.string().nullable();

const listed = z.object({
	volunteerId: z.uuid(),
	displayName: z.string(),
	/** waiting: asked, or lapsed; expiring: lapses within 60 days. */
	list: z.enum(['waiting', 'expiring']),
	requestedAt: date,
	verifiedAt: date,
	metOn: date,
	vogIssuedOn: date,
	expiresOn: date
});
export type ListedVolunteer = z.infer<typeof listed>;

const verificationsPage = fromRow(
	z.object({ months: z.number(), verified: z.number(), volunteers: z.array(listed) })
);
export type VerificationsPage = z.infer<typeof verificationsPage>;

/** The coordinator's list, or null for anyone else (SQL refuses them). */
export async function loadVerificationsPage(
	supabase: RequestClient
): Promise<VerificationsPage | null> {
	const { data, error } = await supabase.rpc('volunteer_verifications_page');
	if (error?.code === '42501') return null;
	if (error) throw new Error(`volunteer_verifications_page: ${error.code} ${error.message}`);
	return verificationsPage.parse(data);
}

const REASONS: Record<string, { field: keyof VerificationForm; text: string }> = {
	invalid_met_on: {
		field: 'metOn',
		text: 'Kies de dag van het gesprek: vandaag of in het afgelopen jaar.'
	},
	invalid_vog_issued_on: {
		field: 'vogIssuedOn',
		text: 'Deze VOG is te oud of de datum ligt in de toekomst. Vraag de vrijwilliger om een nieuwe VOG.'
	}
};

const answer = fromRow(
	z.object({ ok: z.boolean(), reason: z.string().optional(), expiresOn: z.string().optional() })
);

/** The verification's end date, or a refusal naming the field it is about. */
export async function verifyVolunteer(
	supabase: RequestClient,
	volunteerId: string,
	form: VerificationForm
): Promise<WriteResult<string>> {
	const { data, error } = await supabase.rpc('verify_volunteer', {
		p_volunteer_id: volunteerId,
		p_met_on: form.metOn,
		p_vog_issued_on: form.vogIssuedOn
	});
	if (error) return refused(helpErrorMessage(error));
	const result = answer.parse(data);
	if (result.ok && result.expiresOn) return ok(result.expiresOn);
	const reason = REASONS[result.reason ?? ''];
	return reason ? refused(reason.text, reason.field) : refused('Dit lukte niet.');
}

export async function withdrawVerification(
	supabase: RequestClient,
	volunteerId: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('withdraw_volunteer_verification', {
		p_volunteer_id: volunteerId
	});
	return error ? refused(helpErrorMessage(error)) : ok();
}

const ownRow = fromRow(
	z.object({ requestedAt: date, verifiedAt: date, expiresOn: date }).nullable()
);
export type OwnVerification = z.infer<typeof ownRow>;

/** The signed-in volunteer's own verification (RLS: only their own row), or null. */
export async function loadOwnVerification(
	supabase: RequestClient,
	volunteerId: string
): Promise<OwnVerification> {
	const { data, error } = await supabase
		.from('volunteer_verifications')
		.select('requested_at, verified_at, expires_on')
		.eq('volunteer_id', volunteerId)
		.maybeSingle();
	if (error) throw new Error(`volunteer_verifications: ${error.code}`);
	return ownRow.parse(data);
}

export async function askForVerification(supabase: RequestClient): Promise<WriteResult> {
	const { data, error } = await supabase.rpc('request_volunteer_verification');
	if (error) return refused(helpErrorMessage(error));
	if (answer.parse(data).ok) return ok();
	return refused('Meld je eerst aan als vrijwilliger. Daarna kun je om een controle vragen.');
}

/** Verified and not lapsed on `today` (YYYY-MM-DD). */
export const isVerified = (v: OwnVerification, today: string) =>
	!!v?.verifiedAt && !!v.expiresOn && v.expiresOn >= today;

/** The municipality's period, read by its admin (RLS: the municipality's own row). */
export async function loadVerificationMonths(
	supabase: RequestClient,
	municipalityId: string
): Promise<number> {
	const { data, error } = await supabase
		.from('municipalities')
		.select('volunteer_verification_months')
		.eq('id', municipalityId)
		.single();
	if (error) throw new Error(`municipalities: ${error.code}`);
	return data.volunteer_verification_months;
}

export async function setVerificationMonths(
	supabase: RequestClient,
	months: number
): Promise<WriteResult> {
	const { data, error } = await supabase.rpc('set_volunteer_verification_months', {
		p_months: months
	});
	if (error) return refused(helpErrorMessage(error));
	return answer.parse(data).ok
		? ok()
		: refused('Kies een periode van 6 tot 120 maanden.', 'months');
}
