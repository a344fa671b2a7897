// Shapes shared by the Buurthulp page functions' jsonb results, in camelCase: each module wraps
// its page schema in fromRow, which renames the keys before these see them.
import { z } from 'zod';
import { dayPart, recurrence, whenKind } from '#lib/buurthulp/enums';

/** When a request is planned: the fields every page shows together. */
export const requestWhen = z.object({
	whenKind,
	startsOn: z.string().nullable(),
	endsOn: z.string().nullable(),
	dayPart,
	durationMinutes: z.number().int(),
	recurrence
});

export type RequestWhen = z.infer<typeof requestWhen>;

export const districtOption = z.object({ id: z.uuid(), name: z.string() });

export type DistrictOption = z.infer<typeof districtOption>;
