// The monitor page: one call to monitor_page, turned into what the page shows per layer (money,
// numbers, outcomes), per area, per wijk and per month.
import { z } from 'zod';
import type { Period } from '../../monitor/period';
import type { RequestClient } from '../supabase';
import { errorKey } from '../db-errors';
import { fromRow } from '../rows';
import { Figures, monthsBetween, type FigureRow } from './figures';
import type { Layer, MetricDefinition, Unit } from './metric';
import { METRICS, MONITOR_AREAS } from './registry';

const figureRow = z.tuple([
	z.string(),
	z.string().nullable(),
	z.string().nullable(),
	z.string(),
	z.coerce.number()
]);

const pageObject = z.object({
	districtId: z.string().nullable(),
	centres: z.number().int(),
	municipality: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
	districts: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
	figures: z.array(figureRow),
	previous: z.array(figureRow),
	names: z.record(z.string(), z.string()),
	references: z.array(
		z.object({ year: z.number().int(), key: z.string(), value: z.coerce.number() })
	)
});

const pageSchema = fromRow(pageObject);

export type MonitorData = z.infer<typeof pageObject>;

/** Reference figures the municipality enters, and the monitor figure each compares with. */
export const REFERENCE_METRICS: Record<string, string> = {
	carers_reached: 'mz_carers_reached',
	young_carers_reached: 'mz_young_carers_reached',
	shops_taking_part: 'mz_shops_taking_part',
	budget_cents: 'mz_budget_cents',
	help_requests_posted: 'bh_requests_posted'
};

export interface FigureLine {
	key: string;
	label: string;
	unit: Unit;
	value: number | null;
	previous: number | null;
	baseline: number | null;
	description: string;
}

export interface Series {
	label: string;
	unit: Unit;
	points: { key: string; label: string; value: number }[];
}

export interface MonitorView {
	municipality: string;
	districts: { id: string; slug: string; name: string }[];
	district: { id: string; slug: string; name: string } | null;
	baselineYear: number | null;
	months: string[];
	layers: { layer: Layer; areas: { area: string; title: string; lines: FigureLine[] }[] }[];
	byDistrict: Record<string, Series>;
	byMonth: Record<string, Series>;
	bySubject: Record<string, Series>;
	budget: { budget: number; used: number; redeemed: number; paid: number; expired: number } | null;
}

export type MonitorResult =
	{ ok: true; view: MonitorView } | { ok: false; status: 400 | 403; problem: string };

const SUBJECT_WORDS: Record<string, string> = {
	yes: 'Ja',
	somewhat: 'Een beetje',
	no: 'Nee',
	'requester:good': 'Hulpvrager: goed',
	'requester:okay': 'Hulpvrager: ging wel',
	'requester:bad': 'Hulpvrager: niet goed',
	'volunteer:good': 'Vrijwilliger: goed',
	'volunteer:okay': 'Vrijwilliger: ging wel',
	'volunteer:bad': 'Vrijwilliger: niet goed'
};

export async function loadMonitorData(
	supabase: RequestClient,
	period: Period,
	districtSlug: string | null
): Promise<{ ok: true; data: MonitorData } | { ok: false; status: 400 | 403; problem: string }> {
	const { data, error } = await supabase.rpc('monitor_page', {
		p_from: period.from,
		p_to: period.to,
		p_district_slug: districtSlug ?? undefined
	});
	if (error) {
		const key = errorKey(error);
		if (key === 'forbidden') {
			return {
				ok: false,
				status: 403,
				problem: 'Alleen beheerders van de gemeente zien de monitor.'
			};
		}
		if (key === 'invalid_period' || key === 'district_not_found') {
			return {
				ok: false,
				status: 400,
				problem: 'Kies een periode van hoogstens drie jaar en een wijk uit de lijst.'
			};
		}
		throw new Error(`monitor_page: ${error.code} ${key}`);
	}
	return { ok: true, data: pageSchema.parse(data) };
}

export async function loadMonitor(
	supabase: RequestClient,
	period: Period,
	districtSlug: string | null
): Promise<MonitorResult> {
	const result = await loadMonitorData(supabase, period, districtSlug);
	if (!result.ok) return result;
	return { ok: true, view: buildView(result.data, period, result.data.districtId) };
}

export function buildView(
	data: MonitorData,
	period: Period,
	districtId: string | null
): MonitorView {
	const figures = new Figures(data.figures as FigureRow[]);
	const previous = new Figures(data.previous as FigureRow[]);
	const baselineYear = data.references.length
		? Math.min(...data.references.map((r) => r.year))
		: null;
	const baseline = new Map(
		data.references
			.filter((r) => r.year === baselineYear)
			.map((r) => [REFERENCE_METRICS[r.key], r.value])
	);
	const months = monthsBetween(period.from, period.to);
	const line = (key: string, m: MetricDefinition): FigureLine => ({
		key,
		label: m.label,
		unit: m.unit,
		value: m.unit === 'hours' && !figures.has(key) ? null : figures.get(key),
		previous: m.unit === 'hours' && !previous.has(key) ? null : previous.get(key),
		baseline: districtId ? null : (baseline.get(key) ?? null),
		description: m.description
	});
	const layers = (['money', 'numbers', 'outcomes'] as const).map((layer) => ({
		layer,
		areas: MONITOR_AREAS.map((area) => ({
			area: area.area,
			title: area.title,
			lines: Object.entries(area.metrics)
				.filter(([, m]) => m.layer === layer && !m.subject)
				.map(([key, m]) => line(key, m))
		})).filter((a) => a.lines.length > 0)
	}));
	const unitOf = (key: string) => METRICS.get(key)?.unit ?? 'count';
	const labelOf = (key: string) => METRICS.get(key)?.label ?? key;
	const byDistrict = Object.fromEntries(
		['mz_carers_reached', 'bh_requests_posted', 'bz_occurrences_held', 'mz_redeemed_cents'].map(
			(key) => [
				key,
				{
					label: labelOf(key),
					unit: unitOf(key),
					points: data.districts.map((d) => ({
						key: d.id,
						label: d.name,
						value: figures.get(key, d.id)
					}))
				}
			]
		)
	);
	const byMonth = Object.fromEntries(
		[
			'bh_requests_posted',
			'bh_requests_matched',
			'mz_redeemed_cents',
			'mz_carers_reached',
			'bz_occurrences_held'
		].map((key) => [
			key,
			{
				label: labelOf(key),
				unit: unitOf(key),
				points: months.map((m) => ({ key: m, label: m, value: figures.get(key, 'all', m) }))
			}
		])
	);
	const bySubject = Object.fromEntries(
		[
			'mz_redeemed_by_shop_cents',
			'bz_points',
			'bz_points_by_goal',
			'mz_appreciation_answers',
			'bh_followup_answers'
		].map((key) => [
			key,
			{
				label: labelOf(key),
				unit: unitOf(key),
				points: figures.subjects(key).map((s) => ({
					key: s.subject,
					label: data.names[s.subject] ?? SUBJECT_WORDS[s.subject] ?? s.subject,
					value: s.value
				}))
			}
		])
	);
	const budget = figures.get('mz_budget_cents');
	return {
		municipality: data.municipality.name,
		districts: data.districts,
		district: data.districts.find((d) => d.id === districtId) ?? null,
		baselineYear,
		months,
		layers,
		byDistrict,
		byMonth,
		bySubject,
		budget:
			budget || figures.get('mz_budget_used_cents')
				? {
						budget,
						used: figures.get('mz_budget_used_cents'),
						redeemed: figures.get('mz_redeemed_cents'),
						paid: figures.get('mz_paid_out_cents'),
						expired: figures.get('mz_expired_cents')
					}
				: null
	};
}
