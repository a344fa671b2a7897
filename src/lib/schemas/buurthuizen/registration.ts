// The registration form on /buurthuizen/activiteit/[id]/aanmelden: one occurrence date.
import { z } from 'zod';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const registrationSchema = z.object({
	occursOn: z.string().regex(ISO_DATE, 'Kies een datum uit de lijst.')
});

export type RegistrationForm = z.infer<typeof registrationSchema>;
