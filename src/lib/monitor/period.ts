// The monitor's period from the URL: ?jaar=2026, ?jaar=2026&maand=3, or ?van=…&tot=… (local
// dates, at most three years). Anything else falls back to this year.
export interface Period {
	from: string;
	to: string;
	year: number;
	month: number | null;
	custom: boolean;
	label: string;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const isDate = (s: string | null): s is string =>
	!!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const monthLabel = new Intl.DateTimeFormat('nl-NL', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const dayLabel = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

export const MAX_DAYS = 1100;

export function thisYear(now = new Date()): number {
	return Number(
		new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now)
	);
}

export function yearPeriod(year: number, month: number | null = null): Period {
	if (month) {
		const from = new Date(Date.UTC(year, month - 1, 1));
		const to = new Date(Date.UTC(year, month, 0));
		return {
			from: iso(from),
			to: iso(to),
			year,
			month,
			custom: false,
			label: monthLabel.format(from)
		};
	}
	return {
		from: `${year}-01-01`,
		to: `${year}-12-31`,
		year,
		month: null,
		custom: false,
		label: String(year)
	};
}

export function parsePeriod(params: URLSearchParams, now = new Date()): Period {
	const from = params.get('van');
	const to = params.get('tot');
	if (isDate(from) && isDate(to)) {
		const days = (Date.parse(to) - Date.parse(from)) / DAY;
		if (days >= 0 && days <= MAX_DAYS) {
			return {
				from,
				to,
				year: Number(from.slice(0, 4)),
				month: null,
				custom: true,
				label: `${dayLabel.format(new Date(`${from}T00:00:00Z`))} tot en met ${dayLabel.format(new Date(`${to}T00:00:00Z`))}`
			};
		}
	}
	const yearText = params.get('jaar');
	const year =
		yearText && /^\d{4}$/.test(yearText) && +yearText >= 2000 && +yearText <= 2100
			? +yearText
			: thisYear(now);
	const monthText = params.get('maand');
	const month =
		monthText && /^\d{1,2}$/.test(monthText) && +monthText >= 1 && +monthText <= 12
			? +monthText
			: null;
	return yearPeriod(year, month);
}

/** The same period a year earlier, as the monitor compares it. */
export function previousLabel(p: Period): string {
	return p.custom ? 'een jaar eerder' : p.month ? 'zelfde maand vorig jaar' : String(p.year - 1);
}
