// Dutch wording for when a request is planned, used on the board, the detail and match pages.
import { DAY_PART_LABELS, RECURRENCE_LABELS } from './categories';

interface When {
	when_kind: 'date' | 'range' | 'flexible';
	starts_on: string | null;
	ends_on: string | null;
	day_part: keyof typeof DAY_PART_LABELS;
	duration_minutes: number;
	recurrence: keyof typeof RECURRENCE_LABELS;
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

export function formatWhenDate(w: Pick<When, 'when_kind' | 'starts_on' | 'ends_on'>): string {
	if (w.when_kind === 'flexible' || !w.starts_on) return 'Datum is flexibel';
	if (w.when_kind === 'range' && w.ends_on) {
		return `Tussen ${formatDate(w.starts_on)} en ${formatDate(w.ends_on)}`;
	}
	return `Op ${formatDate(w.starts_on)}`;
}

/** "Op dinsdag 24 november · ochtend · ongeveer 1 uur · eenmalig" */
export function formatWhen(w: When): string {
	return [
		formatWhenDate(w),
		w.day_part === 'any' ? 'hele dag' : DAY_PART_LABELS[w.day_part],
		`ongeveer ${formatDuration(w.duration_minutes)}`,
		RECURRENCE_LABELS[w.recurrence]
	].join(' · ');
}
