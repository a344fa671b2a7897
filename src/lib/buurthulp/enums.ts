// Buurthulp's closed value lists as zod enums, for the schemas on the server. The lists and their
// types live in values.ts (zod-free, safe for the browser); labels for the screen in labels.ts.
import { z } from 'zod';
import {
	HELP_CATEGORIES,
	HELP_REQUEST_STATUSES,
	HELP_OFFER_STATUSES,
	RESPONSE_STATUSES,
	MATCH_STATUSES,
	REPORT_STATUSES,
	WHEN_KINDS,
	DAY_PARTS,
	RECURRENCES,
	FOLLOWUP_ANSWERS,
	FOLLOWUP_SIDES,
	REPORT_TARGET_TYPES,
	MODERATION_ACTIONS
} from './values';

export * from './values';

export const helpCategory = z.enum(HELP_CATEGORIES);
export const helpRequestStatus = z.enum(HELP_REQUEST_STATUSES);
export const helpOfferStatus = z.enum(HELP_OFFER_STATUSES);
export const responseStatus = z.enum(RESPONSE_STATUSES);
export const matchStatus = z.enum(MATCH_STATUSES);
export const reportStatus = z.enum(REPORT_STATUSES);
export const whenKind = z.enum(WHEN_KINDS);
export const dayPart = z.enum(DAY_PARTS);
export const recurrence = z.enum(RECURRENCES);
export const followupAnswer = z.enum(FOLLOWUP_ANSWERS);
export const followupSide = z.enum(FOLLOWUP_SIDES);
export const reportTargetType = z.enum(REPORT_TARGET_TYPES);
export const moderationAction = z.enum(MODERATION_ACTIONS);
