// The printed prikbord's way back to a request: a request's short code
// (src/lib/buurthulp/short-code.ts); the coordinator's phone is locals.municipality's.
import { SHORT_CODE } from '#lib/buurthulp/short-code';
import type { RequestClient } from '../supabase';

/** The id of the request with this short code, or null (unknown, malformed or hidden). */
export async function findRequestByCode(
	supabase: RequestClient,
	code: string
): Promise<string | null> {
	if (!SHORT_CODE.test(code)) return null;
	const { data, error } = await supabase.rpc('help_request_by_code', { p_code: code });
	if (error) throw new Error(`help_request_by_code: ${error.message}`);
	return data ?? null;
}
