// The Buurthulp board's GET filters, shared by the board and the printable notice board. Their
// names and the notes about values the board cannot use: #lib/buurthulp/board-filters.
import { z } from 'zod';
import {
	BOARD_FILTERS,
	type BoardFilterName,
	type IgnoredFilter
} from '#lib/buurthulp/board-filters';
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

/** What each filter accepts; anything else is dropped rather than refused (it is a link). */
const RULES = {
	zoek: z
		.string()
		.trim()
		.refine((search) => !tooLong(search)),
	categorie: z.enum(HELP_CATEGORIES),
	wijk: z.string().regex(/^[a-z0-9-]{2,60}$/),
	datum: z.string().refine(isBoardDate)
} satisfies Record<BoardFilterName, z.ZodType>;

/** Each rule made optional, a value it refuses dropped. */
function dropping<S extends Record<string, z.ZodType>>(rules: S) {
	return Object.fromEntries(
		Object.entries(rules).map(([name, rule]) => [name, rule.optional().catch(undefined)])
	) as { [K in keyof S]: z.ZodCatch<z.ZodOptional<S[K]>> };
}

export const boardFilterSchema = z.object({
	...dropping(RULES),
	pagina: z.coerce.number().int().min(1).max(500).catch(1).default(1)
});

export type BoardFilters = z.infer<typeof boardFilterSchema>;

export interface BoardQuery {
	filters: BoardFilters;
	/** Filters in the link that are impossible (a day that does not exist): left out, with a note. */
	ignored: IgnoredFilter[];
	/** A search too long to run, given back as typed so the visitor can shorten it. */
	tooLongSearch?: string;
}

type Parameter = BoardFilterName | 'pagina';

/** The filters of a link; `only` keeps some of them (the printed board: just the wijk). */
export function parseBoardFilters(
	params: URLSearchParams,
	only: readonly Parameter[] = [...BOARD_FILTERS, 'pagina']
): BoardQuery {
	const raw = Object.fromEntries(
		[...params.entries()].filter(
			([name, value]) => value.trim() !== '' && only.includes(name as Parameter)
		)
	) as Record<string, string>;
	const filters = boardFilterSchema.parse(raw);
	const ignored: IgnoredFilter[] = BOARD_FILTERS.filter(
		(name): name is Exclude<BoardFilterName, 'zoek'> =>
			name !== 'zoek' && raw[name] !== undefined && filters[name] === undefined
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
