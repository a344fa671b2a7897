// Buurthulp's closed value lists. They are defined once, as Postgres enums in the Buurthulp
// migration, and reach TypeScript through the generated types (Constants.public.Enums); this file
// only names them for the area. Labels for the screen live in labels.ts.
import { z } from 'zod';
import { Constants } from '#lib/database.types';

const { Enums } = Constants.public;

export const HELP_CATEGORIES = Enums.help_category;
export const HELP_REQUEST_STATUSES = Enums.help_request_status;
export const HELP_OFFER_STATUSES = Enums.help_offer_status;
export const RESPONSE_STATUSES = Enums.response_status;
export const MATCH_STATUSES = Enums.match_status;
export const REPORT_STATUSES = Enums.report_status;
export const WHEN_KINDS = Enums.help_request_when_kind;
/** 'any' first: the request form offers "hele dag" as its default. */
export const DAY_PARTS = Enums.day_part;
export const RECURRENCES = Enums.help_request_recurrence;
export const FOLLOWUP_ANSWERS = Enums.followup_answer;
export const FOLLOWUP_SIDES = Enums.followup_side;
export const REPORT_TARGET_TYPES = Enums.report_target_type;
export const MODERATION_ACTIONS = Enums.moderation_action;

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
