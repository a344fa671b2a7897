// Form building blocks Buurthulp's schemas share.
import { z } from 'zod';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today as YYYY-MM-DD in the Netherlands, so a request for "today" is not refused at night. */
export const todayInNl = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

export const optionalText = (max: number, message: string) =>
	z.string().trim().max(max, message).default('');
