// Open data: the published figures per wijk per month (suppressed in SQL, open_data_figures),
// as CSV and JSON with a Frictionless data package describing them, and the buurthuizen with
// their activities as GeoJSON. Licence: CC0 1.0.
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { LICENCE_LINE } from '../../monitor/open-data-words';
import { METRICS } from './registry';

export const LICENCE = {
	name: 'CC0-1.0',
	title: 'Creative Commons Zero v1.0 Universal',
	path: 'https://creativecommons.org/publicdomain/zero/1.0/'
};

const figuresSchema = z.object({
	municipality: z.object({ slug: z.string(), name: z.string() }),
	year: z.number().int(),
	through: z.string().nullable(),
	districts: z.array(z.object({ slug: z.string(), name: z.string() })),
	metrics: z.array(z.string()),
	rows: z.array(z.tuple([z.string(), z.string().nullable(), z.string(), z.string()]))
});
export type OpenFigures = z.infer<typeof figuresSchema>;

export async function loadOpenFigures(
	supabase: RequestClient,
	year: number
): Promise<OpenFigures | null> {
	const { data, error } = await supabase.rpc('open_data_figures', { p_year: year });
	if (error) throw new Error(`open_data_figures: ${error.code}`);
	return data ? figuresSchema.parse(data) : null;
}

export async function loadOpenYears(supabase: RequestClient): Promise<number[]> {
	const { data, error } = await supabase.rpc('open_data_years', {});
	if (error) throw new Error(`open_data_years: ${error.code}`);
	return z.array(z.number().int()).parse(data ?? []);
}

export async function loadPlaces(supabase: RequestClient): Promise<unknown> {
	const { data, error } = await supabase.rpc('open_data_places', {});
	if (error) throw new Error(`open_data_places: ${error.code}`);
	return data;
}

export const CSV_COLUMNS = ['maand', 'wijk', 'cijfer', 'waarde'] as const;

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** RFC 4180 CSV: one row per month, wijk (or 'totaal') and figure. */
export function figuresCsv(f: OpenFigures): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const [month, district, metric, value] of f.rows) {
		lines.push([month, district ?? 'totaal', metric, value].map(cell).join(','));
	}
	return lines.join('\r\n') + '\r\n';
}

export function figuresJson(f: OpenFigures) {
	return {
		gemeente: f.municipality.name,
		jaar: f.year,
		tot_en_met_maand: f.through,
		licentie: LICENCE,
		toelichting: LICENCE_LINE,
		schema: '/open-data/datapackage.json',
		wijken: f.districts,
		rijen: f.rows.map(([maand, wijk, cijfer, waarde]) => ({
			maand,
			wijk: wijk ?? 'totaal',
			cijfer,
			waarde
		}))
	};
}

/** A Frictionless data package: the files, their columns and what each figure counts. */
export function dataPackage(municipality: string, years: number[]) {
	const metrics = (
		[
			...new Set([
				'mz_carers_reached',
				'mz_young_carers_reached',
				'mz_redemptions',
				'bh_requests_posted',
				'bh_requests_matched',
				'bh_requests_done',
				'bh_requests_via_coordinator',
				'bh_followups_answered',
				'bh_followups_good',
				'bz_occurrences_held',
				'bz_occurrences_cancelled',
				'bz_registrations'
			])
		] as string[]
	).map((key) => ({
		cijfer: key,
		naam: METRICS.get(key)?.label ?? key,
		omschrijving: METRICS.get(key)?.description ?? ''
	}));
	const schema = {
		fields: [
			{ name: 'maand', type: 'yearmonth', description: 'De kalendermaand (Europe/Amsterdam).' },
			{
				name: 'wijk',
				type: 'string',
				description:
					"De wijk (slug), 'totaal' voor de hele gemeente, 'onbekend' als de wijk niet bekend is."
			},
			{
				name: 'cijfer',
				type: 'string',
				description: 'Welk cijfer; zie "cijfers".',
				constraints: { enum: metrics.map((m) => m.cijfer) }
			},
			{
				name: 'waarde',
				type: 'string',
				description:
					"Een aantal. '<5' betekent minder dan 5 (0 tot en met 4). 'x' betekent afgeschermd: 5 of meer, verborgen zodat een kleine waarde in dezelfde maand niet uit het totaal te berekenen is."
			}
		],
		primaryKey: ['maand', 'wijk', 'cijfer']
	};
	return {
		name: 'buurtkracht-monitor-sociaal-domein',
		title: `Monitor sociaal domein ${municipality}`,
		description:
			'Cijfers per wijk per maand over Buurthulp, de mantelzorgwaardering en de buurthuizen, berekend uit wat in Buurtkracht gebeurde. Alleen afgelopen maanden. Bevat geen persoonsgegevens: aantallen onder 5 zijn afgeschermd.',
		licenses: [LICENCE],
		cijfers: metrics,
		resources: [
			...years.flatMap((year) => [
				{
					name: `cijfers-${year}`,
					path: `/open-data/cijfers-${year}.csv`,
					format: 'csv',
					mediatype: 'text/csv',
					encoding: 'utf-8',
					schema
				},
				{
					name: `cijfers-${year}-json`,
					path: `/open-data/cijfers-${year}.json`,
					format: 'json',
					mediatype: 'application/json'
				}
			]),
			{
				name: 'buurthuizen',
				path: '/open-data/buurthuizen.geojson',
				format: 'geojson',
				mediatype: 'application/geo+json'
			}
		]
	};
}
