// Straight-line distances for "bij mij in de buurt", in the same formula as the SQL distance_m.
export interface Point {
	latitude: number;
	longitude: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: Point, b: Point): number {
	const h =
		Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 +
		Math.cos(rad(a.latitude)) *
			Math.cos(rad(b.latitude)) *
			Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

const km = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** 340 → "350 m" (rounded to 50 m), 1234 → "1,2 km": a distance as the approximation it is. */
export function formatDistance(metres: number): string {
	if (metres < 950) return `${Math.max(50, Math.round(metres / 50) * 50)} m`;
	return `${km.format(metres / 1000)} km`;
}

/**
 * A browser location rounded to 3 decimals (about 100 m), so the address bar and the server
 * never see a position more exact than "bij mij in de buurt" needs.
 */
export const roundCoordinate = (value: number) => Math.round(value * 1000) / 1000;
