// The Buurthulp board's GET filters, shared by the board and the printable notice board.
import { z } from 'zod';
import { HELP_CATEGORIES } from '#lib/buurthulp/enums';
import { ISO_DATE } from './fields';

/** The board's GET filters; anything malformed is dropped rather than refused (it is a link). */
export const boardFilterSchema = z.object({
	categorie: z.enum(HELP_CATEGORIES).optional().catch(undefined),
	wijk: z
		.string()
		.regex(/^[a-z0-9-]{2,60}$/)
		.optional()
		.catch(undefined),
	datum: z.string().regex(ISO_DATE).optional().catch(undefined),
	zoek: z.string().trim().max(100).optional().catch(undefined),
	pagina: z.coerce.number().int().min(1).max(500).catch(1).default(1)
});

export type BoardFilters = z.infer<typeof boardFilterSchema>;

export function parseBoardFilters(params: URLSearchParams): BoardFilters {
	const raw = Object.fromEntries(
		[...params.entries()].filter(([, value]) => value.trim() !== '')
	) as Record<string, string>;
	return boardFilterSchema.parse(raw);
}
