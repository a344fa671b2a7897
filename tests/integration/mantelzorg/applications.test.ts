// The application flow in SQL: the window, questions, approval issuing exactly one cheque or
// Pluim at the scheme's value, the one-approved constraint, codes that agree with the TypeScript
// check character, block and reissue, the call-back sample, the letter queue and the jobs.
import { describe, expect, it } from 'vitest';
import { checkCharacter, generate, isValid } from '../../../src/lib/mantelzorg/cheque-code.ts';
import { sql } from '../../support/factories.ts';
import {
	applicationArgs,
	bornYearsAgo,
	createMunicipality,
	createScheme,
	personIn
} from '../../support/mantelzorg-factories.ts';

type Row = Record<string, unknown>;

async function setting(opts: Parameters<typeof createScheme>[1] = {}) {
	const m = await createMunicipality();
	const schemeId = await createScheme(m.id, opts);
	const caseworker = await personIn(m.id, 'consulent', 'caseworker', [m.north]);
	// A second consulent of the wijk approves what the first entered (four eyes).
	const approver = await personIn(m.id, 'consulent-2', 'caseworker', [m.north]);
	const carer = await personIn(m.id, 'mantelzorger');
	return { m, schemeId, caseworker, approver, carer };
}

const message = (error: { message?: string } | null) => error?.message ?? '';

describe('applying', () => {
	it('is refused outside the window, and without consent, with a key the app translates', async () => {
		const { m, carer } = await setting({ opensInDays: 5, closesInDays: 30 });
		const early = await carer.client.rpc('submit_application', applicationArgs());
		expect(message(early.error)).toMatch(/application_window_closed/);

		const other = await createMunicipality();
		await createScheme(other.id, { opensInDays: -60, closesInDays: -1 });
		const late = await personIn(other.id, 'te-laat');
		const closed = await late.client.rpc('submit_application', applicationArgs());
		expect(message(closed.error)).toMatch(/application_window_closed/);

		await createScheme(m.id, { year: 2099 });
		const noConsent = await carer.client.rpc('submit_application', {
			...applicationArgs(),
			p_consent: false
		});
		expect(message(noConsent.error)).toMatch(/consent_required/);
		const tooFewHours = await carer.client.rpc('submit_application', {
			...applicationArgs(),
			p_hours_per_week: 2
		});
		expect(message(tooFewHours.error)).toMatch(/not_eligible_hours/);
		const [count] = await sql<{ n: number }>(
			`select count(*)::int as n from public.applications where municipality_id = '${m.id}'`
		);
		expect(count?.n).toBe(0);
	});

	it('finds the wijk from the postcode, or refuses a postcode outside the chosen wijk', async () => {
		const { m, carer } = await setting();
		const { data: id, error } = await carer.client.rpc(
			'submit_application',
			applicationArgs({ postcode: '1562 XY' })
		);
		expect(error).toBeNull();
		const [row] = await sql<{ district_id: string; carer_postcode: string; carer_email: string }>(
			`select district_id, carer_postcode, carer_email from public.applications where id = '${id}'`
		);
		expect(row).toEqual({
			district_id: m.south,
			carer_postcode: '1562XY',
			carer_email: carer.email
		});
		const wrong = await carer.client.rpc(
			'submit_application',
			applicationArgs({ postcode: '1562 XY', districtId: m.north })
		);
		expect(message(wrong.error)).toMatch(/postcode_not_in_district/);
		// Street and town come together, or (from an older caller) not at all.
		const half = await carer.client.rpc('submit_application', {
			...applicationArgs(),
			p_carer_town: null as unknown as string
		});
		expect(message(half.error)).toMatch(/invalid_address/);
		expect(half.error?.code).toBe('22023');
	});
});

describe('deciding', () => {
	it('waits while a question is open, then approval issues exactly one cheque with a valid code', async () => {
		const { m, schemeId, caseworker, carer, approver } = await setting({ chequeValueCents: 6000 });
		const { data: id } = await carer.client.rpc('submit_application', applicationArgs());
		const appId = id as string;

		const asked = await caseworker.client.rpc('ask_question', {
			p_application_id: appId,
			p_question: 'Hoeveel uur per week zorgt u?'
		});
		expect(asked.error).toBeNull();
		const early = await approver.client.rpc('approve_application', { p_application_id: appId });
		expect(message(early.error)).toMatch(/question_open/);
		const [outbox] = await sql<{ kind: string }>(
			`select kind from public.notification_outbox where recipient_id = '${carer.id}'
			 order by seq desc limit 1`
		);
		expect(outbox?.kind).toBe('application_question');

		const answered = await carer.client.rpc('answer_question', {
			p_application_id: appId,
			p_answer: 'Ongeveer twaalf uur.'
		});
		expect(answered.error).toBeNull();

		// Two approvals at once: one cheque.
		const [a, b] = await Promise.all([
			approver.client.rpc('approve_application', { p_application_id: appId }),
			approver.client.rpc('approve_application', { p_application_id: appId })
		]);
		expect([a.error, b.error].filter((e) => e === null)).toHaveLength(1);
		const cheques = await sql<Row>(
			`select kind, code, value_cents, remaining_cents, holder_first_name, letter_needed, expires_on::text,
				(select redeem_until::text from public.schemes where id = '${schemeId}') as redeem_until
			 from public.cheques where application_id = '${appId}'`
		);
		expect(cheques).toHaveLength(1);
		const cheque = cheques[0] as Row;
		expect(cheque).toMatchObject({
			kind: 'cheque',
			value_cents: 6000,
			remaining_cents: 6000,
			holder_first_name: 'Anna',
			letter_needed: false
		});
		expect(cheque.expires_on).toBe(cheque.redeem_until);
		expect(isValid(cheque.code as string)).toBe(true);

		// The carer sees it; the decision mail is queued; the audit log has the steps.
		const page = await carer.client.rpc('my_carer_page');
		const mine = page.data as { cheques: Row[]; applications: Row[] };
		expect(mine.cheques.map((c) => c.code)).toEqual([cheque.code]);
		expect(mine.applications[0]?.status).toBe('approved');
		const actions = await sql<{ action: string }>(
			`select action from public.audit_log where municipality_id = '${m.id}' order by created_at, action`
		);
		expect(actions.map((r) => r.action)).toEqual(
			expect.arrayContaining([
				'mantelzorg.application_submitted',
				'mantelzorg.question_asked',
				'mantelzorg.question_answered',
				'mantelzorg.application_approved',
				'mantelzorg.cheque_issued'
			])
		);
	});

	it('allows one approved application per carer per care recipient per scheme', async () => {
		const { m, caseworker, carer, approver } = await setting();
		const args = applicationArgs({ houseNumber: '12a' });
		const { data: first } = await carer.client.rpc('submit_application', args);
		// The same carer, entered again by the consulent (no account linked: no e-mail given).
		const { data: second, error } = await caseworker.client.rpc('enter_application_for_carer', {
			...args,
			p_carer_first_name: 'ANNA',
			p_carer_house_number: '12A',
			p_district_id: m.north
		});
		expect(error).toBeNull();
		expect(
			(await approver.client.rpc('approve_application', { p_application_id: first as string }))
				.error
		).toBeNull();
		const again = await approver.client.rpc('approve_application', {
			p_application_id: second as string
		});
		expect(message(again.error)).toMatch(/already_approved/);
		const [n] = await sql<{ n: number }>(
			`select count(*)::int as n from public.cheques c join public.applications a on a.id = c.application_id
			 where a.municipality_id = '${m.id}'`
		);
		expect(n?.n).toBe(1);
		// The queue flags the duplicate.
		const queue = await caseworker.client.rpc('caseworker_queue');
		const flagged = (queue.data as { applications: Row[] }).applications.find(
			(a) => a.id === second
		);
		expect(flagged?.flags).toContain('same_carer');
		// The queue counts in one pass what the file counts per application: the same numbers.
		const file = await caseworker.client.rpc('application_file', {
			p_application_id: second as string
		});
		expect(flagged?.signals).toEqual((file.data as Row).signals);
		expect(flagged?.signals).toEqual({ same_carer: 1, recipient_carers: 1, same_address: 2 });
	});

	it('gives a young carer a Pluim, and others the value of their age band', async () => {
		const { m, caseworker, approver } = await setting({
			pluimValueCents: 2500,
			chequeValueCents: 5000,
			ageBands: [{ min_age: 65, max_age: 130, value_cents: 7500 }]
		});
		const values: Row[] = [];
		for (const age of [16, 40, 70]) {
			const { data: id } = await caseworker.client.rpc('enter_application_for_carer', {
				...applicationArgs({ birthDate: bornYearsAgo(age) }),
				p_district_id: m.north
			});
			const { data: chequeId, error } = await approver.client.rpc('approve_application', {
				p_application_id: id as string
			});
			expect(error).toBeNull();
			const [row] = await sql<Row>(
				`select kind, value_cents, letter_needed from public.cheques where id = '${chequeId}'`
			);
			values.push(row as Row);
		}
		expect(values).toEqual([
			{ kind: 'pluim', value_cents: 2500, letter_needed: true },
			{ kind: 'cheque', value_cents: 5000, letter_needed: true },
			{ kind: 'cheque', value_cents: 7500, letter_needed: true }
		]);
	});

	it('never approves beyond the budget, even when two approvals race for its last cheque', async () => {
		const { m, caseworker, approver } = await setting({
			chequeValueCents: 5000,
			budgetCents: 7500
		});
		const ids: string[] = [];
		for (let i = 0; i < 2; i++) {
			const { data } = await caseworker.client.rpc('enter_application_for_carer', {
				...applicationArgs(),
				p_district_id: m.north
			});
			ids.push(data as string);
		}
		const results = await Promise.all(
			ids.map((id) => approver.client.rpc('approve_application', { p_application_id: id }))
		);
		expect(results.filter((r) => r.error === null)).toHaveLength(1);
		expect(message(results.find((r) => r.error)?.error ?? null)).toMatch(/budget_exhausted/);
		const [left] = await sql<{ status: string }>(
			`select status from public.applications where id = any (array['${ids.join("','")}']::uuid[]) and status <> 'approved'`
		);
		expect(left?.status).toBe('submitted');
	});

	it('rejects with a reason, which the carer reads; a decided application stays decided', async () => {
		const { caseworker, carer, approver } = await setting();
		const { data: id } = await carer.client.rpc('submit_application', applicationArgs());
		const short = await caseworker.client.rpc('reject_application', {
			p_application_id: id as string,
			p_reason: 'x'
		});
		expect(message(short.error)).toMatch(/reason_required/);
		expect(
			(
				await caseworker.client.rpc('reject_application', {
					p_application_id: id as string,
					p_reason: 'U zorgt minder dan 8 uur per week.'
				})
			).error
		).toBeNull();
		const later = await approver.client.rpc('approve_application', {
			p_application_id: id as string
		});
		expect(message(later.error)).toMatch(/application_not_open/);
		const page = await carer.client.rpc('my_carer_page');
		expect((page.data as { applications: Row[] }).applications[0]).toMatchObject({
			status: 'rejected',
			rejection_reason: 'U zorgt minder dan 8 uur per week.'
		});
	});
});

describe('cheque codes', () => {
	it('SQL and TypeScript compute the same check character, and SQL codes are valid in TS', async () => {
		const payloads = Array.from({ length: 300 }, () => generate().slice(0, 15));
		const rows = await sql<{ p: string; c: string }>(
			`select p, public.cheque_check_character(p) as c from unnest(array[${payloads
				.map((p) => `'${p}'`)
				.join(',')}]) p`
		);
		expect(rows.map((r) => r.c)).toEqual(payloads.map((p) => checkCharacter(p)));
		const codes = await sql<{ code: string }>(
			'select public.generate_cheque_code() as code from generate_series(1, 300)'
		);
		expect(new Set(codes.map((r) => r.code)).size).toBe(300);
		for (const { code } of codes) expect(isValid(code), code).toBe(true);
		const [normalised] = await sql<{ a: string; b: string | null }>(
			`select public.normalise_cheque_code('${codes[0]?.code.toLowerCase().replace(/(.{4})/g, '$1 ')}') as a,
				public.normalise_cheque_code('${codes[0]?.code.slice(0, 15)}X') as b`
		);
		expect(normalised?.a).toBe(codes[0]?.code);
		if (codes[0]?.code.endsWith('X')) expect(normalised?.b).toBe(codes[0].code);
		else expect(normalised?.b).toBeNull();
	});
});

describe('a lost cheque', () => {
	it('is blocked at once and what was left moves to a new code', async () => {
		const { m, caseworker, carer, approver } = await setting({ chequeValueCents: 5000 });
		const { data: appId } = await carer.client.rpc('submit_application', applicationArgs());
		const { data: oldId } = await approver.client.rpc('approve_application', {
			p_application_id: appId as string
		});
		// As if 1800 had been redeemed already.
		await sql(`update public.cheques set remaining_cents = 3200 where id = '${oldId}'`);
		const byCarer = await carer.client.rpc('block_and_reissue_cheque', {
			p_cheque_id: oldId as string
		});
		expect(message(byCarer.error)).toMatch(/forbidden/);
		const otherWijk = await personIn(m.id, 'consulent-zuid', 'caseworker', [m.south]);
		expect(
			message(
				(await otherWijk.client.rpc('block_and_reissue_cheque', { p_cheque_id: oldId as string }))
					.error
			)
		).toMatch(/forbidden/);

		const { data: newId, error } = await caseworker.client.rpc('block_and_reissue_cheque', {
			p_cheque_id: oldId as string
		});
		expect(error).toBeNull();
		const rows = await sql<Row>(
			`select id, status, value_cents, remaining_cents, replaced_by, code from public.cheques
			 where application_id = '${appId}' order by created_at`
		);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({ status: 'blocked', remaining_cents: 0, replaced_by: newId });
		expect(rows[1]).toMatchObject({
			id: newId,
			status: 'active',
			value_cents: 3200,
			remaining_cents: 3200
		});
		expect(rows[1]?.code).not.toBe(rows[0]?.code);
		const twice = await caseworker.client.rpc('block_and_reissue_cheque', {
			p_cheque_id: oldId as string
		});
		expect(message(twice.error)).toMatch(/cheque_not_active/);
		const page = await carer.client.rpc('my_carer_page');
		const cheques = (page.data as { cheques: Row[] }).cheques;
		expect(cheques.find((c) => c.status === 'active')?.id).toBe(newId);
	});
});

describe('the municipality', () => {
	it('draws a call-back sample of approved applications and records the outcome', async () => {
		const { m, caseworker, approver } = await setting();
		const admin = await personIn(m.id, 'beheer', 'municipality_admin');
		for (let i = 0; i < 3; i++) {
			const { data: id } = await caseworker.client.rpc('enter_application_for_carer', {
				...applicationArgs(),
				p_district_id: m.north,
				p_carer_phone: '06 1234 5678'
			});
			if (i < 2)
				await approver.client.rpc('approve_application', { p_application_id: id as string });
		}
		const refused = await caseworker.client.rpc('draw_callback_sample', { p_size: 5 });
		expect(message(refused.error)).toMatch(/forbidden/);
		const { data, error } = await admin.client.rpc('draw_callback_sample', { p_size: 5 });
		expect(error).toBeNull();
		const checks = data as Row[];
		expect(checks).toHaveLength(2);
		expect(checks[0]?.carer_phone).toBe('06 1234 5678');
		const again = await admin.client.rpc('draw_callback_sample', { p_size: 5 });
		expect(again.data as Row[]).toHaveLength(2);
		const recorded = await admin.client.rpc('record_callback_outcome', {
			p_check_id: checks[0]?.id as string,
			p_outcome: 'confirmed',
			p_note: 'Klopt.'
		});
		expect(recorded.error).toBeNull();
		const bad = await admin.client.rpc('record_callback_outcome', {
			p_check_id: checks[1]?.id as string,
			p_outcome: 'maybe'
		});
		expect(message(bad.error)).toMatch(/invalid_outcome/);
	});

	it('prints letters for carers without an account, and sends reminders before expiry', async () => {
		const { m, caseworker, carer, approver } = await setting({
			redeemUntilInDays: 10,
			closesInDays: 5
		});
		const admin = await personIn(m.id, 'beheer', 'municipality_admin');
		const { data: entered } = await caseworker.client.rpc('enter_application_for_carer', {
			...applicationArgs(),
			p_district_id: m.north
		});
		const { data: letterCheque } = await approver.client.rpc('approve_application', {
			p_application_id: entered as string
		});
		const { data: own } = await carer.client.rpc('submit_application', applicationArgs());
		const { data: mailCheque } = await approver.client.rpc('approve_application', {
			p_application_id: own as string
		});
		const queue = await admin.client.rpc('letter_queue');
		expect((queue.data as Row[]).map((l) => [l.cheque_id, l.letter])).toEqual([
			[letterCheque, 'cheque']
		]);

		const [ran] = await sql<{ n: number }>('select public.remind_expiring_cheques() as n');
		expect(ran?.n).toBeGreaterThanOrEqual(2);
		const [mail] = await sql<{ kind: string; payload: Row }>(
			`select kind, payload from public.notification_outbox
			 where recipient_id = '${carer.id}' and kind = 'cheque_expiry_reminder'`
		);
		expect(mail?.payload.cheque_id).toBe(mailCheque);
		const after = await admin.client.rpc('letter_queue');
		expect((after.data as Row[]).map((l) => l.letter).sort()).toEqual(['cheque', 'reminder']);
		const printed = await admin.client.rpc('mark_letters_printed', {
			p_cheque_ids: [letterCheque as string],
			p_letter: 'cheque'
		});
		expect(printed.data).toBe(1);
		const left = await admin.client.rpc('letter_queue');
		expect((left.data as Row[]).map((l) => l.letter)).toEqual(['reminder']);
		// Once per cheque.
		await sql('select public.remind_expiring_cheques()');
		const [n] = await sql<{ n: number }>(
			`select count(*)::int as n from public.notification_outbox
			 where recipient_id = '${carer.id}' and kind = 'cheque_expiry_reminder'`
		);
		expect(n?.n).toBe(1);
	});

	it('deletes personal data after the retention period and keeps the anonymous counts', async () => {
		const { m, schemeId, caseworker, carer, approver } = await setting();
		const { data: a1 } = await carer.client.rpc('submit_application', applicationArgs());
		const { data: a2 } = await caseworker.client.rpc('enter_application_for_carer', {
			...applicationArgs({ birthDate: bornYearsAgo(15) }),
			p_district_id: m.north
		});
		const { data: a3 } = await caseworker.client.rpc('enter_application_for_carer', {
			...applicationArgs(),
			p_district_id: m.north,
			p_carer_email: `getypt-${schemeId.slice(0, 8)}@example.test`
		});
		await approver.client.rpc('approve_application', { p_application_id: a1 as string });
		await approver.client.rpc('approve_application', { p_application_id: a2 as string });
		await caseworker.client.rpc('reject_application', {
			p_application_id: a3 as string,
			p_reason: 'Geen mantelzorg.'
		});
		// Nothing is due yet.
		await sql('select public.purge_expired_applications()');
		expect(
			await sql(`select 1 from public.applications where scheme_id = '${schemeId}'`)
		).toHaveLength(3);
		const typed = `select 1 from public.notification_outbox where recipient_email = 'getypt-${schemeId.slice(0, 8)}@example.test'`;
		expect(await sql(typed)).toHaveLength(1);
		// The scheme ended long ago.
		await sql(
			`update public.schemes set application_opens_on = current_date - 1200, application_closes_on = current_date - 1100,
				redeem_until = current_date - 1000, retention_months = 24 where id = '${schemeId}'`
		);
		const [ran] = await sql<{ n: number }>('select public.purge_expired_applications() as n');
		expect(ran?.n).toBeGreaterThanOrEqual(3);
		expect(
			await sql(`select 1 from public.applications where scheme_id = '${schemeId}'`)
		).toHaveLength(0);
		// The address the consulent typed leaves with the application (its confirmation mail).
		expect(await sql(typed)).toHaveLength(0);
		const cheques = await sql<Row>(
			`select holder_first_name, carer_user_id, application_id from public.cheques where scheme_id = '${schemeId}'`
		);
		expect(cheques).toEqual([
			{ holder_first_name: null, carer_user_id: null, application_id: null },
			{ holder_first_name: null, carer_user_id: null, application_id: null }
		]);
		const counts = await sql<Row>(
			`select district_id, applications, approved, rejected, young_carers from public.scheme_counts
			 where scheme_id = '${schemeId}'`
		);
		expect(counts).toEqual([
			{ district_id: m.north, applications: 3, approved: 2, rejected: 1, young_carers: 1 }
		]);
		const page = await carer.client.rpc('my_carer_page');
		expect((page.data as { applications: Row[] }).applications).toEqual([]);
	});
});
