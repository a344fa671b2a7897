// Buurthulp's closed value lists, without zod: the browser imports these (labels, form
// options), and zod built in the browser costs 24 KB and tries eval, which the CSP refuses. They
// are defined once, as Postgres enums in the Buurthulp migration, and arrive through the generated
// types (Constants.public.Enums).
import { Constants } from '#lib/database.types';

const { Enums } = Constants.public;

export const HELP_CATEGORIES = Enums.help_category;
export const HELP_REQUEST_STATUSES = Enums.help_request_status;
export const HELP_OFFER_STATUSES = Enums.help_offer_status;
export const RESPONSE_STATUSES = Enums.response_status;
export const MATCH_STATUSES = Enums.match_status;
export const REPORT_STATUSES = Enums.report_status;
export const WHEN_KINDS = Enums.help_request_when_kind;
/** 'any' first: the request form offers "Maakt niet uit" as its default. */
export const DAY_PARTS = Enums.day_part;
export const RECURRENCES = Enums.help_request_recurrence;
export const FOLLOWUP_ANSWERS = Enums.followup_answer;
export const FOLLOWUP_SIDES = Enums.followup_side;
export const REPORT_TARGET_TYPES = Enums.report_target_type;
export const MODERATION_ACTIONS = Enums.moderation_action;

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
