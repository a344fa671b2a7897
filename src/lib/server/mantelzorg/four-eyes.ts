// The four-eyes rules on money as /beheer explains them: the numbers that say whether this
// municipality can follow them today (two admins, two consulenten per wijk) and what waits.
import { z } from 'zod';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';

const overview = fromRow(
	z.object({
		adminCount: z.number().int(),
		districtsWithOneCaseworker: z.array(z.string()),
		applicationsWaiting: z.number().int(),
		batchesWaiting: z.number().int(),
		myBatchesWaiting: z.number().int()
	})
);
export type FourEyesOverview = z.infer<typeof overview>;

export async function loadFourEyesOverview(supabase: RequestClient): Promise<FourEyesOverview> {
	const { data, error } = await supabase.rpc('four_eyes_page');
	if (error) throw new Error(`four_eyes_page: ${error.message}`);
	return overview.parse(data);
}
