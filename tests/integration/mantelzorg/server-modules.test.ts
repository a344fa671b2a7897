// The server modules the pages call parse what the SQL functions really return (their zod
// schemas are the trust boundary), and turn refusals into Dutch sentences.
import { describe, expect, it } from 'vitest';
import {
	answerQuestion,
	approveApplication,
	askQuestion,
	loadApplicationFile,
	loadCaseworkerQueue
} from '../../../src/lib/server/mantelzorg/applications.ts';
import {
	enterApplicationForCarer,
	submitApplication
} from '../../../src/lib/server/mantelzorg/apply.ts';
import { loadCarerPage } from '../../../src/lib/server/mantelzorg/my-appreciation.ts';
import {
	blockAndReissueCheque,
	drawCallbackSample,
	loadCallbackChecks,
	loadLetterQueue,
	markLettersPrinted,
	recordCallbackOutcome
} from '../../../src/lib/server/mantelzorg/cheques.ts';
import {
	loadOpenScheme,
	loadSchemes,
	saveScheme
} from '../../../src/lib/server/mantelzorg/schemes.ts';
import { applicationSchema } from '../../../src/lib/schemas/mantelzorg/application-form.ts';
import { schemeFormSchema, toScheme } from '../../../src/lib/schemas/mantelzorg/scheme.ts';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import { createMunicipality, createScheme, personIn } from '../../support/mantelzorg-factories.ts';

const form = {
	firstName: 'Joke',
	lastName: 'de Vries',
	birthDate: '1961-04-02',
	postcode: '1561ab',
	houseNumber: '7',
	street: 'Vinkenstraat',
	town: 'Zaandam',
	phone: '',
	careRecipientName: 'Piet de Vries',
	careRecipientPostcode: '1561 AB',
	relation: 'partner',
	hoursPerWeek: '20',
	caringSince: '2020-05-01',
	consent: true
};

describe('the Mantelzorgwaardering server modules', () => {
	it('carry a carer, a consulent and an admin through the whole flow', async () => {
		const m = await createMunicipality();
		await createScheme(m.id);
		const carer = await personIn(m.id, 'mantelzorger');
		const caseworker = await personIn(m.id, 'consulent', 'caseworker', [m.north]);
		const admin = await personIn(m.id, 'beheer', 'municipality_admin');
		const asCarer = carer.client as unknown as RequestClient;
		const asCaseworker = caseworker.client as unknown as RequestClient;
		const asAdmin = admin.client as unknown as RequestClient;

		expect((await loadOpenScheme(asCarer, m.id))?.chequeValueCents).toBe(5000);
		const submitted = await submitApplication(asCarer, applicationSchema.parse(form));
		expect(submitted.ok).toBe(true);
		const again = await submitApplication(asCarer, applicationSchema.parse(form));
		expect(again).toEqual({
			ok: false,
			problem:
				'Je hebt al een aanvraag voor deze persoon. Op de pagina Mijn mantelzorg zie je hoe het ermee staat.',
			field: null
		});
		const fewHours = await submitApplication(
			asCarer,
			applicationSchema.parse({ ...form, careRecipientName: 'Iemand anders', hoursPerWeek: '3' })
		);
		expect(fewHours).toEqual({
			ok: false,
			problem: 'Je kunt aanvragen als je minstens 8 uur per week zorgt.',
			field: 'hoursPerWeek'
		});
		const id = submitted.ok ? submitted.value : '';

		const queue = await loadCaseworkerQueue(asCaseworker);
		expect(queue.districts).toEqual([{ id: m.north, name: 'Noord' }]);
		expect(queue.applications.map((a) => a.id)).toEqual([id]);
		expect((await askQuestion(asCaseworker, id, 'Sinds wanneer precies?')).ok).toBe(true);
		expect((await approveApplication(asCaseworker, id)).ok).toBe(false);
		expect((await answerQuestion(asCarer, id, 'Sinds mei 2020.')).ok).toBe(true);
		const approved = await approveApplication(asCaseworker, id);
		expect(approved.ok).toBe(true);

		const file = await loadApplicationFile(asCaseworker, id);
		expect(file?.application).toMatchObject({
			carerPostcode: '1561AB',
			careRelation: 'partner',
			answer: 'Sinds mei 2020.'
		});
		expect(file?.cheques).toHaveLength(1);
		expect(await loadApplicationFile(asCarer, id)).toBeNull();

		const page = await loadCarerPage(asCarer);
		expect(page.openScheme).not.toBeNull();
		expect(page.applications[0]?.status).toBe('approved');
		expect(page.cheques[0]).toMatchObject({ kind: 'cheque', valueCents: 5000, receipts: [] });

		const chequeId = approved.ok ? approved.value : '';
		const reissued = await blockAndReissueCheque(asCaseworker, chequeId);
		expect(reissued.ok).toBe(true);
		expect(await blockAndReissueCheque(asCaseworker, chequeId)).toEqual({
			ok: false,
			problem: 'Deze cheque is al geblokkeerd.'
		});

		// A carer without e-mail, entered by the consulent: a letter.
		const entered = await enterApplicationForCarer(
			asCaseworker,
			applicationSchema.parse({
				...form,
				lastName: 'Bakker',
				careRecipientName: 'Mien Bakker',
				districtId: m.north
			})
		);
		expect(entered.ok).toBe(true);
		// Four eyes: the consulent who entered it is told why not; the admin approves it.
		expect(await approveApplication(asCaseworker, entered.ok ? entered.value : '')).toEqual({
			ok: false,
			problem:
				'Jij hebt deze aanvraag ingevoerd. Een andere consulent of de beheerder keurt hem goed (vier-ogenprincipe).'
		});
		expect((await approveApplication(asAdmin, entered.ok ? entered.value : '')).ok).toBe(true);
		const letters = await loadLetterQueue(asAdmin);
		expect(letters.map((l) => [l.carerLastName, l.letter])).toEqual([['Bakker', 'cheque']]);
		expect(await markLettersPrinted(asAdmin, [letters[0]?.chequeId as string], 'cheque')).toEqual({
			ok: true,
			value: 1
		});

		const sample = await drawCallbackSample(asAdmin, 10);
		expect(sample.ok && sample.value.length).toBe(2);
		const checks = await loadCallbackChecks(asAdmin);
		expect(
			(
				await recordCallbackOutcome(asAdmin, checks[0]?.id as string, {
					outcome: 'confirmed',
					note: ''
				})
			).ok
		).toBe(true);

		const schemes = await loadSchemes(asAdmin, m.id);
		const current = schemes[0];
		const changed = await saveScheme(
			asAdmin,
			m.id,
			toScheme(
				schemeFormSchema.parse({
					year: String(current?.year),
					chequeValue: '60,00',
					pluimValue: '25',
					youngCarerMaxAge: '23',
					minHoursPerWeek: '8',
					minMonths: '3',
					applicationOpensOn: current?.applicationOpensOn,
					applicationClosesOn: current?.applicationClosesOn,
					redeemUntil: current?.redeemUntil,
					budget: '570.000',
					retentionMonths: '24',
					reimbursementSchedule: 'quarterly',
					band0Min: '65',
					band0Max: '130',
					band0Value: '75'
				})
			),
			current?.id
		);
		expect(changed).toEqual({ ok: true, value: current?.id });
		const [after] = await loadSchemes(asCarer, m.id);
		expect(after).toMatchObject({
			chequeValueCents: 6000,
			budgetCents: 57000000,
			reimbursementSchedule: 'quarterly',
			ageBands: [{ minAge: 65, maxAge: 130, valueCents: 7500 }]
		});
		const notAdmin = await saveScheme(
			asCaseworker,
			m.id,
			toScheme(
				schemeFormSchema.parse({
					year: '2098',
					chequeValue: '50',
					pluimValue: '25',
					youngCarerMaxAge: '23',
					minHoursPerWeek: '8',
					minMonths: '3',
					applicationOpensOn: '2098-01-01',
					applicationClosesOn: '2098-06-01',
					redeemUntil: '2098-12-31',
					budget: '1000',
					retentionMonths: '24',
					reimbursementSchedule: 'monthly'
				})
			)
		);
		expect(notAdmin.ok).toBe(false);
	});
});
