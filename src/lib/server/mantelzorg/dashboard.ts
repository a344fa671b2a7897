// The municipality's dashboard of one scheme year: carers reached per wijk (and young carers),
// cheques and Pluimen issued, redeemed, outstanding and expired amounts, shops and budget left.
import { z } from 'zod';
import { formatNumber } from '#lib/format';
import { formatCents } from '#lib/mantelzorg/display';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';

const dashboardRow = fromRow(
	z.object({
		scheme: z.object({ id: z.uuid(), year: z.number().int(), budgetCents: z.number() }).nullable(),
		districts: z
			.array(
				z.object({
					districtId: z.uuid(),
					name: z.string(),
					carers: z.number().int(),
					youngCarers: z.number().int()
				})
			)
			.optional(),
		money: z
			.object({
				chequesIssued: z.number().int(),
				pluimsIssued: z.number().int(),
				issuedCents: z.number(),
				outstandingCents: z.number(),
				expiredCents: z.number()
			})
			.optional(),
		redemptions: z
			.object({
				redeemedCents: z.number(),
				redemptionCount: z.number().int(),
				paidCents: z.number(),
				shopsTakingPart: z.number().int()
			})
			.optional(),
		approvedShops: z.number().int().optional()
	})
);

export interface Dashboard {
	year: number;
	budgetCents: number;
	districts: { name: string; carers: number; youngCarers: number }[];
	carers: number;
	youngCarers: number;
	chequesIssued: number;
	pluimsIssued: number;
	issuedCents: number;
	redeemedCents: number;
	paidCents: number;
	outstandingCents: number;
	expiredCents: number;
	shopsTakingPart: number;
	approvedShops: number;
	budgetLeftCents: number;
}

export async function loadDashboard(
	supabase: RequestClient,
	year: number
): Promise<Dashboard | null> {
	const { data, error } = await supabase.rpc('mantelzorg_dashboard', { p_year: year });
	if (error) throw new Error(`mantelzorg_dashboard: ${error.message}`);
	const row = dashboardRow.parse(data);
	if (!row.scheme || !row.money || !row.redemptions) return null;
	const districts = (row.districts ?? []).map(({ name, carers, youngCarers }) => ({
		name,
		carers,
		youngCarers
	}));
	return {
		year: row.scheme.year,
		budgetCents: row.scheme.budgetCents,
		districts,
		carers: districts.reduce((s, d) => s + d.carers, 0),
		youngCarers: districts.reduce((s, d) => s + d.youngCarers, 0),
		chequesIssued: row.money.chequesIssued,
		pluimsIssued: row.money.pluimsIssued,
		issuedCents: row.money.issuedCents,
		redeemedCents: row.redemptions.redeemedCents,
		paidCents: row.redemptions.paidCents,
		outstandingCents: row.money.outstandingCents,
		expiredCents: row.money.expiredCents,
		shopsTakingPart: row.redemptions.shopsTakingPart,
		approvedShops: row.approvedShops ?? 0,
		budgetLeftCents: row.scheme.budgetCents - row.money.issuedCents
	};
}

/** The "Feiten & Cijfers" rows: label and value, as shown and as exported. */
export function factsAndFigures(d: Dashboard): [string, string][] {
	const money = formatCents;
	const count = formatNumber;
	return [
		['Mantelzorgers bereikt', count(d.carers)],
		['Jonge mantelzorgers bereikt (Pluim)', count(d.youngCarers)],
		['Cheques uitgegeven', count(d.chequesIssued)],
		['Pluimen uitgegeven', count(d.pluimsIssued)],
		['Waarde uitgegeven', money(d.issuedCents)],
		['Verzilverd bij winkels', money(d.redeemedCents)],
		['Uitbetaald aan winkels', money(d.paidCents)],
		['Nog te verzilveren', money(d.outstandingCents)],
		['Verlopen zonder gebruik', money(d.expiredCents)],
		['Winkels met verzilveringen', count(d.shopsTakingPart)],
		['Goedgekeurde winkels', count(d.approvedShops)],
		['Budget', money(d.budgetCents)],
		['Budget over', money(d.budgetLeftCents)]
	];
}

export function dashboardCsv(d: Dashboard): string {
	const rows: string[][] = [['Onderwerp', 'Waarde'], ...factsAndFigures(d)];
	rows.push([], ['Wijk', 'Mantelzorgers', 'Jonge mantelzorgers']);
	for (const district of d.districts) {
		rows.push([district.name, formatNumber(district.carers), formatNumber(district.youngCarers)]);
	}
	const cell = (v: string) => (/[";\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
