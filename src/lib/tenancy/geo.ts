// Geometry for the wijk imports, pure and unit-tested: the Netherlands' bounds, polygon area and
// centroid, point in polygon, and shrinking an outline (rounding, Douglas–Peucker) so a wijk
// boundary from CBS or PDOK fits the map's approximate outlines. Coordinates are
// [longitude, latitude] in degrees (WGS84), as GeoJSON has them.

export type Position = [number, number];
export type Ring = Position[];
export interface Polygon {
	type: 'Polygon';
	coordinates: Ring[];
}
export interface MultiPolygon {
	type: 'MultiPolygon';
	coordinates: Ring[][];
}
export type Outline = Polygon | MultiPolygon;

/** A generous box around the Netherlands, the Wadden and the border municipalities. */
export const NETHERLANDS = { minLon: 3.0, maxLon: 7.5, minLat: 50.6, maxLat: 53.7 };

export const inNetherlands = ([lon, lat]: Position) =>
	lon >= NETHERLANDS.minLon &&
	lon <= NETHERLANDS.maxLon &&
	lat >= NETHERLANDS.minLat &&
	lat <= NETHERLANDS.maxLat;

export const polygonsOf = (outline: Outline): Ring[][] =>
	outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;

/** Signed area of a ring (shoelace, in square degrees; positive when counter-clockwise). */
function ringArea(ring: Ring): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [x1, y1] = ring[j] as Position;
		const [x2, y2] = ring[i] as Position;
		sum += x1 * y2 - x2 * y1;
	}
	return sum / 2;
}

/** Whether the point lies inside the ring (ray casting; a point on the edge may go either way). */
export function inRing([x, y]: Position, ring: Ring): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as Position;
		const [xj, yj] = ring[j] as Position;
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** Inside an outer ring and outside its holes, in any of the polygons. */
export function inOutline(point: Position, outline: Outline): boolean {
	return polygonsOf(outline).some(
		([outer, ...holes]) =>
			outer !== undefined && inRing(point, outer) && !holes.some((h) => inRing(point, h))
	);
}

function ringCentroid(ring: Ring): Position {
	let cx = 0;
	let cy = 0;
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [x1, y1] = ring[j] as Position;
		const [x2, y2] = ring[i] as Position;
		const f = x1 * y2 - x2 * y1;
		cx += (x1 + x2) * f;
		cy += (y1 + y2) * f;
		a += f;
	}
	if (a === 0) return ring[0] ?? [0, 0];
	return [cx / (3 * a), cy / (3 * a)];
}

/**
 * A point inside the outline to stand for the wijk (the approximate location of its requests):
 * the centroid of its largest polygon, or, when that falls outside (a crescent-shaped wijk), the
 * middle of the widest stretch of a horizontal line through that polygon.
 */
export function representativePoint(outline: Outline): Position {
	const largest = polygonsOf(outline)
		.filter((p) => p[0] && p[0].length > 2)
		.sort((a, b) => Math.abs(ringArea(b[0] as Ring)) - Math.abs(ringArea(a[0] as Ring)))[0];
	const outer = largest?.[0] ?? [[0, 0]];
	const centroid = ringCentroid(outer);
	if (largest && inOutline(centroid, { type: 'Polygon', coordinates: largest })) return centroid;
	const y = centroid[1];
	const crossings: number[] = [];
	for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
		const [xi, yi] = outer[i] as Position;
		const [xj, yj] = outer[j] as Position;
		if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
	}
	crossings.sort((a, b) => a - b);
	let best: Position = centroid;
	let width = -1;
	for (let k = 0; k + 1 < crossings.length; k += 2) {
		const [a, b] = [crossings[k] as number, crossings[k + 1] as number];
		if (b - a > width) [width, best] = [b - a, [(a + b) / 2, y]];
	}
	return best;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function perpendicular([x, y]: Position, [x1, y1]: Position, [x2, y2]: Position): number {
	const dx = x2 - x1;
	const dy = y2 - y1;
	const length = Math.hypot(dx, dy);
	return length === 0
		? Math.hypot(x - x1, y - y1)
		: Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length;
}

/** Douglas–Peucker on an open polyline, keeping both ends. */
function simplifyLine(points: Position[], tolerance: number): Position[] {
	if (points.length < 3) return points;
	let index = 0;
	let max = 0;
	const first = points[0] as Position;
	const last = points[points.length - 1] as Position;
	for (let i = 1; i < points.length - 1; i++) {
		const d = perpendicular(points[i] as Position, first, last);
		if (d > max) [index, max] = [i, d];
	}
	if (max <= tolerance) return [first, last];
	return [
		...simplifyLine(points.slice(0, index + 1), tolerance).slice(0, -1),
		...simplifyLine(points.slice(index), tolerance)
	];
}

/** A closed ring, simplified; never fewer than 4 positions (a triangle). */
function simplifyRing(ring: Ring, tolerance: number, digits: number): Ring {
	const rounded = ring.map(([x, y]) => [round(x, digits), round(y, digits)] as Position);
	const deduplicated = rounded.filter(
		(p, i) =>
			i === 0 ||
			p[0] !== (rounded[i - 1] as Position)[0] ||
			p[1] !== (rounded[i - 1] as Position)[1]
	);
	const simplified = tolerance > 0 ? simplifyLine(deduplicated, tolerance) : deduplicated;
	return simplified.length >= 4 ? simplified : deduplicated.length >= 4 ? deduplicated : rounded;
}

/**
 * The outline rounded to about a metre and simplified just enough to fit `maxBytes` of JSON
 * (the database keeps outlines to orient visitors on the map, not to survey the borders).
 */
export function shrinkOutline(outline: Outline, maxBytes = 30_000): Outline {
	let tolerance = 0;
	for (let attempt = 0; attempt < 12; attempt++) {
		const polygons = polygonsOf(outline)
			.map((rings) => rings.map((r) => simplifyRing(r, tolerance, 5)))
			// Islands and holes too small to see at this tolerance go.
			.map((rings) => rings.filter((r, i) => i === 0 || Math.abs(ringArea(r)) > tolerance ** 2));
		const shrunk: Outline =
			polygons.length === 1
				? { type: 'Polygon', coordinates: polygons[0] as Ring[] }
				: { type: 'MultiPolygon', coordinates: polygons };
		if (JSON.stringify(shrunk).length <= maxBytes) return shrunk;
		tolerance = tolerance === 0 ? 0.00002 : tolerance * 2;
	}
	return outline;
}
