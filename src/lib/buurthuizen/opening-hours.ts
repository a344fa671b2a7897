// OpenStreetMap opening_hours, the common subset buurthuizen need ("Mo-Fr 09:00-17:00;
// Tu,Th 19:00-22:00; Sa 10:00-13:00"), read into Dutch lines. Anything outside that subset
// (holidays, weeks, "off") returns null, and the page shows the text as stored.
const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const DAY_NAMES = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

export interface OpeningLine {
	days: string;
	times: string;
}

const TIME = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

function dayPart(part: string): string | null {
	const range = /^(Mo|Tu|We|Th|Fr|Sa|Su)-(Mo|Tu|We|Th|Fr|Sa|Su)$/.exec(part);
	if (range) {
		const from = DAYS.indexOf(range[1] as (typeof DAYS)[number]);
		const to = DAYS.indexOf(range[2] as (typeof DAYS)[number]);
		if (to <= from) return null;
		return `${DAY_NAMES[from]} t/m ${DAY_NAMES[to]}`;
	}
	const day = DAYS.indexOf(part as (typeof DAYS)[number]);
	return day < 0 ? null : (DAY_NAMES[day] ?? null);
}

function joinDutch(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

/** The rules in order, or null when the text uses more of the syntax than we read. */
export function parseOpeningHours(text: string | null): OpeningLine[] | null {
	if (!text?.trim()) return null;
	const lines: OpeningLine[] = [];
	for (const rule of text
		.split(';')
		.map((r) => r.trim())
		.filter(Boolean)) {
		const m = /^(\S+)\s+(\S+)$/.exec(rule);
		if (!m) return null;
		const days = m[1]!.split(',').map(dayPart);
		if (days.some((d) => d === null)) return null;
		const times = m[2]!.split(',');
		if (!times.every((t) => TIME.test(t))) return null;
		lines.push({
			days: joinDutch(days as string[]),
			times: times.map((t) => t.replace('-', ' tot ')).join(' en ')
		});
	}
	return lines;
}
