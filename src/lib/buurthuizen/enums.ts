// Buurthuizen's closed value lists. They are defined once, as Postgres enums in the Buurthuizen
// migration, and reach TypeScript through the generated types (Constants.public.Enums); this file
// only names them for the area. Labels for the screen live in labels.ts.
import { z } from 'zod';
import { Constants } from '#lib/database.types';

const { Enums } = Constants.public;

export const ACTIVITY_CATEGORIES = Enums.activity_category;
/** 'carers' marks activities for mantelzorgers. */
export const ACTIVITY_AUDIENCES = Enums.activity_audience;
export const ACTIVITY_RECURRENCES = Enums.activity_recurrence;

export const activityCategory = z.enum(ACTIVITY_CATEGORIES);
export const activityAudience = z.enum(ACTIVITY_AUDIENCES);
export const activityRecurrence = z.enum(ACTIVITY_RECURRENCES);

export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number];
export type ActivityRecurrence = (typeof ACTIVITY_RECURRENCES)[number];
