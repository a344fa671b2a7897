import { describe, expect, it } from 'vitest';
import {
	addDays,
	amsterdamDay,
	dayStart,
	formatDay,
	isCalendarDay,
	mondayOf,
	weekOf
} from './calendar-days';

describe('calendar days in Amsterdam', () => {
	it('knows real days', () => {
		expect(isCalendarDay('2026-12-07')).toBe(true);
		expect(isCalendarDay('2026-02-30')).toBe(false);
		expect(isCalendarDay('0000-01-01')).toBe(false);
		expect(isCalendarDay('7-12-2026')).toBe(false);
	});

	it('takes the Amsterdam day of an instant, not the UTC one', () => {
		expect(amsterdamDay(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
		expect(amsterdamDay(new Date('2026-07-06T22:30:00Z'))).toBe('2026-07-07');
	});

	it('starts days at Amsterdam midnight, also across a clock change', () => {
		expect(dayStart('2026-12-07').toISOString()).toBe('2026-12-06T23:00:00.000Z');
		expect(dayStart('2026-07-07').toISOString()).toBe('2026-07-06T22:00:00.000Z');
		// 29 March 2026 has 23 hours.
		expect(dayStart('2026-03-30').getTime() - dayStart('2026-03-29').getTime()).toBe(23 * 3600e3);
	});

	it('finds Mondays and weeks', () => {
		expect(mondayOf('2026-12-07')).toBe('2026-12-07');
		expect(mondayOf('2026-12-13')).toBe('2026-12-07');
		expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
		const week = weekOf('2026-12-10', new Date());
		expect(week.monday).toBe('2026-12-07');
		expect(week.days).toHaveLength(7);
		expect(week.days.at(-1)).toBe('2026-12-13');
		expect(week.previous).toBe('2026-11-30');
		expect(week.next).toBe('2026-12-14');
		expect(week.to.toISOString()).toBe('2026-12-13T23:00:00.000Z');
		expect(weekOf('onzin', new Date('2026-12-03T12:00:00Z')).monday).toBe('2026-11-30');
	});

	it('writes days in Dutch', () => {
		expect(formatDay('2026-12-07')).toBe('maandag 7 december');
	});
});
