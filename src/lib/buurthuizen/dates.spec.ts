import { describe, expect, it } from 'vitest';
import {
	amsterdamDate,
	amsterdamDayStart,
	amsterdamTime,
	amsterdamWeek,
	formatOccurrence,
	fromAmsterdam,
	toAmsterdamIso
} from './dates';

describe('Amsterdam dates', () => {
	it('writes instants with the Amsterdam offset, winter and summer', () => {
		expect(toAmsterdamIso('2027-03-27T09:00:00Z')).toBe('2027-03-27T10:00:00+01:00');
		expect(toAmsterdamIso('2027-03-29T08:00:00Z')).toBe('2027-03-29T10:00:00+02:00');
	});

	it('reads wall-clock time on both sides of the change of 2027-03-28', () => {
		expect(fromAmsterdam('2027-03-27', '10:00').toISOString()).toBe('2027-03-27T09:00:00.000Z');
		expect(fromAmsterdam('2027-03-29', '10:00').toISOString()).toBe('2027-03-29T08:00:00.000Z');
		expect(amsterdamTime('2027-03-29T08:00:00Z')).toBe('10:00');
		expect(amsterdamDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
	});

	it('finds the day and the week in Amsterdam', () => {
		expect(amsterdamDayStart('2027-03-28T12:00:00Z').toISOString()).toBe(
			'2027-03-27T23:00:00.000Z'
		);
		expect(amsterdamDayStart('2027-03-28T12:00:00Z', 1).toISOString()).toBe(
			'2027-03-28T22:00:00.000Z'
		);
		const week = amsterdamWeek('2027-03-28T12:00:00Z');
		expect(week.from.toISOString()).toBe('2027-03-21T23:00:00.000Z');
		expect(week.to.toISOString()).toBe('2027-03-28T22:00:00.000Z');
	});

	it('formats an occurrence in Dutch', () => {
		expect(formatOccurrence('2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z')).toBe(
			'dinsdag 1 december 2026, 10:00 – 12:00'
		);
	});
});
