// The buurthuizen of each wijk, for pages of other areas that name "the buurthuis of the wijk"
// (the Buurthulp board). Public reference data that rarely changes: kept for five minutes in this
// server process per municipality, so those pages spend no extra call on it most of the time.
import type { RequestClient } from '../supabase';

export interface DistrictCentre {
	name: string;
	slug: string;
}

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; map: Map<string, DistrictCentre[]> }>();

/** District id → its buurthuizen by name, for the municipality's wijken. */
export async function centresByDistrict(
	supabase: RequestClient,
	municipalityId: string,
	now = Date.now()
): Promise<Map<string, DistrictCentre[]>> {
	const cached = cache.get(municipalityId);
	if (cached && now - cached.at < TTL_MS) return cached.map;
	const { data, error } = await supabase
		.from('community_centres')
		.select('district_id, name, slug')
		.eq('municipality_id', municipalityId)
		.is('archived_at', null)
		.order('name');
	if (error) throw new Error(`centresByDistrict: ${error.code} ${error.message}`);
	const map = new Map<string, DistrictCentre[]>();
	for (const c of data) {
		map.set(c.district_id, [...(map.get(c.district_id) ?? []), { name: c.name, slug: c.slug }]);
	}
	cache.set(municipalityId, { at: now, map });
	return map;
}

/** Only the wijken a page shows, as a plain object for page data. */
export function centresFor(
	map: Map<string, DistrictCentre[]>,
	districtIds: Iterable<string>
): Record<string, DistrictCentre[]> {
	const out: Record<string, DistrictCentre[]> = {};
	for (const id of districtIds) out[id] = map.get(id) ?? [];
	return out;
}
