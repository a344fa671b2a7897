// Dutch wording for when a request is planned, used on the board, the detail and match pages.
import type { DayPart, Recurrence, WhenKind } from './enums';
import { DAY_PART_LABELS, RECURRENCE_LABELS } from './labels';

interface When {
	whenKind: WhenKind;
	startsOn: string | null;
	endsOn: string | null;
	dayPart: DayPart;
	durationMinutes: number;
	recurrence: Recurrence;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	timeZone: 'UTC'
});

/** "2026-11-24" → "dinsdag 24 november" (a calendar date: no time zone shift). */
export const formatDate = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
	day: 'numeric',
	month: 'long',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/Amsterdam'
});

export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

export function formatDuration(minutes: number): string {
	if (minutes < 60) return `${minutes} minuten`;
	const hours = minutes / 60;
	if (Number.isInteger(hours)) return hours === 1 ? '1 uur' : `${hours} uur`;
	return `${hours.toString().replace('.', ',')} uur`;
}

export function formatWhenDate(w: Pick<When, 'whenKind' | 'startsOn' | 'endsOn'>): string {
	if (w.whenKind === 'flexible' || !w.startsOn) return 'Datum is flexibel';
	if (w.whenKind === 'range' && w.endsOn) {
		return `Tussen ${formatDate(w.startsOn)} en ${formatDate(w.endsOn)}`;
	}
	return `Op ${formatDate(w.startsOn)}`;
}

/** "Op dinsdag 24 november · ochtend · ongeveer 1 uur · eenmalig" */
export function formatWhen(w: When): string {
	return [
		formatWhenDate(w),
		DAY_PART_LABELS[w.dayPart],
		`ongeveer ${formatDuration(w.durationMinutes)}`,
		RECURRENCE_LABELS[w.recurrence]
	].join(' · ');
}

/** "Zuideinde 77, 1551 AB Westzaan": the parts that are known, '' when none is. */
export function addressLine(c: {
	streetAddress: string | null;
	postcode: string | null;
	city: string | null;
}): string {
	const place = [c.postcode, c.city].filter(Boolean).join(' ');
	return [c.streetAddress, place].filter(Boolean).join(', ');
}
