// Loads a municipality's seed folder (supabase/seed/<slug>/): its row and host names, then its
// wijken (wijken.geojson) and postcode areas (postcodes.csv) through the same readers and SQL
// functions as the admin's uploads, then its other reference data (reference.sql). Maintenance:
// it writes as the database owner. Relative imports only: Node runs it without Vite.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readDistrictGeoJson } from '../../tenancy/district-import.ts';
import { readPostcodeCsv, type KnownDistrict } from '../../tenancy/postcode-import.ts';
import type { Outline } from '../../tenancy/geo.ts';
import type { Lite } from './lite.ts';

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

const optional = (file: string) => readFile(file, 'utf8').catch(() => null);

export async function seedMunicipalityFolder(lite: Lite, folder: string): Promise<string> {
	const slug = path.basename(folder);
	await lite.exec(await readFile(path.join(folder, 'municipality.sql'), 'utf8'));
	const [row] = (
		await lite.exec(`select id from public.municipalities where slug = ${quote(slug)}`)
	).rows as { id: string }[];
	if (!row) throw new Error(`${folder}/municipality.sql made no municipality "${slug}"`);

	const geojson = await optional(path.join(folder, 'wijken.geojson'));
	if (geojson !== null) {
		const read = readDistrictGeoJson(geojson);
		if (!read.ok) throw new Error(`${folder}/wijken.geojson: ${read.problems.join(' ')}`);
		await lite.exec(
			`select public.import_districts(${quote(row.id)}, ${quote(JSON.stringify(read.value))}::jsonb)`
		);
	}
	const csv = await optional(path.join(folder, 'postcodes.csv'));
	if (csv !== null) {
		const { rows } = await lite.exec(
			`select id, name, slug, outline from public.districts where municipality_id = ${quote(row.id)}`
		);
		const districts = rows as unknown as (KnownDistrict & { outline: Outline | null })[];
		const read = readPostcodeCsv(csv, districts);
		if (!read.ok) throw new Error(`${folder}/postcodes.csv: ${read.problems.join(' ')}`);
		const areas = read.value.map((a) => ({
			postcode: a.postcode,
			latitude: a.latitude,
			longitude: a.longitude,
			district_ids: a.districtIds
		}));
		await lite.exec(
			`select public.import_postcode_areas(${quote(row.id)}, ${quote(JSON.stringify(areas))}::jsonb)`
		);
	}
	const reference = await optional(path.join(folder, 'reference.sql'));
	if (reference !== null) await lite.exec(reference);
	return row.id;
}
