// The map's filters as values, and as a query string: no zod here, because the map page's
// browser code uses it (parsing them lives in map-filters.ts, on the server).
import type { ActivityCategory } from './enums';

export interface MapFilters {
	wijk?: string;
	/** 'vandaag', 'week' or a day 'YYYY-MM-DD'. */
	dag?: string;
	categorie?: ActivityCategory;
	gratis: boolean;
	rolstoel: boolean;
	postcode?: string;
	lat?: number;
	lng?: number;
}

/** Whether a filter asks about activities, so only buurthuizen with a matching one remain. */
export const filtersActivities = (f: MapFilters) => Boolean(f.dag || f.categorie || f.gratis);

/** The filters as a query string (without "?"), in a fixed order, for links and the map. */
export function mapQueryString(f: Partial<MapFilters>): string {
	const pairs: [string, string | undefined][] = [
		['wijk', f.wijk],
		['dag', f.dag],
		['categorie', f.categorie],
		['gratis', f.gratis ? '1' : undefined],
		['rolstoel', f.rolstoel ? '1' : undefined],
		['postcode', f.postcode],
		['lat', f.lat?.toString()],
		['lng', f.lng?.toString()]
	];
	return new URLSearchParams(pairs.filter((p): p is [string, string] => Boolean(p[1]))).toString();
}
