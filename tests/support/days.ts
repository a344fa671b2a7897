// Dates as the database reads them: an Amsterdam calendar day. A UTC date is yesterday's for the
// first hour or two of every Amsterdam day, which failed a CI run that started at 00:40 there.
import { addDays, amsterdamDay } from '../../src/lib/buurthuizen/calendar-days.ts';

/** The Amsterdam day `days` days from today ("2026-12-06"); negative for the past. */
export const dayFromNow = (days: number) => addDays(amsterdamDay(new Date()), days);
