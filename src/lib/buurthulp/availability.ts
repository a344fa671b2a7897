// Weekly availability as a 21-bit mask, the same encoding the database uses
// (public.availability_mask_for): bit (day * 3 + part), day 0 = Monday, part 0 = morning.
import type { DayPart, WhenKind } from './enums';

export const DAYS = [
	'maandag',
	'dinsdag',
	'woensdag',
	'donderdag',
	'vrijdag',
	'zaterdag',
	'zondag'
] as const;
export const PARTS = ['ochtend', 'middag', 'avond'] as const;
export const FULL_WEEK = (1 << 21) - 1;

/** The slot name a checkbox in the availability grid posts, e.g. "2-1" = Wednesday afternoon. */
export const slotName = (day: number, part: number) => `${day}-${part}`;

export function maskFromSlots(slots: string[]): number {
	let mask = 0;
	for (const slot of slots) {
		const m = /^([0-6])-([0-2])$/.exec(slot);
		if (m) mask |= 1 << (Number(m[1]) * 3 + Number(m[2]));
	}
	return mask;
}

export function slotsFromMask(mask: number): string[] {
	const slots: string[] = [];
	for (let day = 0; day < 7; day++) {
		for (let part = 0; part < 3; part++) {
			if (mask & (1 << (day * 3 + part))) slots.push(slotName(day, part));
		}
	}
	return slots;
}

const partBits = (dayPart: DayPart) => ({ morning: 1, afternoon: 2, evening: 4, any: 7 })[dayPart];

/** Monday = 0, for a date given as YYYY-MM-DD (calendar date, no time zone involved). */
export function weekdayIndex(isoDate: string): number {
	const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
	return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The mask of a request: its weekday(s) in the chosen part of the day; flexible = every day. */
export function requestMask(
	whenKind: WhenKind,
	startsOn: string | null,
	endsOn: string | null,
	dayPart: DayPart
): number {
	const bits = partBits(dayPart);
	if (whenKind === 'flexible' || !startsOn) {
		let mask = 0;
		for (let day = 0; day < 7; day++) mask |= bits << (day * 3);
		return mask;
	}
	const first = weekdayIndex(startsOn);
	const start = Date.parse(`${startsOn}T00:00:00Z`);
	const end = Date.parse(`${endsOn ?? startsOn}T00:00:00Z`);
	const days = Math.min(Math.round((end - start) / 86_400_000), 6);
	let mask = 0;
	for (let i = 0; i <= days; i++) mask |= bits << (((first + i) % 7) * 3);
	return mask;
}

export const overlaps = (a: number, b: number) => (a & b) !== 0;
