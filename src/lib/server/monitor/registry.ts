// Every area's monitor figures, found by convention: src/lib/server/<area>/monitor.ts exports
// `monitorArea`, the counterpart of its row in public.monitor_areas. A test checks both name the
// same areas and metrics.
import type { MetricDefinition, MonitorArea } from './metric';

const modules = import.meta.glob<{ monitorArea: MonitorArea }>('../*/monitor.ts', { eager: true });

const order = ['mantelzorg', 'buurthulp', 'buurthuizen'];

export const MONITOR_AREAS: readonly MonitorArea[] = Object.values(modules)
	.map((m) => m.monitorArea)
	.sort((a, b) => (order.indexOf(a.area) + 1 || 99) - (order.indexOf(b.area) + 1 || 99));

function collect(): Map<string, MetricDefinition & { area: string }> {
	const metrics = new Map<string, MetricDefinition & { area: string }>();
	for (const area of MONITOR_AREAS) {
		for (const [key, definition] of Object.entries(area.metrics)) {
			if (metrics.has(key)) throw new Error(`Monitor metric ${key} is registered twice.`);
			metrics.set(key, { ...definition, area: area.area });
		}
	}
	return metrics;
}

export const METRICS: ReadonlyMap<string, MetricDefinition & { area: string }> = collect();
