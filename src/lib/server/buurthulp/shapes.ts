// Shapes shared by the Buurthulp page functions' jsonb results, in camelCase: each module wraps
// its page schema in fromRow, which renames the keys before these see them.
import { z } from 'zod';
import { dayPart, recurrence, responseStatus, whenKind } from '#lib/buurthulp/enums';

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

/** A request or an offer as lists and pages show it: what, in which category, where. */
export const helpItem = z.object({
	id: z.uuid(),
	title: z.string(),
	description: z.string(),
	category: z.string(),
	districtName: z.string()
});

/** An open offer as the public lists show it. */
export const openOffer = helpItem.extend({ whenText: z.string(), createdAt: z.string() });

/** A volunteer's reaction to a request, as the requester's and the volunteer's pages list it. */
export const helpResponse = z.object({
	id: z.uuid(),
	status: responseStatus,
	message: z.string(),
	createdAt: z.string()
});

/**
 * What the chosen volunteer sees of the requester (requester_contact_for_volunteer): on the match
 * page, and before choosing as "Dit ziet {naam} van jou".
 */
export const contactDetails = z.object({
	name: z.string().nullable(),
	phone: z.string().nullable(),
	streetAddress: z.string().nullable(),
	postcode: z.string().nullable(),
	city: z.string().nullable()
});

export type ContactDetails = z.infer<typeof contactDetails>;

export const districtOption = z.object({ id: z.uuid(), name: z.string() });

export type DistrictOption = z.infer<typeof districtOption>;
