// Everything held about the signed-in person (AVG art. 15 and 20): one call to export_my_data,
// which loops over the areas' registered exports in SQL and counts the request against the
// database-side limits. The page and the PDF read the parsed (camelCase) shape; the JSON download
// passes the export on as the database wrote it.
import { z } from 'zod';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { buurthulp } from './my-data-buurthulp';
import { buurthuizen, mantelzorg } from './my-data-mantelzorg';
import { platform, registerEntry, type RegisterEntry } from './my-data-shape';

export type { RegisterEntry };

const exportRow = fromRow(
	z.object({
		ok: z.literal(true),
		generatedAt: z.string(),
		data: z.object({ platform, buurthulp, mantelzorg, buurthuizen }),
		register: z.array(registerEntry)
	})
);
export type MyData = z.infer<typeof exportRow>;

const refusalRow = z.object({
	ok: z.literal(false),
	reason: z.enum(['rate_limited', 'busy', 'not_signed_in', 'not_found'])
});

export type MyDataRefusal = z.infer<typeof refusalRow>['reason'];

export const MY_DATA_REFUSALS: Record<MyDataRefusal, string> = {
	rate_limited:
		'Je hebt je gegevens net vaak bekeken of gedownload. Probeer het over een paar minuten opnieuw.',
	busy: 'Het is nu erg druk. Probeer het over een minuut opnieuw.',
	not_signed_in: 'Log eerst in.',
	not_found: 'We vinden je account niet.'
};

export type MyDataKind = 'page' | 'json' | 'pdf';

async function exportMyData(supabase: RequestClient, kind: MyDataKind): Promise<unknown> {
	const { data, error } = await supabase.rpc('export_my_data', { p_kind: kind });
	if (error) throw new Error(`export_my_data: ${error.code} ${error.message}`);
	return data;
}

/** Parsed for the page and the PDF; a refusal (a limit) is an answer, not an error. */
export async function loadMyData(
	supabase: RequestClient,
	kind: MyDataKind
): Promise<{ ok: true; data: MyData } | { ok: false; reason: MyDataRefusal }> {
	const raw = await exportMyData(supabase, kind);
	const refusal = refusalRow.safeParse(raw);
	if (refusal.success) return { ok: false, reason: refusal.data.reason };
	return { ok: true, data: exportRow.parse(raw) };
}

/** The machine-readable export (AVG art. 20): as the database wrote it, snake_case keys. */
export async function loadMyDataJson(
	supabase: RequestClient
): Promise<{ ok: true; json: Record<string, unknown> } | { ok: false; reason: MyDataRefusal }> {
	const raw = await exportMyData(supabase, 'json');
	const refusal = refusalRow.safeParse(raw);
	if (refusal.success) return { ok: false, reason: refusal.data.reason };
	return { ok: true, json: z.record(z.string(), z.unknown()).parse(raw) };
}
