// Approximate locations: the public never sees more than the 4 digits of a postcode and a point
// rounded to about a kilometre (or the wijk's own point).
export function normalisePostcode(input: string): string | null {
	const compact = input.replace(/\s+/g, '').toUpperCase();
	return /^[1-9][0-9]{3}[A-Z]{2}$/.test(compact)
		? `${compact.slice(0, 4)} ${compact.slice(4)}`
		: null;
}

/**
 * "1521 AB" or "1521" → "1521": the part of a postcode that may be shown in public, and all we
 * store with a request (so when it is edited, the 4 digits are what the form can show again).
 * Null for anything that is not a Dutch postcode.
 */
export function postcodeArea(input: string): string | null {
	const compact = input.replace(/\s+/g, '').toUpperCase();
	return /^[1-9][0-9]{3}([A-Z]{2})?$/.test(compact) ? compact.slice(0, 4) : null;
}

/** Rounds a coordinate to 2 decimals (about 1.1 km north–south, 0.7 km east–west here). */
export const roundCoordinate = (value: number) => Math.round(value * 100) / 100;

/** Distance in km on the equirectangular approximation the ranking SQL uses (fine within a city). */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
	const dLat = lat2 - lat1;
	const dLng = (lng2 - lng1) * Math.cos((lat1 * Math.PI) / 180);
	return 111.2 * Math.sqrt(dLat * dLat + dLng * dLng);
}
