// The printed prikbord's way back to a request: the coordinator's phone number (a municipal
// setting) and a request's short code (src/lib/buurthulp/short-code.ts).
import { SHORT_CODE } from '#lib/buurthulp/short-code';
import type { RequestClient } from '../supabase';

/** The Buurthulp coordinator's phone number of the municipality (one per install), or null. */
export async function loadCoordinatorPhone(supabase: RequestClient): Promise<string | null> {
	const { data, error } = await supabase
		.from('municipalities')
		.select('coordinator_phone')
		.order('created_at')
		.limit(1)
		.maybeSingle();
	if (error) throw new Error(`municipalities: ${error.message}`);
	return data?.coordinator_phone ?? null;
}

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
