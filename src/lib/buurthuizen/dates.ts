// Dates of activities: stored as timestamptz, shown and entered as Europe/Amsterdam wall-clock
// time. Pure functions (unit tests beside them), safe across daylight-saving changes.
import { TZDate } from '@date-fns/tz';
import { addDays, formatISO, startOfDay, startOfWeek } from 'date-fns';

export const TIME_ZONE = 'Europe/Amsterdam';

/** An instant as ISO 8601 with the Amsterdam offset: "2027-03-29T10:00:00+02:00". */
export function toAmsterdamIso(instant: string | Date): string {
	return formatISO(new TZDate(new Date(instant).getTime(), TIME_ZONE));
}

/** The Amsterdam calendar date of an instant: "2027-03-29". */
export function amsterdamDate(instant: string | Date): string {
	return formatISO(new TZDate(new Date(instant).getTime(), TIME_ZONE), {
		representation: 'date'
	});
}

/** The Amsterdam wall-clock time of an instant: "10:00". */
export function amsterdamTime(instant: string | Date): string {
	return formatISO(new TZDate(new Date(instant).getTime(), TIME_ZONE), {
		representation: 'time'
	}).slice(0, 5);
}

/** The instant of a date ("2027-03-29") and wall-clock time ("10:00") in Amsterdam. */
export function fromAmsterdam(date: string, time = '00:00'): Date {
	const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
	const [hh = 0, mm = 0] = time.split(':').map(Number);
	return new Date(new TZDate(y, m - 1, d, hh, mm, TIME_ZONE).getTime());
}

/** Midnight at the start of an Amsterdam day, plus `days` days (wall clock, so DST-safe). */
export function amsterdamDayStart(instant: string | Date, days = 0): Date {
	const day = startOfDay(new TZDate(new Date(instant).getTime(), TIME_ZONE));
	return new Date(addDays(day, days).getTime());
}

/** The Amsterdam week (Monday 00:00 up to the next Monday 00:00) around an instant. */
export function amsterdamWeek(instant: string | Date): { from: Date; to: Date } {
	const monday = startOfWeek(new TZDate(new Date(instant).getTime(), TIME_ZONE), {
		weekStartsOn: 1
	});
	return { from: new Date(monday.getTime()), to: new Date(addDays(monday, 7).getTime()) };
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});

const timeFormat = new Intl.DateTimeFormat('nl-NL', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit'
});

/** "dinsdag 3 december 2026". */
export const formatDay = (instant: string | Date) => dayFormat.format(new Date(instant));

/** "10:00 – 12:00". */
export const formatTimes = (startsAt: string | Date, endsAt: string | Date) =>
	`${timeFormat.format(new Date(startsAt))} – ${timeFormat.format(new Date(endsAt))}`;

/** "dinsdag 3 december 2026, 10:00 – 12:00". */
export const formatOccurrence = (startsAt: string | Date, endsAt: string | Date) =>
	`${formatDay(startsAt)}, ${formatTimes(startsAt, endsAt)}`;
