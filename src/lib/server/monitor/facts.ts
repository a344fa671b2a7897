// The year's figures for "Feiten & Cijfers": monitor_page for the calendar year, whole municipality.
import type { Period } from '../../monitor/period';
import type { RequestClient } from '../supabase';
import { Figures, type FigureRow } from './figures';
import { loadMonitorData } from './page';

export async function loadFacts(supabase: RequestClient, period: Period) {
	const result = await loadMonitorData(supabase, period, null);
	if (!result.ok) return result;
	const figures = new Figures(result.data.figures as FigureRow[]);
	return {
		ok: true as const,
		municipality: result.data.municipality.name,
		get: (metric: string) => figures.get(metric),
		centres: result.data.centres,
		districts: result.data.districts.length
	};
}
