import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type Feed } from './feeds';

const activity: Feed['activities'][number] = {
	id: '11111111-1111-4111-8111-111111111111',
	title: 'Koffieochtend',
	description: 'Samen koffie drinken.',
	category: 'koffieochtend',
	recurrence: 'weekly',
	startsAt: '2026-10-20T08:00:00Z',
	endsAt: '2026-10-20T10:00:00Z',
	repeatUntil: '2026-11-10',
	seriesEndsAt: '2026-11-10T11:00:00Z',
	costCents: 0,
	cancelled: false,
	cancelReason: '',
	updatedAt: '2026-10-01T12:00:00Z',
	centreName: 'Buurthuis De Lorzie',
	centreSlug: 'de-lorzie',
	location: 'Buurthuis De Lorzie, Lorzie 1, 1521 AA Wormerveer',
	latitude: 52.49,
	longitude: 4.78,
	skippedDates: ['2026-11-03']
};

describe('buildCalendar', () => {
	it('writes a weekly series in Amsterdam time across the change of 2026-10-25', () => {
		const text = buildCalendar({ name: 'De Lorzie', activities: [activity] }, 'https://x.example');
		expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20261020T100000');
		expect(text).toContain('EXDATE;TZID=Europe/Amsterdam:20261103T100000');
		expect(text).toContain('RRULE:FREQ=WEEKLY;UNTIL=20261110T090000Z');
		const event = Object.values(ical.sync.parseICS(text)).find(
			(e): e is VEvent => e?.type === 'VEVENT'
		);
		const starts = ical
			.expandRecurringEvent(event as VEvent, {
				from: new Date('2026-10-01T00:00:00Z'),
				to: new Date('2026-12-01T00:00:00Z')
			})
			.map((i) => i.start.toISOString());
		// 10:00 in summer time (08:00Z), then 10:00 in winter time (09:00Z); 3 November skipped.
		expect(starts).toEqual([
			'2026-10-20T08:00:00.000Z',
			'2026-10-27T09:00:00.000Z',
			'2026-11-10T09:00:00.000Z'
		]);
	});

	it('marks a cancelled activity', () => {
		const text = buildCalendar(
			{
				name: 'De Lorzie',
				activities: [{ ...activity, recurrence: 'once', repeatUntil: null, cancelled: true }]
			},
			'https://x.example'
		);
		expect(text).toContain('STATUS:CANCELLED');
		expect(text).not.toContain('RRULE:FREQ=WEEKLY');
	});
});
