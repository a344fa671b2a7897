// A municipality's wijken and postcode areas as its admin keeps them: upload a GeoJSON (checked
// here, staged, looked at on a map, then saved), rename or merge wijken, upload the postcode
// areas as CSV. The readers are the ones db:reset uses for the seed (src/lib/tenancy/*-import.ts).
import { z } from 'zod';
import { readDistrictGeoJson } from '#lib/tenancy/district-import';
import type { Outline } from '#lib/tenancy/geo';
import { readPostcodeCsv } from '#lib/tenancy/postcode-import';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { tenancyErrorMessage } from './errors';

const AREAS: Record<string, string> = {
	import_invalid_district: 'Een van de wijken in het bestand klopt niet. Laad het bestand opnieuw.',
	import_duplicate_names: 'Twee wijken in het bestand hebben dezelfde naam.',
	import_too_many: 'Het bestand heeft te veel wijken of postcodes.',
	import_empty: 'Het bestand is leeg.',
	import_not_found: 'Deze upload bestaat niet meer. Laad het bestand opnieuw.',
	import_invalid_postcode:
		'Een van de postcodes in het bestand klopt niet. Laad het bestand opnieuw.',
	import_duplicate_postcodes: 'Een postcode staat twee keer in het bestand.',
	district_not_found: 'Deze wijk bestaat niet (meer).',
	district_name_taken: 'Er is al een wijk met deze naam.',
	merge_conflict:
		'Samenvoegen kan niet: beide wijken hebben iets met dezelfde naam (bijvoorbeeld een maatschappelijke opgave). Pas dat eerst aan.'
};

const areaError = (error: { message?: string; code?: string }) =>
	AREAS[(error.message ?? '').replace(/^(postgres)?error:\s*/i, '').split(/[:\s]/, 1)[0] ?? ''] ??
	tenancyErrorMessage(error);

export interface DistrictRow {
	id: string;
	name: string;
	slug: string;
	postcodeAreas: number[];
	hasOutline: boolean;
}

export async function listDistricts(
	supabase: RequestClient,
	municipalityId: string
): Promise<DistrictRow[]> {
	const { data, error } = await supabase
		.from('districts')
		.select('id, name, slug, postcode_areas, outline')
		.eq('municipality_id', municipalityId)
		.order('name');
	if (error) throw new Error(`districts: ${error.code} ${error.message}`);
	return data.map((d) => ({
		id: d.id,
		name: d.name,
		slug: d.slug,
		postcodeAreas: d.postcode_areas,
		hasOutline: d.outline !== null
	}));
}

export type Uploaded = { ok: true; draftId: string } | { ok: false; problems: string[] };

/** Checks the file and stages it for the preview; nothing changes until it is saved. */
export async function stageDistrictFile(supabase: RequestClient, text: string): Promise<Uploaded> {
	const read = readDistrictGeoJson(text);
	if (!read.ok) return read;
	const { data, error } = await supabase.rpc('stage_district_import', {
		p_districts: read.value as never
	});
	if (error) return { ok: false, problems: [areaError(error)] };
	return { ok: true, draftId: data as string };
}

const draftRow = fromRow(
	z.object({
		id: z.uuid(),
		districts: z.array(
			z.object({
				name: z.string(),
				slug: z.string(),
				latitude: z.number(),
				longitude: z.number(),
				outline: z.custom<Outline>((v) => typeof v === 'object' && v !== null),
				existing: z.boolean()
			})
		),
		kept: z.array(z.string())
	})
);

export type DistrictDraft = z.infer<typeof draftRow>;

export async function loadDistrictDraft(
	supabase: RequestClient,
	draftId: string
): Promise<DistrictDraft | null> {
	const { data, error } = await supabase.rpc('district_import_page', { p_draft_id: draftId });
	if (error) throw new Error(`district_import_page: ${error.code} ${error.message}`);
	return data === null ? null : draftRow.parse(data);
}

export async function applyDistrictDraft(
	supabase: RequestClient,
	draftId: string
): Promise<WriteResult<{ added: number; updated: number }>> {
	const { data, error } = await supabase.rpc('apply_district_import', { p_draft_id: draftId });
	if (error) return refused(areaError(error));
	return ok(data as { added: number; updated: number });
}

export async function renameDistrict(
	supabase: RequestClient,
	districtId: string,
	name: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('rename_district', {
		p_district_id: districtId,
		p_name: name
	});
	return error ? refused(areaError(error)) : ok();
}

export async function mergeDistricts(
	supabase: RequestClient,
	from: string,
	into: string
): Promise<WriteResult> {
	const { error } = await supabase.rpc('merge_districts', { p_from: from, p_into: into });
	return error ? refused(areaError(error)) : ok();
}

export type PostcodesSaved =
	{ ok: true; areas: number; withoutDistrict: number } | { ok: false; problems: string[] };

/** Replaces the municipality's postcode areas with the file's. */
export async function savePostcodeFile(
	supabase: RequestClient,
	municipalityId: string,
	text: string
): Promise<PostcodesSaved> {
	const { data: districts, error: listError } = await supabase
		.from('districts')
		.select('id, name, slug, outline')
		.eq('municipality_id', municipalityId);
	if (listError) throw new Error(`districts: ${listError.code} ${listError.message}`);
	const read = readPostcodeCsv(
		text,
		districts.map((d) => ({ ...d, outline: d.outline as Outline | null }))
	);
	if (!read.ok) return read;
	const { data, error } = await supabase.rpc('save_postcode_areas', {
		p_areas: read.value.map((a) => ({
			postcode: a.postcode,
			latitude: a.latitude,
			longitude: a.longitude,
			district_ids: a.districtIds
		})) as never
	});
	if (error) return { ok: false, problems: [areaError(error)] };
	const summary = data as { areas: number; without_district: number };
	return { ok: true, areas: summary.areas, withoutDistrict: summary.without_district };
}
