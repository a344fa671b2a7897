// Open data: small numbers are published as "<5" and cannot be recovered from the published
// totals and the other wijken (every group is checked: every assignment of its hidden cells that
// fits what is published is enumerated), and nothing in it is personal data.
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, sql } from '../../support/factories.ts';
import { monitorScenario, type MonitorScenario } from '../../support/monitor-scenario.ts';
import { budget } from '../../support/budget.ts';

/**
 * The values each '<5' cell of one published group can take, given everything published: the
 * shown cells, the total, '<5' meaning 0..4 and 'x' meaning 5 or more. A dynamic programme over
 * the hidden cells enumerates every sum the other hidden cells can make.
 */
function possibleValues(shown: string[]): number[][] {
	const cells = shown.slice(0, -1);
	const total = shown.at(-1) as string;
	const hidden = cells.map((c, i) => ({ c, i })).filter(({ c }) => c === '<5' || c === 'x');
	if (!/^\d+$/.test(total)) {
		// No total: a '<5' cell is only known to be 0..4.
		return cells.map((c) => (c === '<5' ? [0, 1, 2, 3, 4] : []));
	}
	const known = cells.filter((c) => /^\d+$/.test(c)).reduce((s, c) => s + Number(c), 0);
	const k = Number(total) - known;
	return cells.map((c, i) => {
		if (c !== '<5') return [];
		// Sums the other hidden cells can make (0..k).
		let reach = new Set([0]);
		for (const other of hidden) {
			if (other.i === i) continue;
			const [lo, hi] = other.c === '<5' ? [0, 4] : [5, k];
			const next = new Set<number>();
			for (const s of reach) for (let v = lo; v <= hi && s + v <= k; v++) next.add(s + v);
			reach = next;
		}
		return [0, 1, 2, 3, 4].filter((v) => reach.has(k - v));
	});
}

/** open_data_suppress on many tables, a few hundred per query (the harness limits a body's size). */
const suppress = async (tables: number[][]) => {
	const shown: string[][] = [];
	for (let start = 0; start < tables.length; start += 400) {
		const batch = tables.slice(start, start + 400);
		const rows = await sql<{ i: number; shown: string[] }>(
			`select i::int, public.open_data_suppress(array(select jsonb_array_elements_text(t)::bigint)) as shown
			 from jsonb_array_elements('${JSON.stringify(batch)}'::jsonb) with ordinality x(t, i)`
		);
		shown.push(...rows.sort((a, b) => a.i - b.i).map((r) => r.shown));
	}
	return shown;
};

function expectSafe(table: number[], shown: string[]) {
	const total = table.reduce((a, b) => a + b, 0);
	// Every count under 5, and nothing else, is shown as "<5"; shown numbers are true.
	table.forEach((v, i) => {
		if (v < 5) expect(shown[i], `${table}`).toBe('<5');
		else expect(['x', String(v)], `${table}`).toContain(shown[i]);
	});
	expect(total < 5 ? ['<5'] : ['x', String(total)], `${table}`).toContain(shown.at(-1));
	possibleValues(shown).forEach((values, i) => {
		if (shown[i] === '<5') {
			expect(values, `${table} → ${shown}`).toContain(table[i]);
			expect(values.length, `${table} → ${shown}: cell ${i} is given away`).toBeGreaterThan(1);
		}
	});
}

describe('small-number suppression', () => {
	it('holds for every table of three wijken with counts 0..9 and four wijken with counts 0..7', async () => {
		const tables: number[][] = [];
		for (let a = 0; a < 10; a++)
			for (let b = 0; b < 10; b++) for (let c = 0; c < 10; c++) tables.push([a, b, c]);
		for (let a = 0; a < 8; a++)
			for (let b = 0; b < 8; b++)
				for (let c = 0; c < 8; c++) for (let d = 0; d < 8; d++) tables.push([a, b, c, d]);
		const shown = await suppress(tables);
		tables.forEach((t, i) => expectSafe(t, shown[i] as string[]));
	});

	it('holds for random tables of eleven wijken and an unknown one', async () => {
		// A seeded generator, so a failing table comes back on the next run.
		let seed = 20_261_204;
		const random = () => {
			seed = (seed + 0x6d2b79f5) | 0;
			let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
		};
		const tables = Array.from({ length: 3000 }, () =>
			Array.from({ length: 12 }, () =>
				random() < 0.6 ? Math.floor(random() * 6) : Math.floor(random() * 40)
			)
		);
		const shown = await suppress(tables);
		tables.forEach((t, i) => expectSafe(t, shown[i] as string[]));
	});

	it('hides nothing when every count is 5 or more, and one other cell when a single count is small', async () => {
		const [all, single] = await suppress([
			[5, 9, 12],
			[3, 9, 12]
		]);
		expect(all).toEqual(['5', '9', '12', '26']);
		expect(single).toEqual(['<5', 'x', '12', '24']);
	});
});

describe('the published figures', () => {
	let s: MonitorScenario;
	let year: number;
	let published: {
		districts: { slug: string; name: string }[];
		metrics: string[];
		rows: [string, string | null, string, string][];
	};

	beforeAll(async () => {
		s = await monitorScenario();
		const [row] = await sql<{ y: number }>(
			`select extract(year from ((now() at time zone 'Europe/Amsterdam')::date - 40))::int as y`
		);
		year = row?.y as number;
		const { data, error } = await anonClient().rpc('open_data_figures', {
			p_year: year,
			p_municipality_slug: s.m.slug
		});
		expect(error).toBeNull();
		published = data as unknown as typeof published;
	}, budget(120_000));

	it('are suppressed safely in every (metric, month) group, and add up to the totals', () => {
		const groups = new Map<string, [string | null, string][]>();
		for (const [month, district, metric, shown] of published.rows) {
			const key = `${metric} ${month}`;
			groups.set(key, [...(groups.get(key) ?? []), [district, shown]]);
		}
		expect(groups.size).toBeGreaterThan(0);
		for (const [key, cells] of groups) {
			expect(cells.at(-1)?.[0], key).toBeNull();
			const shown = cells.map(([, v]) => v);
			possibleValues(shown).forEach((values, i) => {
				if (shown[i] === '<5') expect(values.length, `${key}: ${shown}`).toBeGreaterThan(1);
			});
		}
	});

	it('publish only months that have ended, and no month of the anonymous visitor’s choosing beyond', () => {
		const thisMonth = new Intl.DateTimeFormat('en-CA', {
			timeZone: 'Europe/Amsterdam',
			year: 'numeric',
			month: '2-digit'
		})
			.format(new Date())
			.slice(0, 7);
		for (const [month] of published.rows) expect(month < thisMonth).toBe(true);
	});

	it('hold no personal data: only the four columns, a wijk, a known metric and a count or "<5" / "x"', async () => {
		const slugs = new Set([...published.districts.map((d) => d.slug), 'onbekend', null]);
		for (const row of published.rows) {
			expect(row).toHaveLength(4);
			const [month, district, metric, shown] = row;
			expect(month).toMatch(/^\d{4}-\d{2}$/);
			expect(slugs.has(district)).toBe(true);
			expect(published.metrics).toContain(metric);
			expect(shown).toMatch(/^(\d+|<5|x)$/);
		}
		expect(Object.keys(published).sort()).toEqual([
			'districts',
			'metrics',
			'municipality',
			'rows',
			'through',
			'year'
		]);
		for (const d of published.districts) expect(Object.keys(d).sort()).toEqual(['name', 'slug']);
		// Nothing of the people in the scenario appears anywhere.
		const text = JSON.stringify(published);
		const people = await sql<{ email: string; display_name: string }>(
			`select u.email, p.display_name from auth.users u join public.profiles p on p.id = u.id
			 where p.municipality_id = '${s.m.id}'`
		);
		expect(people.length).toBeGreaterThan(5);
		for (const p of people) {
			expect(text).not.toContain(p.email);
			expect(text).not.toContain(p.display_name);
		}
		for (const name of ['Anna', 'Aalders', 'Bakker', 'Claassen', 'Winkel Zuid'])
			expect(text).not.toContain(name);
	});

	it('the suppression function takes at most 200 cells, and the raw figures are not callable', async () => {
		const { error } = await anonClient().rpc('open_data_suppress', { p_cells: Array(201).fill(1) });
		expect(error).not.toBeNull();
		const raw = await anonClient().rpc('monitor_figures' as never, { p_grain: 'open' } as never);
		expect(raw.error).not.toBeNull();
	});

	it('an unknown municipality gives nothing; a wrong year is refused', async () => {
		const none = await anonClient().rpc('open_data_figures', {
			p_year: year,
			p_municipality_slug: 'bestaat-niet'
		});
		expect(none.data).toBeNull();
		const wrong = await anonClient().rpc('open_data_figures', { p_year: 1900 });
		expect(wrong.error).not.toBeNull();
	});
});
