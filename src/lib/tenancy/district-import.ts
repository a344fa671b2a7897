// Reading a GeoJSON file of wijk boundaries, as the admin uploads it and as db:reset loads the
// seed's: every problem as a Dutch sentence naming the wijk, so the admin can fix the file; no
// partial result. What comes out is what import_districts stores (shrunk outlines, a point in
// each wijk, a slug from each name). Pure: no database, no SvelteKit.
import {
	inNetherlands,
	polygonsOf,
	representativePoint,
	shrinkOutline,
	type Outline,
	type Position
} from './geo.ts';

export const DISTRICT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxFeatures: 200 };

export interface ImportedDistrict {
	name: string;
	slug: string;
	latitude: number;
	longitude: number;
	outline: Outline;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** The property names wijk files use for the name: ours, CBS's wijk- en buurtkaart, PDOK's. */
const NAME_KEYS = ['naam', 'name', 'wijknaam', 'WK_NAAM', 'wijk', 'statnaam', 'NAAM'];

const GEOMETRY_WORDS: Record<string, string> = {
	Point: 'een punt',
	MultiPoint: 'een verzameling punten',
	LineString: 'een lijn',
	MultiLineString: 'een verzameling lijnen',
	GeometryCollection: 'een verzameling vormen'
};

export const slugify = (name: string) =>
	name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');

const isPosition = (p: unknown): p is Position =>
	Array.isArray(p) &&
	p.length >= 2 &&
	typeof p[0] === 'number' &&
	typeof p[1] === 'number' &&
	Number.isFinite(p[0]) &&
	Number.isFinite(p[1]);

/** Checks the rings of one polygon; closes a ring that is not closed. */
function readPolygon(value: unknown): Position[][] | string {
	if (!Array.isArray(value) || value.length === 0) return 'heeft een vlak zonder rand';
	const rings: Position[][] = [];
	for (const ring of value) {
		if (!Array.isArray(ring) || !ring.every(isPosition))
			return 'heeft coördinaten die geen getallen zijn';
		const positions = ring.map((p) => [p[0], p[1]] as Position);
		const [first, last] = [positions[0], positions[positions.length - 1]];
		if (first && last && (first[0] !== last[0] || first[1] !== last[1])) positions.push(first);
		if (positions.length < 4) return 'heeft een rand met minder dan drie hoeken';
		rings.push(positions);
	}
	return rings;
}

function readOutline(geometry: unknown): Outline | string {
	const g = geometry as { type?: unknown; coordinates?: unknown } | null;
	if (!g || typeof g !== 'object') return 'heeft geen vorm (geometry)';
	if (g.type === 'Polygon') {
		const rings = readPolygon(g.coordinates);
		return typeof rings === 'string' ? rings : { type: 'Polygon', coordinates: rings };
	}
	if (g.type === 'MultiPolygon') {
		if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'heeft geen vlakken';
		const polygons: Position[][][] = [];
		for (const polygon of g.coordinates) {
			const rings = readPolygon(polygon);
			if (typeof rings === 'string') return rings;
			polygons.push(rings);
		}
		return { type: 'MultiPolygon', coordinates: polygons };
	}
	const word = GEOMETRY_WORDS[String(g.type)];
	return word
		? `is ${word}, geen vlak. Een wijk moet een Polygon of MultiPolygon zijn`
		: 'heeft een vorm die we niet kennen. Een wijk moet een Polygon of MultiPolygon zijn';
}

function nameOf(properties: unknown): string | null {
	if (!properties || typeof properties !== 'object') return null;
	const props = properties as Record<string, unknown>;
	for (const key of NAME_KEYS) {
		const value = props[key];
		if (typeof value === 'string' && value.trim().length > 0) return value.trim();
	}
	return null;
}

function pointOf(properties: unknown, outline: Outline): Position {
	const props = (properties ?? {}) as Record<string, unknown>;
	const [lat, lon] = [Number(props.latitude), Number(props.longitude)];
	if (Number.isFinite(lat) && Number.isFinite(lon) && inNetherlands([lon, lat])) return [lon, lat];
	return representativePoint(outline);
}

const label = (index: number, name: string | null) =>
	name ? `Wijk ${index + 1} (${name})` : `Wijk ${index + 1}`;

/** Reads the file's text; a byte order mark is fine. */
export function readDistrictGeoJson(text: string): ImportResult<ImportedDistrict[]> {
	if (new TextEncoder().encode(text).length > DISTRICT_LIMITS.maxBytes) {
		return {
			ok: false,
			problems: [
				'Het bestand is te groot: hoogstens 5 MB. Vereenvoudig de grenzen, bijvoorbeeld met mapshaper.org.'
			]
		};
	}
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return {
			ok: false,
			problems: [
				'Dit bestand is geen GeoJSON: de inhoud is geen geldige JSON. Kies het .geojson-bestand met de wijkgrenzen.'
			]
		};
	}
	const collection = data as { type?: unknown; features?: unknown } | null;
	if (
		!collection ||
		collection.type !== 'FeatureCollection' ||
		!Array.isArray(collection.features)
	) {
		return {
			ok: false,
			problems: [
				'Dit bestand is geen GeoJSON FeatureCollection. Een wijkenbestand heeft een lijst "features" met één vlak per wijk.'
			]
		};
	}
	const features = collection.features as unknown[];
	if (features.length === 0) return { ok: false, problems: ['Het bestand bevat geen wijken.'] };
	if (features.length > DISTRICT_LIMITS.maxFeatures) {
		return {
			ok: false,
			problems: [
				`Het bestand bevat ${features.length.toLocaleString('nl-NL')} vlakken. Een gemeente heeft hoogstens ${DISTRICT_LIMITS.maxFeatures} wijken; kies het bestand met wijken, niet met buurten of percelen.`
			]
		};
	}
	const problems: string[] = [];
	const districts: ImportedDistrict[] = [];
	features.forEach((feature, index) => {
		const f = (feature ?? {}) as { type?: unknown; geometry?: unknown; properties?: unknown };
		const name = nameOf(f.properties);
		if (f.type !== 'Feature') {
			problems.push(`${label(index, name)} is geen Feature.`);
			return;
		}
		const outline = readOutline(f.geometry);
		if (typeof outline === 'string') {
			problems.push(`${label(index, name)} ${outline}.`);
			return;
		}
		if (!name) {
			problems.push(`${label(index, null)} heeft geen naam. Geef elke wijk een eigenschap "naam".`);
			return;
		}
		if (name.length < 2 || name.length > 80) {
			problems.push(`${label(index, name.slice(0, 40))}: de naam moet 2 tot 80 tekens zijn.`);
			return;
		}
		const outside = polygonsOf(outline).some((rings) =>
			rings.some((ring) => !ring.every(inNetherlands))
		);
		if (outside) {
			problems.push(
				`${label(index, name)} ligt (deels) buiten Nederland. Staan de coördinaten in graden (WGS84)? Rijksdriehoek-coördinaten (RD, EPSG:28992) kunnen we niet lezen: zet ze eerst om naar WGS84.`
			);
			return;
		}
		const props = (f.properties ?? {}) as Record<string, unknown>;
		const slug =
			typeof props.slug === 'string' && /^[a-z0-9-]{2,60}$/.test(props.slug)
				? props.slug
				: slugify(name);
		if (slug.length < 2) {
			problems.push(
				`${label(index, name)}: van deze naam kunnen we geen webadres maken. Gebruik letters of cijfers.`
			);
			return;
		}
		const [longitude, latitude] = pointOf(f.properties, outline);
		districts.push({ name, slug, latitude, longitude, outline: shrinkOutline(outline) });
	});
	const seen = new Map<string, number>();
	features.forEach((feature, index) => {
		const name = nameOf((feature as { properties?: unknown } | null)?.properties);
		if (!name) return;
		const key = name.toLowerCase();
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			problems.push(
				`Twee wijken heten "${name}" (wijk ${earlier + 1} en wijk ${index + 1}). Elke wijk moet een eigen naam hebben.`
			);
		} else seen.set(key, index);
	});
	const slugs = new Set<string>();
	for (const d of districts) {
		if (slugs.has(d.slug)) {
			problems.push(
				`De wijk "${d.name}" krijgt hetzelfde webadres als een andere wijk (${d.slug}). Kies namen die meer verschillen.`
			);
		}
		slugs.add(d.slug);
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, value: districts };
}
