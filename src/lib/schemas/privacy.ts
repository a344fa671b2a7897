// The privacy officer's search of the processing log.
import { z } from 'zod';

const optional = (max: number, message: string) => z.string().trim().max(max, message).default('');

const day = z.union([z.iso.date('Vul een datum in zoals 2026-12-31.'), z.literal('')]).default('');

export const logSearchSchema = z
	.object({
		person: optional(320, 'Gebruik hoogstens 320 tekens.'),
		actor: optional(320, 'Gebruik hoogstens 320 tekens.'),
		from: day,
		to: day
	})
	.refine((v) => v.person !== '' || v.actor !== '', {
		message: 'Vul een persoon of een medewerker in.',
		path: ['person']
	});

export type LogSearchForm = z.infer<typeof logSearchSchema>;
