// The figures a municipality enters itself: its baseline year (Zaanstad: 2015) and inhabitants.
import { z } from 'zod';
import { dbErrorMessage } from '../db-errors';
import { ok, refused, type WriteResult } from '../result';
import type { RequestClient } from '../supabase';
import { REFERENCE_FIELDS } from '../../monitor/reference-fields';

/** An entered figure: empty (remove it), or a number written the Dutch way ("1.583", "570.000,00"). */
const figure = z
	.string()
	.trim()
	.max(20)
	.refine(
		(v) => v === '' || /^\d+(,\d{1,2})?$/.test(v.replace(/\./g, '')),
		'Vul een getal van 0 of meer in.'
	)
	.transform((v) => (v === '' ? ('' as const) : Number(v.replace(/\./g, '').replace(',', '.'))));

export const referenceForm = z.object({
	year: z.coerce
		.number({ message: 'Vul een jaar in.' })
		.int()
		.min(2000, 'Kies een jaar vanaf 2000.')
		.max(2100, 'Kies een jaar tot en met 2100.'),
	...Object.fromEntries(REFERENCE_FIELDS.map((f) => [f.key, figure.optional().default('')]))
});

export async function loadReferences(supabase: RequestClient) {
	const { data, error } = await supabase
		.from('monitor_reference_figures')
		.select('year, key, value')
		.order('year');
	if (error) throw new Error(`monitor_reference_figures: ${error.code}`);
	return data ?? [];
}

export async function saveReferences(
	supabase: RequestClient,
	year: number,
	values: Record<string, number | ''>
): Promise<WriteResult<null>> {
	const figures = Object.fromEntries(
		REFERENCE_FIELDS.map((f) => {
			const v = values[f.key];
			if (v === '' || v === undefined) return [f.key, null];
			return [f.key, Math.round('euros' in f && f.euros ? v * 100 : v)];
		})
	);
	const { error } = await supabase.rpc('save_monitor_reference_figures', {
		p_year: year,
		p_figures: figures
	});
	return error
		? refused(
				dbErrorMessage(error, {
					invalid_figures: 'Vul bij elk cijfer een heel getal van 0 of meer in.'
				})
			)
		: ok(null);
}
