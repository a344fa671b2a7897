// How an activity occurrence reads in a list or popup: "wo 9 dec, 10:00–11:30".
import { TIME_ZONE } from './calendar-days';

const short = new Intl.DateTimeFormat('nl-NL', {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	timeZone: TIME_ZONE
});
const time = new Intl.DateTimeFormat('nl-NL', {
	hour: '2-digit',
	minute: '2-digit',
	timeZone: TIME_ZONE
});

export const formatOccurrenceWhen = (startsAt: string, endsAt: string) =>
	`${short.format(new Date(startsAt))}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
