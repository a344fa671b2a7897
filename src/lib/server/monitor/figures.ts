// The figures of one monitor_page answer, looked up by metric, wijk, month and subject.
export type FigureRow = [
	metric: string,
	district: string | null,
	month: string | null,
	subject: string,
	value: number
];

export class Figures {
	private readonly index = new Map<string, number>();

	constructor(readonly rows: readonly FigureRow[]) {
		for (const [metric, district, month, subject, value] of rows) {
			this.index.set(`${metric}|${district}|${month}|${subject}`, value);
		}
	}

	/** The value for the whole period (and all wijken unless one is named); 0 when nothing happened. */
	get(metric: string, district = 'all', month = 'all', subject = ''): number {
		return this.index.get(`${metric}|${district}|${month}|${subject}`) ?? 0;
	}

	/** Whether anything was recorded for the metric at all (a median of nothing is no 0). */
	has(metric: string): boolean {
		return this.rows.some((r) => r[0] === metric);
	}

	/** Subjects of a metric over the whole period and all wijken, largest first. */
	subjects(metric: string): { subject: string; value: number }[] {
		return this.rows
			.filter((r) => r[0] === metric && r[1] === 'all' && r[2] === 'all' && r[3] !== '')
			.map((r) => ({ subject: r[3], value: r[4] }))
			.sort((a, b) => b.value - a.value);
	}
}

/** Every month 'YYYY-MM' from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
	const months: string[] = [];
	let y = Number(from.slice(0, 4));
	let m = Number(from.slice(5, 7));
	const end = to.slice(0, 7);
	for (;;) {
		const key = `${y}-${String(m).padStart(2, '0')}`;
		months.push(key);
		if (key >= end || months.length > 40) break;
		m += 1;
		if (m > 12) {
			m = 1;
			y += 1;
		}
	}
	return months;
}
