// iCalendar feeds (RFC 5545) of the buurthuizen, written with ical-generator: one VEVENT per
// activity, a weekly one with RRULE and its skipped weeks as EXDATE, all in Europe/Amsterdam
// (with a VTIMEZONE), a cancelled one with STATUS:CANCELLED. Calendar apps expand the series.
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { z } from 'zod';
import { activityCategoryLabel, costLabel } from '#lib/buurthuizen/labels';
import { TIME_ZONE, amsterdamTime, fromAmsterdam } from '#lib/buurthuizen/dates';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';

const feedRow = fromRow(
	z.object({
		name: z.string(),
		activities: z.array(
			z.object({
				id: z.uuid(),
				title: z.string(),
				description: z.string(),
				category: z.string(),
				recurrence: z.enum(['once', 'weekly']),
				startsAt: z.string(),
				endsAt: z.string(),
				repeatUntil: z.string().nullable(),
				seriesEndsAt: z.string(),
				costCents: z.number().int(),
				cancelled: z.boolean(),
				cancelReason: z.string(),
				updatedAt: z.string(),
				centreName: z.string(),
				centreSlug: z.string(),
				location: z.string(),
				latitude: z.number(),
				longitude: z.number(),
				skippedDates: z.array(z.string())
			})
		)
	})
);

export type Feed = z.infer<typeof feedRow>;

export type FeedScope = { kind: 'city' } | { kind: 'centre' | 'district'; slug: string };

/** Null when the buurthuis or wijk does not exist (a 404). */
export async function loadFeed(supabase: RequestClient, scope: FeedScope): Promise<Feed | null> {
	const { data, error } = await supabase.rpc('activity_feed', {
		p_centre_slug: (scope.kind === 'centre' ? scope.slug : null) as string,
		p_district_slug: (scope.kind === 'district' ? scope.slug : null) as string
	});
	if (error) throw new Error(`activity_feed: ${error.code} ${error.message}`);
	return data === null ? null : feedRow.parse(data);
}

// Europe/Amsterdam since 1996: CET, and CEST from the last Sunday of March to the last of October.
const AMSTERDAM_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Amsterdam',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

const inAmsterdam = (instant: string | Date) => new TZDate(new Date(instant).getTime(), TIME_ZONE);

/** 20261110T090000Z */
const utcStamp = (d: Date) =>
	d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

/** 20261103T100000, the wall-clock time in Amsterdam. */
const localStamp = (date: string, time: string) =>
	`${date.replaceAll('-', '')}T${time.replace(':', '')}00`;

/**
 * RRULE and EXDATE written here rather than by ical-generator, which writes UNTIL in the
 * calendar's time zone without Z; RFC 5545 wants UNTIL in UTC when DTSTART has a TZID. UNTIL is
 * the last possible start.
 */
function weeklyRule(repeatUntil: string, time: string, skipped: string[]): string {
	const lines = [`RRULE:FREQ=WEEKLY;UNTIL=${utcStamp(fromAmsterdam(repeatUntil, time))}`];
	if (skipped.length > 0) {
		lines.push(`EXDATE;TZID=${TIME_ZONE}:${skipped.map((d) => localStamp(d, time)).join(',')}`);
	}
	return lines.join('\n');
}

/** The feed as iCalendar text. `origin` is the site's, for the activity links and UIDs. */
export function buildCalendar(feed: Feed, origin: string): string {
	const host = new URL(origin).host;
	const calendar = ical({
		name: feed.name,
		description: `Activiteiten van ${feed.name}`,
		prodId: { company: 'Buurtkracht', product: 'buurthuizen', language: 'NL' },
		method: ICalCalendarMethod.PUBLISH,
		timezone: {
			name: TIME_ZONE,
			generator: (tz) => (tz === TIME_ZONE ? AMSTERDAM_VTIMEZONE : null)
		},
		ttl: 60 * 60
	});
	for (const a of feed.activities) {
		const start = inAmsterdam(a.startsAt);
		const event = calendar.createEvent({
			id: `activity-${a.id}@${host}`,
			start,
			end: inAmsterdam(a.endsAt),
			timezone: TIME_ZONE,
			summary: a.cancelled ? `Gaat niet door: ${a.title}` : a.title,
			description: [
				a.description,
				`${activityCategoryLabel(a.category)} · ${costLabel(a.costCents)}`,
				a.cancelled && a.cancelReason ? `Gaat niet door: ${a.cancelReason}` : ''
			]
				.filter(Boolean)
				.join('\n\n'),
			location: {
				title: a.location,
				geo: { lat: a.latitude, lon: a.longitude }
			},
			url: `${origin}/buurthuizen/activiteit/${a.id}`,
			status: a.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			lastModified: new Date(a.updatedAt),
			stamp: new Date(a.updatedAt)
		});
		if (a.recurrence === 'weekly' && a.repeatUntil) {
			event.repeating(weeklyRule(a.repeatUntil, amsterdamTime(a.startsAt), a.skippedDates));
		}
	}
	return calendar.toString();
}
