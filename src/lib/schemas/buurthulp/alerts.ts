// A volunteer's choice of mails about new requests (/hulp/vrijwilliger/meldingen). SQL checks the
// choice again and refuses anyone without a volunteer profile (set_request_alerts).
import { z } from 'zod';

export const DIGESTS = ['none', 'daily', 'weekly'] as const;

export const requestAlertsSchema = z.object({
	urgent: z.boolean().default(false),
	digest: z.enum(DIGESTS, { error: 'Kies hoe vaak je een overzicht wilt.' }).default('none')
});

export type RequestAlertsForm = z.infer<typeof requestAlertsSchema>;
