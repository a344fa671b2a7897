// The rollup of closed months (53_monitor_rollup.sql): the monitor page, a wijk's page, the
// comparison and the open data show the same figures whether months come from the rollup or are
// computed from the operational tables; the job writes a month once; the rollup keeps no ids.
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createUser, sql } from '../../support/factories.ts';
import { monitorScenario, type MonitorScenario } from '../../support/monitor-scenario.ts';
import { budget } from '../../support/budget.ts';

type Figure = [string, string | null, string | null, string, number];

let s: MonitorScenario;
let year: number;

/** Everything the figures' readers return, rows sorted (jsonb_agg has no order). */
async function snapshot() {
	const sorted = (rows: Figure[]) => [...rows].map((r) => JSON.stringify(r)).sort();
	const page = async (args: Record<string, unknown>) => {
		const { data, error } = await s.admin.client.rpc('monitor_page', args as never);
		expect(error).toBeNull();
		const p = data as unknown as { figures: Figure[]; previous: Figure[] };
		return { figures: sorted(p.figures), previous: sorted(p.previous) };
	};
	const operator = await createUser({ label: 'rollup-operator' });
	await sql(`insert into public.platform_operators (user_id) values ('${operator.id}')`);
	const comparison = await operator.client.rpc('monitor_comparison', {
		p_from: `${year}-01-01`,
		p_to: `${year}-12-31`
	});
	expect(comparison.error).toBeNull();
	const open = await anonClient().rpc('open_data_figures', {
		p_year: year,
		p_municipality_slug: s.m.slug
	});
	expect(open.error).toBeNull();
	return {
		period: await page({ p_from: s.from, p_to: s.to }),
		year: await page({ p_from: `${year}-01-01`, p_to: `${year}-12-31` }),
		south: await page({ p_from: s.from, p_to: s.to, p_district_slug: 'zuid' }),
		// Days that start and end inside months: rollup in the middle, computed at both ends.
		ragged: await page({ p_from: s.from, p_to: `${year}-12-31` }),
		comparison: (comparison.data as unknown as { id: string }[]).find((r) => r.id === s.m.id),
		open: open.data
	};
}

const months = async () =>
	sql<{ month: string; events: number }>(
		`select to_char(month, 'YYYY-MM') as month, events from public.monitor_months
		 where municipality_id = '${s.m.id}' order by month`
	);

beforeAll(async () => {
	s = await monitorScenario();
	year = Number(s.to.slice(0, 4));
}, budget(120_000));

describe('the rollup of closed months', () => {
	it(
		'gives the same figures as computing them, for closed months and with the open month rolled up too',
		async () => {
			const live = await snapshot();
			expect(live.period.figures.length).toBeGreaterThan(20);

			// The job as the scheduler runs it: the months that ended 8 days ago or earlier.
			const [first] = await sql<{ n: number }>(
				`select public.write_monitor_months(p_since => '${s.from}'::date - 400) as n`
			);
			expect(first?.n).toBeGreaterThan(0);
			const closed = await months();
			// The month of the period's first day is always over 8 days later than 40 days ago.
			expect(closed.map((m) => m.month)).toContain(s.from.slice(0, 7));
			expect(await snapshot()).toEqual(live);

			// Every month up to and including this one (only a test closes a month early).
			await sql(
				`select public.write_monitor_months(p_since => '${s.from}'::date - 400,
				p_closed_before => (date_trunc('month', current_date) + interval '1 month')::date)`
			);
			const all = await months();
			expect(all.map((m) => m.month)).toContain(s.to.slice(0, 7));
			expect(all.reduce((n, m) => n + m.events, 0)).toBeGreaterThan(20);
			expect(await snapshot()).toEqual(live);
			// Three snapshots of six readers each and two runs of the job: ~10 s alone, 30 s at load 30.
		},
		budget(120_000)
	);

	it('writes a month once (running the job again writes nothing)', async () => {
		const before = await months();
		const [again] = await sql<{ n: number }>(
			`select public.write_monitor_months(p_since => '${s.from}'::date - 400) as n`
		);
		expect(again?.n).toBe(0);
		// The scheduler's call: this municipality was created this month, so nothing of it is due.
		await sql(`select public.close_monitor_months()`);
		expect(await months()).toEqual(before);
		const [job] = await sql<{ every: string }>(
			`select every::text from public.scheduled_jobs where name = 'close_monitor_months'`
		);
		expect(job?.every).toBe('01:00:00');
	});

	it('keeps no id of a person or shop: items are hashed with the municipality’s salt', async () => {
		const rows = await sql<{ item: string }>(
			`select e.item from public.monitor_month_events e join public.monitor_months m on m.id = e.month_id
			 where m.municipality_id = '${s.m.id}' and e.item is not null`
		);
		expect(rows.length).toBeGreaterThan(0);
		const [ids] = await sql<{ n: number }>(
			`select count(*)::int as n from public.monitor_month_events e
			 where e.item in (select id::text from public.profiles union all select id::text from public.shops
				union all select md5(id::text) from public.profiles union all select md5(id::text) from public.shops)`
		);
		expect(ids?.n).toBe(0);
	});

	it('nobody reads the rollup through the API', async () => {
		for (const table of ['monitor_months', 'monitor_month_events', 'monitor_salts'] as const) {
			const { data } = await s.admin.client.from(table).select('*');
			expect(data ?? [], table).toEqual([]);
		}
		for (const fn of ['close_monitor_months', 'write_monitor_months']) {
			const { error } = await s.admin.client.rpc(fn as never, {} as never);
			expect(error, fn).not.toBeNull();
		}
	});
});
