// The Buurthulp board's GET filters, shared by the board and the printable notice board.
import { z } from 'zod';
import { HELP_CATEGORIES } from '#lib/buurthulp/enums';
import { SEARCH_MAX_CHARS, SEARCH_MAX_WORDS } from '#lib/buurthulp/search';
import { ISO_DATE } from './fields';

/**
 * A day that exists, in years a hulpvraag can have. The pattern alone lets 2026-02-30 and
 * 0000-01-01 through, and the database then refuses the whole page.
 */
export function isBoardDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	const [year, month, day] = value.split('-').map(Number) as [number, number, number];
	if (year < 2000 || year > 2099) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const tooLong = (search: string) =>
	search.length > SEARCH_MAX_CHARS || search.split(/\s+/).length > SEARCH_MAX_WORDS;

/** The board's GET filters; anything malformed is dropped rather than refused (it is a link). */
export const boardFilterSchema = z.object({
	categorie: z.enum(HELP_CATEGORIES).optional().catch(undefined),
	wijk: z
		.string()
		.regex(/^[a-z0-9-]{2,60}$/)
		.optional()
		.catch(undefined),
	datum: z.string().refine(isBoardDate).optional().catch(undefined),
	zoek: z
		.string()
		.trim()
		.refine((search) => !tooLong(search))
		.optional()
		.catch(undefined),
	pagina: z.coerce.number().int().min(1).max(500).catch(1).default(1)
});

export type BoardFilters = z.infer<typeof boardFilterSchema>;
/** A filter a link can carry that the board could not use. */
export type IgnoredFilter = 'categorie' | 'wijk' | 'datum' | 'pagina';

export interface BoardQuery {
	filters: BoardFilters;
	/** Filters in the link that are impossible (a day that does not exist): left out, with a note. */
	ignored: IgnoredFilter[];
	/** A search too long to run, given back as typed so the visitor can shorten it. */
	tooLongSearch?: string;
}

export function parseBoardFilters(params: URLSearchParams): BoardQuery {
	const raw = Object.fromEntries(
		[...params.entries()].filter(([, value]) => value.trim() !== '')
	) as Record<string, string>;
	const filters = boardFilterSchema.parse(raw);
	const ignored: IgnoredFilter[] = (['categorie', 'wijk', 'datum'] as const).filter(
		(name) => raw[name] !== undefined && filters[name] === undefined
	);
	if (raw.pagina !== undefined && String(filters.pagina) !== raw.pagina.trim()) {
		ignored.push('pagina');
	}
	const search = raw.zoek?.trim();
	return {
		filters,
		ignored,
		tooLongSearch: search !== undefined && tooLong(search) ? raw.zoek : undefined
	};
}
