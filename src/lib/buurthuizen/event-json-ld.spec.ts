import { describe, expect, it } from 'vitest';
import { eventJsonLd, jsonLdText } from './event-json-ld';

const source = {
	id: '11111111-1111-4111-8111-111111111111',
	title: 'Koffieochtend',
	description: 'Samen koffie drinken.',
	recurrence: 'weekly',
	startsAt: '2026-12-08T10:00:00+01:00',
	endsAt: '2026-12-08T11:30:00+01:00',
	repeatUntil: '2027-06-29',
	costCents: 0,
	cancelled: false,
	full: false,
	centre: {
		slug: 'de-lorzie',
		name: 'Buurthuis De Lorzie',
		streetAddress: 'Lorzie 1',
		postcode: '1521 AA',
		city: 'Wormerveer',
		latitude: 52.4925,
		longitude: 4.7855
	},
	next: { startsAt: '2026-12-15T10:00:00+01:00', endsAt: '2026-12-15T11:30:00+01:00' }
};

describe('eventJsonLd', () => {
	it('describes a weekly free activity at its buurthuis', () => {
		const data = eventJsonLd(source, 'https://buurtkracht.example');
		expect(data).toMatchObject({
			'@type': 'Event',
			eventStatus: 'https://schema.org/EventScheduled',
			startDate: '2026-12-15T10:00:00+01:00',
			location: { address: { postalCode: '1521 AA' } },
			isAccessibleForFree: true,
			offers: { price: '0.00' }
		});
		expect(data.eventSchedule).toMatchObject({
			repeatFrequency: 'P1W',
			byDay: 'https://schema.org/Tuesday',
			startTime: '10:00:00',
			endDate: '2027-06-29',
			scheduleTimezone: 'Europe/Amsterdam'
		});
	});

	it('marks a cancelled or full activity', () => {
		const data = eventJsonLd(
			{ ...source, cancelled: true, full: true, recurrence: 'once', next: null, costCents: 350 },
			'https://x.example'
		);
		expect(data).toMatchObject({
			eventStatus: 'https://schema.org/EventCancelled',
			offers: { price: '3.50', availability: 'https://schema.org/SoldOut' },
			startDate: source.startsAt
		});
		expect(data.eventSchedule).toBeUndefined();
	});
});

describe('jsonLdText', () => {
	it('cannot close its script element', () => {
		const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
		expect(text).not.toContain('</script>');
		expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
	});
});
