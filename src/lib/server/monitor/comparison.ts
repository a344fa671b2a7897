// The platform operator's comparison: each municipality's whole-municipality totals for a period
// (public.monitor_comparison), per 10,000 inhabitants where the figure is a count of people,
// events or money; a median is compared as it is.
import { z } from 'zod';
import type { Period } from '../../monitor/period';
import { errorKey } from '../db-errors';
import type { RequestClient } from '../supabase';
import type { Unit } from './metric';
import { METRICS, MONITOR_AREAS } from './registry';

const rowSchema = z.object({
	id: z.string(),
	slug: z.string(),
	name: z.string(),
	is_demo: z.boolean(),
	population: z.coerce.number().nullable(),
	population_year: z.number().int().nullable(),
	figures: z.record(z.string(), z.coerce.number())
});

export interface ComparedMunicipality {
	slug: string;
	name: string;
	isDemo: boolean;
	population: number | null;
	populationYear: number | null;
}

export interface ComparedLine {
	key: string;
	label: string;
	unit: Unit;
	/** Divided by the population (per 10,000), or shown as it is (a median). */
	perInhabitants: boolean;
	/** One cell per municipality, in the order of `municipalities`. */
	cells: { value: number | null; per10k: number | null }[];
}

export interface Comparison {
	municipalities: ComparedMunicipality[];
	areas: { area: string; title: string; lines: ComparedLine[] }[];
}

export const PER = 10_000;

/** Per 10,000 inhabitants, rounded to one decimal; null without a population. */
export function per10k(value: number, population: number | null): number | null {
	if (!population || population <= 0) return null;
	return Math.round((value / population) * PER * 10) / 10;
}

export async function loadComparison(
	supabase: RequestClient,
	period: Period
): Promise<
	{ ok: true; comparison: Comparison } | { ok: false; status: 400 | 403; problem: string }
> {
	const { data, error } = await supabase.rpc('monitor_comparison', {
		p_from: period.from,
		p_to: period.to
	});
	if (error) {
		const key = errorKey(error);
		if (key === 'forbidden')
			return { ok: false, status: 403, problem: 'Deze pagina is alleen voor platformbeheerders.' };
		if (key === 'invalid_period')
			return { ok: false, status: 400, problem: 'Kies een periode van hoogstens drie jaar.' };
		throw new Error(`monitor_comparison: ${error.code} ${key}`);
	}
	const rows = z.array(rowSchema).parse(data ?? []);
	const byArea = new Map<string, ComparedLine[]>();
	for (const [key, metric] of METRICS) {
		// Per-shop or per-answer figures are the municipality's own detail, not a comparison.
		if (metric.subject) continue;
		const perInhabitants = metric.unit !== 'hours';
		const cells = rows.map((r) => {
			const value = r.figures[key] ?? (metric.unit === 'hours' ? null : 0);
			return {
				value,
				per10k: perInhabitants && value !== null ? per10k(value, r.population) : null
			};
		});
		const lines = byArea.get(metric.area) ?? [];
		lines.push({ key, label: metric.label, unit: metric.unit, perInhabitants, cells });
		byArea.set(metric.area, lines);
	}
	return {
		ok: true,
		comparison: {
			municipalities: rows.map((r) => ({
				slug: r.slug,
				name: r.name,
				isDemo: r.is_demo,
				population: r.population,
				populationYear: r.population_year
			})),
			areas: MONITOR_AREAS.map((a) => ({
				area: a.area,
				title: a.title,
				lines: byArea.get(a.area) ?? []
			}))
		}
	};
}
