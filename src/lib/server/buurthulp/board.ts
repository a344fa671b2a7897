// The public board and the printable notice board, a read model: one call to help_board_page,
// which returns the wijken to choose from and one page of open requests without personal data.
import { z } from 'zod';
import type { BoardFilters } from '#lib/schemas/buurthulp/board';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { helpItem, requestWhen } from './shapes';

const district = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

const boardItem = requestWhen.extend({
	...helpItem.shape,
	districtId: z.uuid(),
	postcodeArea: z.string().nullable(),
	createdAt: z.string()
});

const boardPage = fromRow(
	z.object({
		districts: z.array(district),
		district: district.nullable(),
		unknownDistrict: z.boolean(),
		// A text search counts up to 500 matches; `more` says there were more than `total`.
		result: z.object({
			total: z.number().int(),
			more: z.boolean().default(false),
			items: z.array(boardItem)
		})
	})
);

export type BoardItem = z.infer<typeof boardItem>;
export type BoardPage = z.infer<typeof boardPage>;

export const BOARD_PAGE_SIZE = 20;
/** The printed board shows everything open in one wijk, up to what fits a few A4 pages. */
export const PRINT_LIMIT = 100;

export async function loadBoard(
	supabase: RequestClient,
	filters: BoardFilters,
	limit = BOARD_PAGE_SIZE
): Promise<BoardPage> {
	const { data, error } = await supabase.rpc('help_board_page', {
		p_district_slug: filters.wijk,
		p_category: filters.categorie,
		// One date: requests whose time window includes that day (flexible ones always do).
		p_from: filters.datum,
		p_to: filters.datum,
		p_query: filters.zoek,
		p_limit: limit,
		p_offset: (filters.pagina - 1) * limit
	});
	if (error) throw new Error(`help_board_page: ${error.message}`);
	return boardPage.parse(data);
}
