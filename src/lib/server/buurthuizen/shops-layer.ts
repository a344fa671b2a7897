// The map's second layer, "winkels": the approved shops that take the mantelzorgwaardering cheque,
// read through Mantelzorgwaardering's public list (public columns only). Shops without a location
// stay off the map; /mantelzorg/winkels lists them all and is the layer's equivalent without a map.
import type { MapShop } from '#lib/buurthuizen/map-types';
import { listApprovedShops } from '../mantelzorg/shops';
import type { RequestClient } from '../supabase';

export async function loadShopsLayer(supabase: RequestClient): Promise<MapShop[]> {
	const { shops } = await listApprovedShops(supabase, {});
	return shops.flatMap((s) =>
		s.latitude === null || s.longitude === null
			? []
			: [
					{
						id: s.id,
						name: s.name,
						address: `${s.streetAddress}, ${s.postcode} ${s.city}`,
						latitude: s.latitude,
						longitude: s.longitude
					}
				]
	);
}
