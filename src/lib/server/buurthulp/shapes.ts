// Shapes shared by the Buurthulp page functions' jsonb results, parsed at the boundary.
import { z } from 'zod';

export const requestStatus = z.enum(['open', 'matched', 'done', 'cancelled', 'expired']);
export const dayPart = z.enum(['morning', 'afternoon', 'evening', 'any']);
export const recurrence = z.enum(['once', 'weekly', 'every_two_weeks', 'monthly']);
export const whenKind = z.enum(['date', 'range', 'flexible']);

/** When a request is planned: the fields every page shows together. */
export const requestWhen = z.object({
	when_kind: whenKind,
	starts_on: z.string().nullable(),
	ends_on: z.string().nullable(),
	day_part: dayPart,
	duration_minutes: z.number().int(),
	recurrence
});

export type RequestWhen = z.infer<typeof requestWhen>;
