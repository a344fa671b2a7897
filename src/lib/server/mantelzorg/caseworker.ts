// The consulent's pages: the queue of their wijken with fraud signals, the file of one
// application, the decisions on it, and the wijken to enter an application in. The reads and
// writes are mz-core's (applications.ts, cheques.ts); this module adds the consulent's wijken.
import { z } from 'zod';
import type { RequestClient } from '../supabase';

export {
	answerQuestion as answerForCarer,
	approveApplication,
	askQuestion,
	loadApplicationFile as loadFile,
	loadCaseworkerQueue as loadQueue,
	rejectApplication,
	type ApplicationFile,
	type CaseworkerQueue
} from './applications';
export { blockAndReissueCheque as blockAndReissue } from './cheques';

/** The consulent's own wijken, for the form that enters an application for a carer. */
export async function loadMyDistricts(supabase: RequestClient, userId: string) {
	const { data } = await supabase
		.from('caseworker_districts')
		.select('districts(id, name)')
		.eq('user_id', userId);
	const parsed = z
		.array(z.object({ districts: z.object({ id: z.uuid(), name: z.string() }) }))
		.safeParse(data);
	return parsed.success
		? parsed.data.map((row) => row.districts).sort((a, b) => a.name.localeCompare(b.name, 'nl'))
		: [];
}
