// The shapes the map and list page (/buurthuizen) shares between its server read model
// (server/buurthuizen/map-page.ts, shops-layer.ts) and its components (Map.svelte, map-parts.ts,
// CentreList.svelte). Types only, so components and server modules both import this module and
// never each other.

/** One upcoming activity as a popup and a list item show it. */
export interface ActivityLine {
	id: string;
	occursOn: string;
	title: string;
	when: string;
	category: string;
	cost: string;
	cancelled: boolean;
	full: boolean;
}

/** OSM-style access: yes, limited, no, or not known. */
export type Access = 'yes' | 'limited' | 'no' | null;

/** A buurthuis on the map and in the list. */
export interface CentreItem {
	id: string;
	slug: string;
	name: string;
	districtId: string;
	address: string;
	latitude: number;
	longitude: number;
	access: string;
	wheelchair: Access;
	isDemo: boolean;
	distanceM: number | null;
	next: ActivityLine[];
	moreActivities: number;
}

/** The list's buurthuizen under their wijk. */
export interface DistrictGroup {
	id: string;
	slug: string;
	name: string;
	centres: CentreItem[];
}

/**
 * The map's second layer, "winkels": the Mantelzorgwaardering shops that take the cheque. The map
 * page passes them (server/buurthuizen/shops-layer.ts) and the map offers a switch to show them;
 * without shops there is no switch.
 */
export interface MapShop {
	id: string;
	name: string;
	address: string;
	latitude: number;
	longitude: number;
}
