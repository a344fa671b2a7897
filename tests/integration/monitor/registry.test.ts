// The monitor registry: each area's function in public.monitor_areas has its words in
// src/lib/server/<area>/monitor.ts, and both name the same metrics.
import { describe, expect, it } from 'vitest';
import { METRICS, MONITOR_AREAS } from '../../../src/lib/server/monitor/registry.ts';
import { sql } from '../../support/factories.ts';

describe('monitor areas', () => {
	it('are the same in monitor_areas and in the areas’ monitor files', async () => {
		const rows = await sql<{ area: string; function_name: string; state: string | null }>(
			'select area, function_name, state_function_name as state from public.monitor_areas order by position'
		);
		expect(rows.map((r) => r.area)).toEqual(MONITOR_AREAS.map((a) => a.area));
		for (const row of rows) {
			expect(row.function_name).toBe(`monitor_${row.area}`);
			if (row.state !== null) expect(row.state).toBe(`monitor_${row.area}_state`);
		}
	});

	it('each area’s SQL functions return exactly the metrics its TypeScript file describes', async () => {
		for (const area of MONITOR_AREAS) {
			const fns = await sql<{ src: string }>(
				`select p.prosrc as src from public.monitor_areas a
				 join pg_proc p on p.proname in (a.function_name, a.state_function_name) and p.pronamespace = 'public'::regnamespace
				 where a.area = '${area.area}'`
			);
			const inSql = new Set(
				fns.flatMap((fn) => [...fn.src.matchAll(/'((?:mz|bh|bz)_[a-z0-9_]+)'/g)].map((m) => m[1]))
			);
			expect([...inSql].sort(), area.area).toEqual(Object.keys(area.metrics).sort());
		}
	});

	it('open data publishes additive counts without a subject only', async () => {
		const [row] = await sql<{ metrics: string[] }>('select public.open_data_metrics() as metrics');
		for (const key of row?.metrics ?? []) {
			const metric = METRICS.get(key);
			expect(metric, key).toBeDefined();
			expect([metric?.additive, metric?.unit, metric?.subject], key).toEqual([
				true,
				'count',
				undefined
			]);
		}
	});
});
