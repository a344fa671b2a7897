// The municipality admin's buurthuizen (issue 18): add, change, archive and bring back. Writes go
// through the table's policies (admins of the row's municipality); the database keeps the wijk in
// the same municipality and the placement (name, place, archiving) to admins.
import { parseDegrees, type CentreForm } from '#lib/schemas/tenancy/centre';
import { ok, refused, type WriteResult } from '../result';
import type { RequestClient } from '../supabase';
import { tenancyErrorMessage } from './errors';

const COLUMNS =
	'id, slug, name, district_id, street_address, postcode, city, latitude, longitude, opening_hours, wheelchair, toilets_wheelchair, hearing_loop, parking, accessibility, website, phone, email, is_demo, archived_at, districts (name)';

export interface AdminCentre {
	id: string;
	slug: string;
	name: string;
	districtName: string;
	streetAddress: string;
	postcode: string;
	city: string;
	isDemo: boolean;
	archivedAt: string | null;
	form: CentreForm;
}

const degrees = (n: number) => String(n).replace('.', ',');

type Row = {
	id: string;
	slug: string;
	name: string;
	district_id: string;
	street_address: string;
	postcode: string;
	city: string;
	latitude: number;
	longitude: number;
	opening_hours: string | null;
	wheelchair: string | null;
	toilets_wheelchair: string | null;
	hearing_loop: string | null;
	parking: string | null;
	accessibility: string;
	website: string | null;
	phone: string | null;
	email: string | null;
	is_demo: boolean;
	archived_at: string | null;
	districts: { name: string } | null;
};

const access = <T extends string>(v: string | null, allowed: readonly T[]): T | '' =>
	allowed.includes(v as T) ? (v as T) : '';

function toCentre(r: Row): AdminCentre {
	return {
		id: r.id,
		slug: r.slug,
		name: r.name,
		districtName: r.districts?.name ?? '',
		streetAddress: r.street_address,
		postcode: r.postcode,
		city: r.city,
		isDemo: r.is_demo,
		archivedAt: r.archived_at,
		form: {
			name: r.name,
			districtId: r.district_id,
			streetAddress: r.street_address,
			postcode: r.postcode,
			city: r.city,
			latitude: degrees(r.latitude),
			longitude: degrees(r.longitude),
			openingHours: r.opening_hours ?? '',
			wheelchair: access(r.wheelchair, ['yes', 'limited', 'no'] as const),
			toiletsWheelchair: access(r.toilets_wheelchair, ['yes', 'no'] as const),
			hearingLoop: access(r.hearing_loop, ['yes', 'limited', 'no'] as const),
			parking: access(r.parking, ['yes', 'limited', 'no'] as const),
			accessibility: r.accessibility,
			website: r.website ?? '',
			phone: r.phone ?? '',
			email: r.email ?? ''
		}
	};
}

/** Every buurthuis of the municipality, archived ones included, by name. */
export async function listAdminCentres(
	supabase: RequestClient,
	municipalityId: string
): Promise<AdminCentre[]> {
	const { data, error } = await supabase
		.from('community_centres')
		.select(COLUMNS)
		.eq('municipality_id', municipalityId)
		.order('name')
		.limit(1000);
	if (error) throw new Error(`listAdminCentres: ${error.code} ${error.message}`);
	return (data as unknown as Row[]).map(toCentre);
}

export async function loadAdminCentre(
	supabase: RequestClient,
	municipalityId: string,
	centreId: string
): Promise<AdminCentre | null> {
	const { data, error } = await supabase
		.from('community_centres')
		.select(COLUMNS)
		.eq('municipality_id', municipalityId)
		.eq('id', centreId)
		.maybeSingle();
	if (error) throw new Error(`loadAdminCentre: ${error.code} ${error.message}`);
	return data ? toCentre(data as unknown as Row) : null;
}

const nullIfEmpty = (v: string) => (v === '' ? null : v);

function columns(form: CentreForm) {
	const postcode = form.postcode.replace(/\s+/g, '').toUpperCase();
	return {
		name: form.name,
		district_id: form.districtId,
		street_address: form.streetAddress,
		postcode: `${postcode.slice(0, 4)} ${postcode.slice(4)}`,
		city: form.city,
		latitude: parseDegrees(form.latitude),
		longitude: parseDegrees(form.longitude),
		opening_hours: nullIfEmpty(form.openingHours),
		wheelchair: nullIfEmpty(form.wheelchair),
		toilets_wheelchair: nullIfEmpty(form.toiletsWheelchair),
		hearing_loop: nullIfEmpty(form.hearingLoop),
		parking: nullIfEmpty(form.parking),
		accessibility: form.accessibility,
		website: nullIfEmpty(form.website),
		phone: nullIfEmpty(form.phone),
		email: nullIfEmpty(form.email)
	};
}

/** "Buurthuis De Kroon" → "buurthuis-de-kroon" (2–60 characters, as the table wants). */
export function centreSlug(name: string): string {
	const slug = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 52)
		.replace(/-+$/, '');
	return slug.length >= 2 ? slug : `buurthuis-${slug}`.replace(/-+$/, '');
}

const CENTRE_ERRORS = { district_not_found: 'Kies een wijk van deze gemeente.' };

/** Adds a buurthuis; its address on the site is made from its name (with a number if taken). */
export async function addCentre(
	supabase: RequestClient,
	municipalityId: string,
	form: CentreForm
): Promise<WriteResult<string>> {
	const base = centreSlug(form.name);
	for (let attempt = 1; attempt <= 5; attempt++) {
		const slug = attempt === 1 ? base : `${base}-${attempt}`;
		const { data, error } = await supabase
			.from('community_centres')
			.insert({ ...columns(form), municipality_id: municipalityId, slug })
			.select('id')
			.single();
		if (!error) return ok(data.id);
		if (error.code !== '23505') {
			return refused(
				centreError(error),
				error.message.includes('district_not_found') ? 'districtId' : undefined
			);
		}
	}
	return refused('Er is al een buurthuis met deze naam. Kies een andere naam.', 'name');
}

export async function updateCentre(
	supabase: RequestClient,
	municipalityId: string,
	centreId: string,
	form: CentreForm
): Promise<WriteResult> {
	const { data, error } = await supabase
		.from('community_centres')
		.update(columns(form))
		.eq('municipality_id', municipalityId)
		.eq('id', centreId)
		.select('id');
	if (error) {
		return refused(
			centreError(error),
			error.message.includes('district_not_found') ? 'districtId' : undefined
		);
	}
	return data.length === 1 ? ok() : refused('Dit buurthuis bestaat niet (meer).');
}

/** Archived: off the map, the lists and the feeds; history and points stay. Or back again. */
export async function setCentreArchived(
	supabase: RequestClient,
	municipalityId: string,
	centreId: string,
	archived: boolean
): Promise<WriteResult> {
	const { data, error } = await supabase
		.from('community_centres')
		.update({ archived_at: archived ? new Date().toISOString() : null })
		.eq('municipality_id', municipalityId)
		.eq('id', centreId)
		.select('id');
	if (error) return refused(centreError(error));
	return data.length === 1 ? ok() : refused('Dit buurthuis bestaat niet (meer).');
}

function centreError(error: { message?: string; code?: string }) {
	if (error.message?.includes('district_not_found')) return CENTRE_ERRORS.district_not_found;
	return tenancyErrorMessage(error);
}

export interface DistrictOutline {
	id: string;
	slug: string;
	name: string;
	outline: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] } | null;
}

/** The municipality's wijken with their outlines: the form's choices and the map under the pick. */
export async function loadDistrictOutlines(
	supabase: RequestClient,
	municipalityId: string
): Promise<DistrictOutline[]> {
	const { data, error } = await supabase
		.from('districts')
		.select('id, slug, name, outline')
		.eq('municipality_id', municipalityId)
		.order('name');
	if (error) throw new Error(`loadDistrictOutlines: ${error.code} ${error.message}`);
	return data.map((d) => ({ ...d, outline: d.outline as DistrictOutline['outline'] }));
}
