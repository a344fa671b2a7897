// Buurthulp's closed value lists, written once. The values are the database's own (CHECK lists
// today, Postgres enums next), so this file is the only one to change when the generated
// `Constants.public.Enums` takes over. Labels for the screen live in labels.ts.
import { z } from 'zod';

export const HELP_CATEGORIES = [
	'groceries',
	'transport',
	'odd_jobs',
	'garden',
	'company',
	'computer_help',
	'paperwork',
	'other'
] as const;
export const HELP_REQUEST_STATUSES = ['open', 'matched', 'done', 'cancelled', 'expired'] as const;
export const HELP_OFFER_STATUSES = ['open', 'closed'] as const;
export const RESPONSE_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const MATCH_STATUSES = ['active', 'done', 'cancelled'] as const;
export const REPORT_STATUSES = ['open', 'content_hidden', 'dismissed'] as const;
export const WHEN_KINDS = ['date', 'range', 'flexible'] as const;
/** 'any' first: the request form offers "hele dag" as its default. */
export const DAY_PARTS = ['any', 'morning', 'afternoon', 'evening'] as const;
export const RECURRENCES = ['once', 'weekly', 'every_two_weeks', 'monthly'] as const;
export const FOLLOWUP_ANSWERS = ['good', 'okay', 'bad'] as const;
export const FOLLOWUP_SIDES = ['requester', 'volunteer'] as const;
export const REPORT_TARGET_TYPES = ['help_request', 'help_offer', 'match_message'] as const;
export const MODERATION_ACTIONS = ['hide', 'unhide', 'block', 'unblock', 'dismiss_report'] as const;

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

export type HelpCategory = (typeof HELP_CATEGORIES)[number];
export type HelpRequestStatus = (typeof HELP_REQUEST_STATUSES)[number];
export type HelpOfferStatus = (typeof HELP_OFFER_STATUSES)[number];
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export type WhenKind = (typeof WHEN_KINDS)[number];
export type DayPart = (typeof DAY_PARTS)[number];
export type Recurrence = (typeof RECURRENCES)[number];
export type FollowupAnswer = (typeof FOLLOWUP_ANSWERS)[number];
export type FollowupSide = (typeof FOLLOWUP_SIDES)[number];
export type ReportTargetType = (typeof REPORT_TARGET_TYPES)[number];
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
