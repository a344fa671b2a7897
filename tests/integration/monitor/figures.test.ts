// The monitor's figures against a scenario with known counts in all three areas (each with a
// cancelled, an undone and an expired case), and who may read them.
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole, sql } from '../../support/factories.ts';
import { personIn } from '../../support/mantelzorg-factories.ts';
import { monitorScenario, type MonitorScenario } from '../../support/monitor-scenario.ts';
import { budget } from '../../support/budget.ts';

type Figure = [
	metric: string,
	district: string | null,
	month: string | null,
	subject: string,
	value: number
];
interface Page {
	figures: Figure[];
	previous: Figure[];
	districts: { id: string; slug: string; name: string }[];
	names: Record<string, string>;
	references: { year: number; key: string; value: number }[];
}

let s: MonitorScenario;
let page: Page;

const value = (metric: string, district = 'all', subject = '', figures = page.figures) =>
	figures.find(
		(f) => f[0] === metric && f[1] === district && f[2] === 'all' && f[3] === subject
	)?.[4] ?? 0;

beforeAll(async () => {
	s = await monitorScenario();
	const { data, error } = await s.admin.client.rpc('monitor_page', { p_from: s.from, p_to: s.to });
	expect(error).toBeNull();
	page = data as unknown as Page;
}, budget(120_000));

describe('Mantelzorgwaardering', () => {
	it('counts carers once (a reissued cheque is the same appreciation), young carers, and the money', () => {
		const { north, south } = s.m;
		expect([
			value('mz_carers_reached'),
			value('mz_carers_reached', north),
			value('mz_carers_reached', south)
		]).toEqual([3, 2, 1]);
		expect([value('mz_young_carers_reached'), value('mz_young_carers_reached', north)]).toEqual([
			1, 1
		]);
		expect([
			value('mz_issued_cents'),
			value('mz_issued_cents', north),
			value('mz_issued_cents', south)
		]).toEqual([17_500, 12_500, 5000]);
		// The undone redemption is left out.
		expect([
			value('mz_redemptions'),
			value('mz_redemptions', north),
			value('mz_redemptions', south)
		]).toEqual([3, 1, 2]);
		expect([
			value('mz_redeemed_cents'),
			value('mz_redeemed_cents', north),
			value('mz_redeemed_cents', south)
		]).toEqual([4000, 2000, 2000]);
		expect(value('mz_redeemed_by_shop_cents', 'all', s.shopId)).toBe(4000);
		expect(page.names[s.shopId]).toBe('Winkel Zuid');
		expect(value('mz_paid_out_cents')).toBe(4000);
		expect(value('mz_payout_batches')).toBe(1);
		expect([value('mz_expired_cents'), value('mz_expired_cents', north)]).toEqual([5000, 5000]);
		expect([value('mz_shops_taking_part'), value('mz_shops_taking_part', south)]).toEqual([1, 1]);
		expect(value('mz_shops_approved')).toBe(1);
		expect(value('mz_budget_cents')).toBe(1_000_000);
		expect(value('mz_budget_used_cents')).toBe(17_500);
		expect([
			value('mz_appreciation_answers', 'all', 'yes'),
			value('mz_appreciation_answers', 'all', 'no')
		]).toEqual([1, 1]);
	});
});

describe('Buurthulp', () => {
	it('counts requests posted, matched, done, cancelled, expired and unanswered, per wijk', () => {
		const { north, south } = s.m;
		expect([
			value('bh_requests_posted'),
			value('bh_requests_posted', north),
			value('bh_requests_posted', south)
		]).toEqual([5, 3, 2]);
		expect(value('bh_requests_via_coordinator')).toBe(1);
		expect(value('bh_requests_unanswered_7d')).toBe(1);
		expect([value('bh_requests_matched'), value('bh_requests_matched', north)]).toEqual([2, 2]);
		expect(value('bh_requests_done')).toBe(1);
		expect([
			value('bh_requests_cancelled'),
			value('bh_requests_cancelled', north),
			value('bh_requests_cancelled', south)
		]).toEqual([2, 1, 1]);
		expect([value('bh_requests_expired'), value('bh_requests_expired', south)]).toEqual([1, 1]);
		expect(value('bh_hours_to_match')).toBeCloseTo(15, 0);
		expect([
			value('bh_verified_volunteers'),
			value('bh_verified_volunteers', north),
			value('bh_verified_volunteers', south)
		]).toEqual([1, 1, 0]);
		expect([
			value('bh_active_volunteers'),
			value('bh_active_volunteers', north),
			value('bh_active_volunteers', south)
		]).toEqual([2, 1, 1]);
	});

	it('counts the "hoe ging het?" answers per side', () => {
		expect(value('bh_followups_answered')).toBe(2);
		expect(value('bh_followups_good')).toBe(1);
		expect(value('bh_followup_answers', 'all', 'requester:good')).toBe(1);
		expect(value('bh_followup_answers', 'all', 'volunteer:okay')).toBe(1);
	});
});

describe('Buurthuizen', () => {
	it('counts dates held, skipped and called off, registrations (an undone one left out) and points', () => {
		const { north, south } = s.m;
		expect([
			value('bz_occurrences_held'),
			value('bz_occurrences_held', north),
			value('bz_occurrences_held', south)
		]).toEqual([8, 4, 4]);
		expect([
			value('bz_occurrences_cancelled'),
			value('bz_occurrences_cancelled', north),
			value('bz_occurrences_cancelled', south)
		]).toEqual([4, 1, 3]);
		expect([
			value('bz_registrations'),
			value('bz_registrations', north),
			value('bz_registrations', south)
		]).toEqual([3, 2, 1]);
		expect(value('bz_points', 'all', s.centreNorth)).toBe(12);
		expect(value('bz_points_by_goal', 'all', s.goalId)).toBe(12);
		expect(page.names[s.centreNorth]).toBe('Buurthuis noord-huis');
	});
});

describe('months and wijken add up', () => {
	it('the months of an additive figure add up to its total, and so do the wijken', () => {
		for (const metric of [
			'mz_issued_cents',
			'bh_requests_posted',
			'bz_occurrences_held',
			'bz_registrations'
		]) {
			const months = page.figures.filter(
				(f) => f[0] === metric && f[1] === 'all' && f[2] !== 'all' && f[3] === ''
			);
			const districts = page.figures.filter(
				(f) => f[0] === metric && f[1] !== 'all' && f[2] === 'all' && f[3] === ''
			);
			expect(
				months.reduce((sum, f) => sum + f[4], 0),
				metric
			).toBe(value(metric));
			expect(
				districts.reduce((sum, f) => sum + f[4], 0),
				metric
			).toBe(value(metric));
		}
	});

	it('a wijk filter keeps that wijk only', async () => {
		const { data, error } = await s.admin.client.rpc('monitor_page', {
			p_from: s.from,
			p_to: s.to,
			p_district_slug: 'zuid'
		});
		expect(error).toBeNull();
		const south = (data as unknown as Page).figures;
		expect(value('bh_requests_posted', 'all', '', south)).toBe(2);
		expect(value('mz_carers_reached', 'all', '', south)).toBe(1);
		expect(value('bz_occurrences_held', 'all', '', south)).toBe(4);
	});

	it('the same period a year earlier is empty here', () => {
		expect(page.previous.filter((f) => f[0] === 'bh_requests_posted')).toEqual([]);
	});
});

describe('reference figures', () => {
	it('admins save a baseline year and the population; a wrong key is refused', async () => {
		const { error } = await s.admin.client.rpc('save_monitor_reference_figures', {
			p_year: 2015,
			p_figures: {
				carers_reached: 1583,
				shops_taking_part: 147,
				young_carers_reached: 38,
				budget_cents: 57_000_000
			}
		});
		expect(error).toBeNull();
		await s.admin.client.rpc('save_monitor_reference_figures', {
			p_year: 2026,
			p_figures: { population: 157_000 }
		});
		const wrong = await s.admin.client.rpc('save_monitor_reference_figures', {
			p_year: 2015,
			p_figures: { salary: 1 }
		});
		expect(wrong.error).not.toBeNull();
		const { data } = await s.admin.client.rpc('monitor_page', { p_from: s.from, p_to: s.to });
		expect((data as unknown as Page).references).toContainEqual({
			year: 2015,
			key: 'carers_reached',
			value: 1583
		});
		// Removing a figure: null.
		await s.admin.client.rpc('save_monitor_reference_figures', {
			p_year: 2026,
			p_figures: { population: null }
		});
		const [row] = await sql<{ n: number }>(
			`select count(*)::int as n from public.monitor_reference_figures where municipality_id = '${s.m.id}' and year = 2026`
		);
		expect(row?.n).toBe(0);
	});

	it('a consulent cannot save them', async () => {
		const { error } = await s.caseworker.client.rpc('save_monitor_reference_figures', {
			p_year: 2015,
			p_figures: {}
		});
		expect(error).not.toBeNull();
	});
});

describe('who may read the monitor', () => {
	it('not a consulent, a board member, a carer, an anonymous visitor, or the admin of another municipality', async () => {
		const zaanstadAdmin = await createUser({ label: 'ander-beheer' });
		await grantRole(zaanstadAdmin.id, 'municipality_admin');
		const callers = [s.caseworker.client, s.boardMember.client, s.carers[0]!.client, anonClient()];
		for (const client of callers) {
			const { data, error } = await client.rpc('monitor_page', { p_from: s.from, p_to: s.to });
			expect(data).toBeNull();
			expect(error).not.toBeNull();
		}
		const other = await zaanstadAdmin.client.rpc('monitor_page', {
			p_from: s.from,
			p_to: s.to,
			p_municipality_id: s.m.id
		});
		expect(other.error).not.toBeNull();
	});

	it('the platform operator reads any municipality by its id', async () => {
		const operator = await createUser({ label: 'monitor-operator' });
		await sql(`insert into public.platform_operators (user_id) values ('${operator.id}')`);
		const { data, error } = await operator.client.rpc('monitor_page', {
			p_from: s.from,
			p_to: s.to,
			p_municipality_id: s.m.id
		});
		expect(error).toBeNull();
		expect((data as unknown as Page).figures).toEqual(page.figures);
	});

	it('the platform operator compares municipalities: whole-municipality totals and the population entered', async () => {
		const operator = await createUser({ label: 'monitor-compare' });
		await sql(`insert into public.platform_operators (user_id) values ('${operator.id}')`);
		const year = Number(s.to.slice(0, 4));
		await sql(
			`insert into public.monitor_reference_figures (municipality_id, year, key, value)
			 values ('${s.m.id}', ${year - 1}, 'population', 80000), ('${s.m.id}', ${year + 1}, 'population', 99000)`
		);
		const { data, error } = await operator.client.rpc('monitor_comparison', {
			p_from: s.from,
			p_to: s.to
		});
		expect(error).toBeNull();
		const rows = data as unknown as {
			id: string;
			population: number | null;
			population_year: number | null;
			figures: Record<string, number>;
		}[];
		const mine = rows.find((r) => r.id === s.m.id);
		// The latest population up to the period's year, not a later one.
		expect([mine?.population, mine?.population_year]).toEqual([80000, year - 1]);
		for (const metric of ['mz_carers_reached', 'mz_redemptions', 'bh_requests_posted']) {
			expect(mine?.figures[metric], metric).toBe(value(metric));
		}
		for (const client of [s.admin.client, s.caseworker.client, anonClient()]) {
			const refused = await client.rpc('monitor_comparison', { p_from: s.from, p_to: s.to });
			expect(refused.error).not.toBeNull();
		}
	});

	it('the area functions, the aggregator and the raw facts are not reachable through the API', async () => {
		for (const fn of ['monitor_mantelzorg', 'monitor_buurthulp', 'monitor_buurthuizen']) {
			const { error } = await s.admin.client.rpc(
				fn as never,
				{ p_municipality_id: s.m.id, p_from: s.from, p_to: s.to } as never
			);
			expect(error, fn).not.toBeNull();
		}
		const agg = await s.admin.client.rpc(
			'monitor_figures' as never,
			{
				p_municipality_id: s.m.id,
				p_from: s.from,
				p_to: s.to,
				p_district_id: null,
				p_grain: 'open'
			} as never
		);
		expect(agg.error).not.toBeNull();
		// Nobody but the carer reads an appreciation answer, not even an admin.
		const answers = await s.admin.client.from('carer_appreciation_answers').select('*');
		expect(answers.data ?? []).toEqual([]);
		const own = await s.carers[0]!.client.from('carer_appreciation_answers').select('answer');
		expect(own.data).toEqual([{ answer: 'yes' }]);
	});

	it('refuses a period over three years and a wijk of another municipality', async () => {
		const long = await s.admin.client.rpc('monitor_page', {
			p_from: '2020-01-01',
			p_to: '2024-01-01'
		});
		expect(long.error).not.toBeNull();
		const other = await personIn(s.m.id, 'x');
		expect(other).toBeTruthy();

		const wrong = await s.admin.client.rpc('monitor_page', {
			p_from: s.from,
			p_to: s.to,
			p_district_slug: 'wormerveer'
		});
		expect(wrong.error).not.toBeNull();
	});

	it('a carer answers only for their own cheque', async () => {
		const [cheque] = await sql<{ id: string }>(
			`select c.id from public.cheques c where c.carer_user_id = '${s.carers[0]!.id}' limit 1`
		);
		const { error } = await s.carers[2]!.client.rpc('answer_appreciation_question', {
			p_cheque_id: cheque?.id as string,
			p_answer: 'no'
		});
		expect(error).not.toBeNull();
	});
});

describe('retention', () => {
	it('keeps the figures when the retention job deletes the applications', async () => {
		await sql(
			`update public.schemes set application_opens_on = current_date - 900, application_closes_on = current_date - 800,
				redeem_until = current_date - 799, retention_months = 1 where municipality_id = '${s.m.id}'`
		);
		await sql(`select public.purge_expired_applications()`);
		const [left] = await sql<{ n: number }>(
			`select count(*)::int as n from public.applications where municipality_id = '${s.m.id}'`
		);
		expect(left?.n).toBe(0);
		const { data } = await s.admin.client.rpc('monitor_page', { p_from: s.from, p_to: s.to });
		const after = (data as unknown as Page).figures;
		for (const metric of [
			'mz_carers_reached',
			'mz_young_carers_reached',
			'mz_issued_cents',
			'mz_redeemed_cents'
		]) {
			for (const district of ['all', s.m.north, s.m.south]) {
				expect(value(metric, district, '', after), `${metric} ${district}`).toBe(
					value(metric, district)
				);
			}
		}
	});
});

describe('a week moved to another date', () => {
	it('counts as held once, on its new date, and not as called off', async () => {
		const figures = async () => {
			const { data, error } = await s.admin.client.rpc('monitor_page', {
				p_from: s.from,
				p_to: s.to
			});
			expect(error).toBeNull();
			return (data as unknown as Page).figures;
		};
		const count = (f: Figure[]) => [
			value('bz_occurrences_held', s.m.north, '', f),
			value('bz_occurrences_cancelled', s.m.north, '', f)
		];
		const before = count(await figures());

		// A weekly activity on five dates from 30 days ago, whose second week the board moved one
		// day later (as move_activity_date leaves it: an exception pointing at a
		// one-off activity that took over the week).
		const day = (offset: number) =>
			`(((now() at time zone 'Europe/Amsterdam')::date + ${offset})::timestamp + time '14:00') at time zone 'Europe/Amsterdam'`;
		const insertActivity = async (recurrence: string, start: number, until: string) => {
			const [row] = await sql<{ id: string }>(
				`insert into public.activities (municipality_id, community_centre_id, district_id, title, category,
					recurrence, starts_at, ends_at, repeat_until, series_ends_at, social_goal_id)
				 values ('${s.m.id}', '${s.centreNorth}', '${s.m.north}', 'Breien', 'koffieochtend', '${recurrence}',
					${day(start)}, ${day(start)} + interval '1 hour', ${until}, ${day(start)}, '${s.goalId}')
				 returning id`
			);
			return row?.id as string;
		};
		const weekly = await insertActivity(
			'weekly',
			-30,
			`((now() at time zone 'Europe/Amsterdam')::date - 2)`
		);
		const moved = await insertActivity('once', -22, 'null');
		await sql(
			`insert into public.activity_exceptions (municipality_id, activity_id, occurs_on, moved_to)
			 values ('${s.m.id}', '${weekly}', (now() at time zone 'Europe/Amsterdam')::date - 23, '${moved}')`
		);

		// Four weeks held where they were planned, one on its new date; nothing called off.
		expect(count(await figures())).toEqual([(before[0] ?? 0) + 5, before[1]]);
	});
});
