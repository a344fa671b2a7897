// The map and list's filters, as they live in the URL (a GET form): wijk, dag, categorie, gratis,
// rolstoel, and "bij mij in de buurt" by postcode or by a rounded browser location. Anything
// malformed is dropped, not refused: a filter is a link someone shared.
import { z } from 'zod';
import { addDays, amsterdamDay, dayStart, isCalendarDay } from './calendar-days';
import { roundCoordinate } from './distance';
import { ACTIVITY_CATEGORIES } from './enums';
import { type MapFilters, filtersActivities, mapQueryString } from './map-query';

export { type MapFilters, filtersActivities, mapQueryString };

const yes = z
	.string()
	.optional()
	.transform((v) => v === '1' || v === 'ja' || v === 'on');

const coordinate = (min: number, max: number) =>
	z.coerce.number().min(min).max(max).transform(roundCoordinate).optional().catch(undefined);

export const POSTCODE = /^[1-9][0-9]{3} ?([A-Za-z]{2})?$/;

export const mapFilterSchema = z.object({
	wijk: z
		.string()
		.regex(/^[a-z0-9-]{2,60}$/)
		.optional()
		.catch(undefined),
	dag: z
		.string()
		.refine((v) => v === 'vandaag' || v === 'week' || isCalendarDay(v))
		.optional()
		.catch(undefined),
	categorie: z.enum(ACTIVITY_CATEGORIES).optional().catch(undefined),
	gratis: yes.catch(false),
	rolstoel: yes.catch(false),
	postcode: z.string().trim().optional().catch(undefined),
	lat: coordinate(-90, 90),
	lng: coordinate(-180, 180)
});

export interface MapQuery {
	filters: MapFilters;
	/** The postcode as typed when it is not one: shown back in the field with the reason. */
	postcodeError: string | null;
}

export function parseMapFilters(params: URLSearchParams): MapQuery {
	const raw = Object.fromEntries(
		[...params.entries()].filter(([, value]) => value.trim() !== '')
	) as Record<string, string>;
	// The form has a choice (vandaag, deze week) and a date field; a date wins.
	if (raw.datum !== undefined) {
		if (isCalendarDay(raw.datum)) raw.dag = raw.datum;
		delete raw.datum;
	}
	const filters = mapFilterSchema.parse(raw);
	let postcodeError: string | null = null;
	// Any typed postcode that is not used says why, however long it is (issue 16.3); only the
	// start of an overlong one is shown back in the field.
	if (filters.postcode && !POSTCODE.test(filters.postcode)) {
		postcodeError = 'Vul een postcode in zoals 1521 AB, of alleen de 4 cijfers.';
		filters.postcode = filters.postcode.slice(0, 12);
	}
	// A typed postcode wins over a location; half a location is none.
	if (filters.postcode || filters.lat === undefined || filters.lng === undefined) {
		filters.lat = undefined;
		filters.lng = undefined;
	}
	return { filters, postcodeError };
}

/** How far ahead the popups and list look when no day is chosen. */
export const LOOKAHEAD_DAYS = 14;

/** The period the day filter means, in Amsterdam days; without one, from now on. */
export function filterPeriod(f: MapFilters, now: Date): { from: Date; to: Date } {
	const today = amsterdamDay(now);
	if (f.dag === 'vandaag') return { from: dayStart(today), to: dayStart(addDays(today, 1)) };
	if (f.dag === 'week') {
		// The rest of this week: today up to and including Sunday.
		const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
		return { from: dayStart(today), to: dayStart(addDays(today, 7 - weekday)) };
	}
	if (f.dag) return { from: dayStart(f.dag), to: dayStart(addDays(f.dag, 1)) };
	return { from: now, to: dayStart(addDays(today, LOOKAHEAD_DAYS + 1)) };
}
