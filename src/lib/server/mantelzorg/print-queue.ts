// The print queue at /beheer/brieven: cheque and reminder letters for carers without e-mail, as
// one PDF, and marking what was printed. Only the PDF holds the codes; the SQL logs each letter
// it hands out with who printed it, and leaves out the letters of cheques the reader issued.
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { fromRow } from '../rows';
import { ok, type WriteResult } from '../result';
import { markLettersPrinted, queuedLetter } from './cheques';
import { addressBlock } from './letter-address';
import { renderLetterBatch, type ChequeLetter } from './letters';
import { letterShopRow, toLetterShop } from './my-appreciation';

const pageRow = fromRow(
	z.object({
		municipalityName: z.string(),
		letters: z.array(queuedLetter.extend({ code: z.string(), schemeYear: z.number() })),
		shops: z.array(letterShopRow)
	})
);
export type PrintQueue = z.infer<typeof pageRow>;

/**
 * The letters this admin may print, with their codes, for the PDF; logged as printed by them.
 * Null when the reader is not an admin of the municipality (the SQL refuses).
 */
export async function printLetterQueue(supabase: RequestClient): Promise<PrintQueue | null> {
	const { data, error } = await supabase.rpc('print_letter_queue');
	if (error) return null;
	const parsed = pageRow.safeParse(data);
	return parsed.success ? parsed.data : null;
}

export function queueLetters(queue: PrintQueue): ChequeLetter[] {
	return queue.letters.map((l) => ({
		kind: l.kind,
		purpose: l.letter === 'reminder' ? 'reminder' : 'issued',
		code: l.code,
		valueCents: l.valueCents,
		remainingCents: l.remainingCents,
		expiresOn: l.expiresOn,
		holderFirstName: l.carerFirstName,
		addressLines: addressBlock(
			{
				firstName: l.carerFirstName,
				lastName: l.carerLastName,
				postcode: l.carerPostcode,
				houseNumber: l.carerHouseNumber,
				street: l.carerStreet ?? null,
				town: l.carerTown ?? null
			},
			queue.municipalityName
		),
		district: l.districtName,
		year: l.schemeYear,
		municipalityName: queue.municipalityName
	}));
}

export function renderPrintQueue(queue: PrintQueue, shopListUrl: string): Promise<Buffer> {
	return renderLetterBatch(queueLetters(queue), queue.shops.map(toLetterShop), { shopListUrl });
}

/** Marks the given letters printed; returns how many were still waiting. */
export async function markPrinted(
	supabase: RequestClient,
	letters: { chequeId: string; letter: 'cheque' | 'reminder' }[]
): Promise<WriteResult<number>> {
	let count = 0;
	for (const kind of ['cheque', 'reminder'] as const) {
		const ids = letters.filter((l) => l.letter === kind).map((l) => l.chequeId);
		if (ids.length === 0) continue;
		const marked = await markLettersPrinted(supabase, ids, kind);
		if (!marked.ok) return marked;
		count += marked.value;
	}
	return ok(count);
}
