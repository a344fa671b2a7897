// Calendar days and weeks in Europe/Amsterdam, for the map's day filter and a buurthuis's week
// view. A day is a YYYY-MM-DD string; its start is the instant Amsterdam's day begins.
import { TZDate } from '@date-fns/tz';

export const TIME_ZONE = 'Europe/Amsterdam';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in a sensible range: 2026-02-30 and 0000-01-01 are not. */
export function isCalendarDay(value: string): boolean {
	const m = ISO_DAY.exec(value);
	if (!m) return false;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (year < 2000 || year > 2099) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The Amsterdam calendar day of an instant. */
export function amsterdamDay(instant: Date): string {
	const t = new TZDate(instant.getTime(), TIME_ZONE);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** The instant a day starts in Amsterdam (23 or 25 hours apart across a clock change). */
export function dayStart(day: string): Date {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(new TZDate(y, m - 1, d, TIME_ZONE).getTime());
}

/** The day `n` days after `day` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The Monday of the week a day lies in. */
export function mondayOf(day: string): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // 0 = Monday
	return addDays(day, -weekday);
}

export interface Week {
	monday: string;
	days: string[];
	from: Date;
	to: Date;
	previous: string;
	next: string;
}

/** The week of `?week=YYYY-MM-DD` (any day in it), or this week when absent or malformed. */
export function weekOf(param: string | null, now: Date): Week {
	const monday = mondayOf(param && isCalendarDay(param) ? param : amsterdamDay(now));
	const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
	return {
		monday,
		days,
		from: dayStart(monday),
		to: dayStart(addDays(monday, 7)),
		previous: addDays(monday, -7),
		next: addDays(monday, 7)
	};
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	timeZone: 'UTC'
});
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
	hour: '2-digit',
	minute: '2-digit',
	timeZone: TIME_ZONE
});

/** "2026-12-07" → "maandag 7 december". */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
/** An instant → "19:30" in Amsterdam. */
export const formatTime = (iso: string) => timeFormat.format(new Date(iso));
