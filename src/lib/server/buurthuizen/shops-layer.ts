// HOOK for the map's second layer, "winkels": the shops that take the mantelzorgwaardering
// cheque. Mantelzorgwaardering's shops table arrives from another branch; when it has approved
// shops with coordinates, read them here (one query, public columns only) and the map shows a
// switch "Winkels (mantelzorgwaardering)". Until then there are none and the map shows no switch.
import type { MapShop } from '#lib/components/buurthuizen/map-parts';
import type { RequestClient } from '../supabase';

export async function loadShopsLayer(supabase: RequestClient): Promise<MapShop[]> {
	void supabase;
	return [];
}
