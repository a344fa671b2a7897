// Reading a CSV of the municipality's 4-digit postcode areas with their centre points, as the
// admin uploads it and as db:reset loads the seed's. Excel's Dutch CSV (";" between fields,
// decimal commas, a byte order mark) reads the same as plain CSV. Each area goes to the wijk the
// file names, or, without one, to the wijk whose outline holds its centre. Every problem is a
// Dutch sentence naming the line; no partial result. Pure: no database.
import { inNetherlands, inOutline, type Outline } from './geo.ts';

export const POSTCODE_LIMITS = { maxBytes: 512 * 1024, maxRows: 2000 };

export interface KnownDistrict {
	id: string;
	name: string;
	slug: string;
	outline: Outline | null;
}

export interface ImportedPostcodeArea {
	postcode: number;
	latitude: number;
	longitude: number;
	/** The wijken it belongs to (a 4-digit area may cross a wijk border); empty when none. */
	districtIds: string[];
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const COLUMNS = {
	postcode: ['postcode', 'pc4', 'postcodegebied', 'postcode4'],
	latitude: ['latitude', 'lat', 'breedtegraad', 'breedte', 'y'],
	longitude: ['longitude', 'lon', 'lng', 'lengtegraad', 'lengte', 'x'],
	district: ['wijk', 'wijknaam', 'district']
};

/** Splits one line on the separator, honouring double quotes. */
function fields(line: string, separator: string): string[] {
	const out: string[] = [];
	let current = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i] as string;
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				current += '"';
				i++;
			} else if (c === '"') quoted = false;
			else current += c;
		} else if (c === '"') quoted = true;
		else if (c === separator) {
			out.push(current.trim());
			current = '';
		} else current += c;
	}
	out.push(current.trim());
	return out;
}

const number = (text: string, decimalComma: boolean) => {
	const normal = decimalComma ? text.replace(',', '.') : text;
	return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : NaN;
};

const MAX_LISTED = 25;

export function readPostcodeCsv(
	text: string,
	districts: KnownDistrict[]
): ImportResult<ImportedPostcodeArea[]> {
	if (new TextEncoder().encode(text).length > POSTCODE_LIMITS.maxBytes) {
		return { ok: false, problems: ['Het bestand is te groot: hoogstens 512 KB.'] };
	}
	const lines = text
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\n|\r/)
		.filter((l) => l.trim() !== '');
	if (lines.length < 2) {
		return {
			ok: false,
			problems: [
				'Het bestand is leeg. Zet in de eerste regel de kolomnamen (postcode;latitude;longitude;wijk) en daaronder één regel per postcode.'
			]
		};
	}
	if (lines.length - 1 > POSTCODE_LIMITS.maxRows) {
		return {
			ok: false,
			problems: [
				`Het bestand heeft ${(lines.length - 1).toLocaleString('nl-NL')} regels; hoogstens ${POSTCODE_LIMITS.maxRows} postcodegebieden per gemeente.`
			]
		};
	}
	const header = lines[0] as string;
	const separator = header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
	const decimalComma = separator !== ',';
	const names = fields(header, separator).map((n) => n.toLowerCase());
	const column = (keys: string[]) => names.findIndex((n) => keys.includes(n));
	const [pc, lat, lon, wijk] = [
		column(COLUMNS.postcode),
		column(COLUMNS.latitude),
		column(COLUMNS.longitude),
		column(COLUMNS.district)
	];
	if (pc < 0 || lat < 0 || lon < 0) {
		return {
			ok: false,
			problems: [
				'De eerste regel moet de kolomnamen hebben: postcode, latitude en longitude (en eventueel wijk). Gebruik ; of , tussen de kolommen.'
			]
		};
	}
	const byName = new Map<string, KnownDistrict>();
	for (const d of districts) {
		byName.set(d.name.toLowerCase(), d);
		byName.set(d.slug, d);
	}
	const problems: string[] = [];
	const areas = new Map<number, ImportedPostcodeArea & { line: number }>();
	lines.slice(1).forEach((line, i) => {
		const n = i + 2;
		const row = fields(line, separator);
		const code = (row[pc] ?? '').replace(/\s/g, '').toUpperCase();
		const match = /^([1-9][0-9]{3})([A-Z]{2})?$/.exec(code);
		if (!match) {
			problems.push(
				`Regel ${n}: "${code.slice(0, 12)}" is geen postcode. Gebruik de 4 cijfers, zoals 1501.`
			);
			return;
		}
		const postcode = Number(match[1]);
		const [latitude, longitude] = [
			number(row[lat] ?? '', decimalComma),
			number(row[lon] ?? '', decimalComma)
		];
		if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
			problems.push(
				`Regel ${n} (${postcode}): latitude en longitude moeten getallen zijn, zoals 52,4385 en 4,8266.`
			);
			return;
		}
		if (!inNetherlands([longitude, latitude])) {
			problems.push(
				`Regel ${n} (${postcode}): dit middelpunt ligt buiten Nederland. Staan latitude en longitude misschien omgedraaid?`
			);
			return;
		}
		let districtIds: string[];
		const wijkName = wijk >= 0 ? (row[wijk] ?? '').trim() : '';
		if (wijkName !== '') {
			const district = byName.get(wijkName.toLowerCase());
			if (!district) {
				problems.push(
					`Regel ${n} (${postcode}): de wijk "${wijkName.slice(0, 60)}" kennen we niet. Zet de wijken eerst in Buurtkracht, of laat de kolom leeg.`
				);
				return;
			}
			districtIds = [district.id];
		} else {
			const around = districts.find(
				(d) => d.outline && inOutline([longitude, latitude], d.outline)
			);
			districtIds = around ? [around.id] : [];
		}
		const earlier = areas.get(postcode);
		if (earlier) {
			if (
				Math.abs(earlier.latitude - latitude) > 1e-6 ||
				Math.abs(earlier.longitude - longitude) > 1e-6
			) {
				problems.push(
					`Regel ${n} (${postcode}): deze postcode staat ook op regel ${earlier.line}, met een ander middelpunt.`
				);
				return;
			}
			earlier.districtIds = [...new Set([...earlier.districtIds, ...districtIds])];
			return;
		}
		areas.set(postcode, { postcode, latitude, longitude, districtIds, line: n });
	});
	if (problems.length > 0) {
		const shown = problems.slice(0, MAX_LISTED);
		if (problems.length > MAX_LISTED)
			shown.push(`En nog ${problems.length - MAX_LISTED} regels met een fout.`);
		return { ok: false, problems: shown };
	}
	return {
		ok: true,
		value: [...areas.values()].map((a) => ({
			postcode: a.postcode,
			latitude: a.latitude,
			longitude: a.longitude,
			districtIds: a.districtIds
		}))
	};
}
