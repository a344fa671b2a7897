// The board's filters, named once. Everything else derives from this list: the zod rules
// (schemas/buurthulp/board.ts, a record over these names, so a new filter cannot go without
// one), the notes for a value the board cannot use, whether a search is filtered, and the links to
// other pages of a search. No zod here: the board's browser code uses it.
import { hrefWith } from '#lib/query';

/** The filters in link order; each is a query parameter of /hulp. */
export const BOARD_FILTERS = ['zoek', 'categorie', 'wijk', 'datum'] as const;
export type BoardFilterName = (typeof BOARD_FILTERS)[number];

/** A parameter a link can carry that the board could not use, and why not. */
export const IGNORED_NOTES = {
	categorie: 'Deze soort hulp kennen we niet. We laten alle soorten hulp zien.',
	wijk: 'Deze wijk kennen we niet. We laten alle wijken zien.',
	datum: 'De datum in de zoekopdracht bestaat niet. We laten hulpvragen op alle datums zien.',
	pagina: 'Dit paginanummer klopt niet. We laten de eerste pagina zien.'
} as const satisfies Record<Exclude<BoardFilterName, 'zoek'> | 'pagina', string>;
/** A too-long search is not ignored but given back as typed (tooLongSearch). */
export type IgnoredFilter = keyof typeof IGNORED_NOTES;

/** A search's filter values (BoardFilters, or part of it), seen without the zod schema. */
export type FilterValues = { readonly [K in BoardFilterName]?: string | number | null };

/** Whether any filter narrows the board. */
export const isFiltered = (filters: FilterValues) =>
	BOARD_FILTERS.some((name) => filters[name] !== undefined);

/** The link to one page of the same search. */
export function boardHref(filters: FilterValues, page: number, path = '/hulp'): string {
	const params = Object.fromEntries(BOARD_FILTERS.map((name) => [name, filters[name]]));
	return hrefWith(path, { ...params, pagina: page > 1 ? page : undefined });
}
