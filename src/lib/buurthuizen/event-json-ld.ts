// schema.org Event data (JSON-LD) for an activity page, so search engines can list it. A
// cancelled activity is EventCancelled; a weekly one carries its Schedule.
import { amsterdamDate, amsterdamTime } from './dates';

export interface EventSource {
	id: string;
	title: string;
	description: string;
	recurrence: string;
	startsAt: string;
	endsAt: string;
	repeatUntil: string | null;
	costCents: number;
	cancelled: boolean;
	full: boolean;
	centre: {
		slug: string;
		name: string;
		streetAddress: string;
		postcode: string;
		city: string;
		latitude: number;
		longitude: number;
	};
	/** The next occurrence, when there is one: the event's date for a weekly activity. */
	next: { startsAt: string; endsAt: string } | null;
}

const DAYS = [
	'https://schema.org/Sunday',
	'https://schema.org/Monday',
	'https://schema.org/Tuesday',
	'https://schema.org/Wednesday',
	'https://schema.org/Thursday',
	'https://schema.org/Friday',
	'https://schema.org/Saturday'
];

export function eventJsonLd(e: EventSource, origin: string): Record<string, unknown> {
	const url = `${origin}/buurthuizen/activiteit/${e.id}`;
	const when = e.next ?? { startsAt: e.startsAt, endsAt: e.endsAt };
	const data: Record<string, unknown> = {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: e.title,
		description: e.description,
		url,
		startDate: when.startsAt,
		endDate: when.endsAt,
		eventStatus: e.cancelled
			? 'https://schema.org/EventCancelled'
			: 'https://schema.org/EventScheduled',
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		isAccessibleForFree: e.costCents === 0,
		location: {
			'@type': 'Place',
			name: e.centre.name,
			address: {
				'@type': 'PostalAddress',
				streetAddress: e.centre.streetAddress,
				postalCode: e.centre.postcode,
				addressLocality: e.centre.city,
				addressCountry: 'NL'
			},
			geo: {
				'@type': 'GeoCoordinates',
				latitude: e.centre.latitude,
				longitude: e.centre.longitude
			}
		},
		organizer: {
			'@type': 'Organization',
			name: e.centre.name,
			url: `${origin}/buurthuizen/${e.centre.slug}`
		},
		offers: {
			'@type': 'Offer',
			price: (e.costCents / 100).toFixed(2),
			priceCurrency: 'EUR',
			availability: e.full ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
			url
		}
	};
	if (e.recurrence === 'weekly') {
		const weekday = new Date(`${amsterdamDate(e.startsAt)}T12:00:00Z`).getUTCDay();
		data.eventSchedule = {
			'@type': 'Schedule',
			repeatFrequency: 'P1W',
			byDay: DAYS[weekday],
			startDate: amsterdamDate(e.startsAt),
			...(e.repeatUntil ? { endDate: e.repeatUntil } : {}),
			startTime: `${amsterdamTime(e.startsAt)}:00`,
			endTime: `${amsterdamTime(e.endsAt)}:00`,
			scheduleTimezone: 'Europe/Amsterdam'
		};
	}
	return data;
}

/** The JSON-LD as the text of a <script type="application/ld+json">: "<" escaped, so no text can end the element. */
export const jsonLdText = (data: unknown) =>
	JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
