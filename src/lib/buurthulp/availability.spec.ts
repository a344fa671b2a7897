import { describe, expect, it } from 'vitest';
import {
	FULL_WEEK,
	maskFromSlots,
	overlaps,
	requestMask,
	slotsFromMask,
	weekdayIndex
} from './availability';

describe('availability masks', () => {
	it('round-trips grid slots and ignores junk', () => {
		const slots = ['0-0', '2-1', '6-2'];
		expect(slotsFromMask(maskFromSlots([...slots, '7-0', 'x', '1-3']))).toEqual(slots);
	});

	it('knows the weekday of a calendar date', () => {
		expect(weekdayIndex('2026-11-23')).toBe(0); // a Monday
		expect(weekdayIndex('2026-11-22')).toBe(6); // a Sunday
	});

	it('gives a dated request only its weekday and part of the day', () => {
		const wednesdayAfternoon = maskFromSlots(['2-1']);
		expect(requestMask('date', '2026-11-25', null, 'afternoon')).toBe(wednesdayAfternoon);
		expect(overlaps(requestMask('date', '2026-11-25', null, 'morning'), wednesdayAfternoon)).toBe(
			false
		);
	});

	it('covers every weekday for flexible requests and week-long ranges', () => {
		expect(requestMask('flexible', null, null, 'any')).toBe(FULL_WEEK);
		expect(requestMask('range', '2026-11-23', '2026-12-20', 'any')).toBe(FULL_WEEK);
		expect(slotsFromMask(requestMask('range', '2026-11-28', '2026-11-29', 'evening'))).toEqual([
			'5-2',
			'6-2'
		]);
	});
});
