// The carer's and the print queue's letters through the server modules the pages use, against the
// embedded Supabase: the PDF holds the code, each reader gets only what is theirs, and the print
// queue (print_letter_queue) is for the municipality's admins only, logs who printed each letter,
// and leaves out the letters of cheques the reader issued (four eyes).
import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Database } from '../../../src/lib/database.types.ts';
import { groupCode } from '../../../src/lib/mantelzorg/display.ts';
import { loadFile } from '../../../src/lib/server/mantelzorg/caseworker.ts';
import {
	loadCarerPage,
	renderMyChequeLetter
} from '../../../src/lib/server/mantelzorg/my-appreciation.ts';
import {
	markPrinted,
	printLetterQueue,
	renderPrintQueue
} from '../../../src/lib/server/mantelzorg/print-queue.ts';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import { anonClient, sql } from '../../support/factories.ts';
import {
	applicationArgs,
	createMunicipality,
	createScheme,
	personIn
} from '../../support/mantelzorg-factories.ts';

const asRequest = (client: SupabaseClient<Database>) => client as unknown as RequestClient;
const URL_SHOPS = 'https://buurtkracht.example/mantelzorg/winkels';

async function pdfText(pdf: Buffer) {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
		mergePages: true
	});
	return text.replace(/\s+/g, ' ');
}

describe('letters', () => {
	it('gives the carer their cheque with a QR code and a PDF letter, and nobody else', async () => {
		const m = await createMunicipality();
		await createScheme(m.id);
		const caseworker = await personIn(m.id, 'consulent', 'caseworker', [m.north]);
		const otherCaseworker = await personIn(m.id, 'consulent-zuid', 'caseworker', [m.south]);
		const carer = await personIn(m.id, 'mantelzorger');
		const stranger = await personIn(m.id, 'vreemde');
		const submitted = await carer.client.rpc(
			'submit_application',
			applicationArgs({ firstName: 'Fatima', districtId: m.north })
		);
		expect(submitted.error).toBeNull();
		const applicationId = submitted.data as string;
		expect(await loadFile(asRequest(otherCaseworker.client), applicationId)).toBeNull();
		const file = await loadFile(asRequest(caseworker.client), applicationId);
		expect(file?.application.carerFirstName).toBe('Fatima');
		const approved = await caseworker.client.rpc('approve_application', {
			p_application_id: applicationId
		});
		expect(approved.error).toBeNull();

		const page = await loadCarerPage(asRequest(carer.client));
		expect(page.applications).toHaveLength(1);
		const [cheque] = page.cheques;
		expect(cheque?.qrSvg).toMatch(/^<svg role="img" aria-label="QR-code met de code /);
		const pdf = await renderMyChequeLetter(asRequest(carer.client), cheque!.id, URL_SHOPS);
		expect(await pdfText(pdf!)).toContain(groupCode(cheque!.code));

		expect(
			await renderMyChequeLetter(asRequest(stranger.client), cheque!.id, URL_SHOPS)
		).toBeNull();
		expect((await loadCarerPage(asRequest(stranger.client))).cheques).toEqual([]);
	});

	it('puts a carer without e-mail in the print queue, for admins only, until marked printed', async () => {
		const m = await createMunicipality();
		await createScheme(m.id);
		const caseworker = await personIn(m.id, 'consulent', 'caseworker', [m.north]);
		const admin = await personIn(m.id, 'beheer', 'municipality_admin');
		const approver = await personIn(m.id, 'beheer-2', 'municipality_admin');
		const entered = await caseworker.client.rpc('enter_application_for_carer', {
			...applicationArgs({ firstName: 'Gerrit', lastName: 'Zonder-Mail', houseNumber: '8' }),
			p_district_id: m.north,
			p_carer_street: 'Vinkenstraat',
			p_carer_town: 'Zaandam'
		});
		expect(entered.error).toBeNull();
		const approved = await approver.client.rpc('approve_application', {
			p_application_id: entered.data as string
		});
		expect(approved.error).toBeNull();
		const [cheque] = await sql<{ id: string; code: string }>(
			`select id, code from public.cheques where application_id = '${entered.data}'`
		);

		for (const reader of [caseworker.client, anonClient()]) {
			expect((await reader.rpc('print_letter_queue')).error).not.toBeNull();
			expect(await printLetterQueue(asRequest(reader))).toBeNull();
		}
		// Whoever approved it issued the cheque: their PDF leaves its letter out.
		expect((await printLetterQueue(asRequest(approver.client)))?.letters).toEqual([]);
		const queue = await printLetterQueue(asRequest(admin.client));
		expect(queue?.municipalityName).toBe(`Gemeente ${m.slug}`);
		expect(queue?.letters.map((l) => [l.chequeId, l.letter])).toEqual([[cheque!.id, 'cheque']]);
		expect(queue?.letters[0]?.schemeYear).toBeGreaterThanOrEqual(2026);
		const text = await pdfText(await renderPrintQueue(queue!, URL_SHOPS));
		expect(text).toContain(groupCode(cheque!.code));
		// The envelope window: a complete Dutch address block (16.6).
		expect(text).toContain('Gerrit Zonder-Mail Vinkenstraat 8 1561 AB ZAANDAM');
		const printed = await sql<{ actor_id: string }>(
			`select actor_id from public.audit_log
			 where entity_id = '${cheque!.id}' and action = 'mantelzorg.letter_printed'`
		);
		expect(printed.map((p) => p.actor_id)).toEqual([admin.id]);

		const marked = await markPrinted(asRequest(admin.client), [
			{ chequeId: cheque!.id, letter: 'cheque' }
		]);
		expect(marked).toEqual({ ok: true, value: 1 });
		expect((await printLetterQueue(asRequest(admin.client)))?.letters).toEqual([]);
	});
});
