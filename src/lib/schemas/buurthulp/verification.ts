// The coordinator's verification of a volunteer: the day they met, and the date on the VOG they
// saw. Only dates: the VOG itself is never uploaded. SQL checks the dates again (verify_volunteer).
import { z } from 'zod';

const isoDate = (missing: string) =>
	z
		.string({ error: missing })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, missing)
		.refine((v) => !Number.isNaN(Date.parse(v)), 'Deze datum bestaat niet.');

export const verificationSchema = z.object({
	metOn: isoDate('Vul in op welke dag je de vrijwilliger sprak.'),
	vogIssuedOn: isoDate('Vul de datum in die op de VOG staat.')
});

export type VerificationForm = z.infer<typeof verificationSchema>;

/** The admin's setting: how long a verification holds. */
export const verificationMonthsSchema = z.object({
	months: z.coerce
		.number({ error: 'Vul een aantal maanden in.' })
		.int('Vul een heel aantal maanden in.')
		.min(6, 'Kies minstens 6 maanden.')
		.max(120, 'Kies hoogstens 120 maanden (10 jaar).')
});
